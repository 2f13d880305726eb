import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

struct ReturnFormModel: Sendable {
    let sheet: ReturnSheet
    /// What the person sent, kept exactly, when the form comes back.
    let form: ReturnForm
    let errors: [String: String]
    /// When someone else saved first: their version, shown beside the person's own.
    let theirs: ReturnForm?
    let standing: ReturnWorkflow.Standing
    /// The review form sent back with an error (the comment kept).
    let review: ReturnedForm?
    /// The assurance checks' findings on this return, for its reviewer.
    var findings: [Flag] = []

    var canWrite: Bool { standing.canEdit && sheet.state != .approved }
    var canReview: Bool { (standing.isAccountable || standing.isPMO) && [.submitted, .approved].contains(sheet.state) }
}

/// The monthly return: rating, update and mitigation, milestones with their dates as written and their ratings.
enum ReturnFormPage {
    static let blankMilestoneLines = 2

    /// The browser tab names the project and the month, so that two returns open side by side can be told apart.
    static func title(_ sheet: ReturnSheet) -> String {
        "Return for \(sheet.project.displayName), \(sheet.period.label)"
    }

    static func render(_ model: ReturnFormModel, _ context: PageContext) -> String {
        var context = context
        let sheet = model.sheet
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path),
            (sheet.project.title, Link.project(project: sheet.project.id).path),
        ]
        let ratings = sheet.scale.levels.map(\.label)
        var nodes: [HTMLNode] = [
            el(
                "h1",
                text:
                    "Return for \(sheet.period.label): \(sheet.project.reference.map { "\($0) " } ?? "")\(sheet.project.title)"
            ),
            el(
                "p", [("class", "lede")],
                text:
                    "\(sheet.programme.name) · SRO \(sheet.project.sro ?? "not named") · as at \(sheet.period.asAt.longDisplay)"
            ),
        ]
        if let previous = sheet.previous, model.canWrite {
            let level = sheet.scale.level(for: previous.form.rating)
            nodes.append(
                el(
                    "p", [("id", "previous-rating")],
                    [
                        txt("Last period (\(previous.periodLabel)): "),
                        previous.form.rating.isEmpty
                            ? txt("not rated") : RatingViews.badge(previous.form.rating, level: level),
                    ]))
        }
        if let theirs = model.theirs { nodes.append(conflict(theirs)) }
        if sheet.isPrefilled, model.errors.isEmpty {
            nodes.append(
                el(
                    "div", [("class", "notice")],
                    text: "Prefilled from the last period's return: check every value before saving."))
        }
        nodes.append(status(sheet))
        guard model.canWrite else {
            if model.canReview {
                nodes += ReviewComparisonView.render(sheet.comparison, scale: sheet.scale, findings: model.findings)
                nodes.append(reviewPanel(model, csrf: context.csrf))
                return Layout.render(context, nodes)
            }
            nodes.append(el("h2", text: "The return"))
            nodes.append(summary(sheet.form))
            if sheet.state == .approved, model.standing.canEdit {
                nodes.append(
                    el(
                        "p", [("class", "hint")],
                        text: "This return is approved. To change it, ask the SRO or the PMO to return it for changes.")
                )
            }
            return Layout.render(context, nodes)
        }
        if model.canReview { nodes.append(reviewPanel(model, csrf: context.csrf)) }
        let lines =
            model.form.milestones
            + Array(repeating: MilestoneLine(title: "", date: "", rating: nil), count: blankMilestoneLines)
        let pageOrder =
            ["rating", "update", "mitigation", "milestones"]
            + lines.indices.flatMap { index in
                [ReturnField.MilestonePart.title, .date, .rating].map { ReturnField.milestone(index, $0).formName }
            }
        nodes.append(FormViews.errorSummary(model.errors, order: pageOrder))
        nodes.append(
            postForm(
                Link.returnForm(period: sheet.period.id, project: sheet.project.id).path, csrf: context.csrf,
                [
                    el(
                        "input",
                        [("type", "hidden"), ("name", "baseVersion"), ("value", String(model.form.baseVersion))]),
                    FormViews.select(
                        "rating", label: "RAG rating", options: ratings, selected: model.form.rating,
                        errors: model.errors, blank: "Choose a rating"),
                    FormViews.textArea(
                        "update", label: "Update", hint: "Progress this period, in plain words",
                        value: model.form.update, errors: model.errors, limit: ReturnForm.maxTextLength),
                    FormViews.textArea(
                        "mitigation", label: "Mitigation", hint: "What is being done about any risk to delivery",
                        value: model.form.mitigation, errors: model.errors, limit: ReturnForm.maxTextLength),
                    el("h2", text: "Milestones"),
                    el(
                        "p", [("class", "hint")],
                        text:
                            "Write dates as you would on the paper (20-Jul-16, Jun-16, Mid January 2017, 17/18, tbc). If any milestone is rated Amber or Red, the project carries that rating."
                    ),
                    el(
                        "table", [("class", "milestones")],
                        [
                            el(
                                "thead", [],
                                [
                                    el(
                                        "tr", [],
                                        ["Milestone", "Date", "RAG"].map { columnHeader($0) })
                                ]),
                            el(
                                "tbody", [],
                                lines.enumerated().map { index, line in
                                    milestoneRow(index, line, ratings: ratings, errors: model.errors)
                                }),
                        ]),
                    el(
                        "div", [("class", "actions")],
                        [
                            button("Submit for review", name: "action", value: ReturnAction.submit.rawValue),
                            button(
                                sheet.state == .submitted ? "Withdraw from review and save as a draft" : "Save draft",
                                class: "button secondary", name: "action", value: ReturnAction.saveDraft.rawValue),
                            link(Link.project(project: sheet.project.id).path, "Cancel"),
                        ]),
                ]))
        return Layout.render(context, nodes)
    }

    static func milestoneRow(
        _ index: Int, _ line: MilestoneLine, ratings: [String], errors: [String: String]
    ) -> HTMLNode {
        let prefix = "m\(index)"
        return el(
            "tr", [],
            [
                el(
                    "td", [],
                    [
                        FormViews.error("\(prefix)-title", errors),
                        el(
                            "input",
                            [
                                ("type", "text"), ("name", "\(prefix)-title"),
                                ("id", FormViews.fieldID("\(prefix)-title")),
                                ("value", line.title), ("aria-label", "Milestone \(index + 1)"),
                            ]),
                    ]),
                el(
                    "td", [],
                    [
                        FormViews.error("\(prefix)-date", errors),
                        el(
                            "input",
                            [
                                ("type", "text"), ("name", "\(prefix)-date"),
                                ("id", FormViews.fieldID("\(prefix)-date")),
                                ("value", line.date), ("aria-label", "Milestone \(index + 1) date"),
                            ]),
                    ]),
                el(
                    "td", [],
                    [
                        FormViews.select(
                            "\(prefix)-rating", label: nil, options: ratings, selected: line.rating ?? "",
                            errors: errors, blank: "Not rated", accessibleName: "Milestone \(index + 1) RAG rating")
                    ]),
            ])
    }

    /// Where the return stands, who last touched it, and what the reviewer asked for.
    static func status(_ sheet: ReturnSheet) -> HTMLNode {
        func when(_ date: Date?) -> String {
            date.map { " on \($0.ukMoment)" } ?? ""
        }
        var facts = "Status: \(sheet.state.label)."
        if let by = sheet.savedBy ?? sheet.submittedBy {
            facts += " Last saved by \(by)\(when(sheet.savedAt ?? sheet.submittedAt))."
        }
        var nodes: [HTMLNode] = [el("p", [("class", "lede"), ("id", "return-state")], text: facts)]
        if sheet.state == .returnedForChanges, let comment = sheet.reviewComment {
            nodes.append(
                el(
                    "div", [("class", "notice")],
                    [
                        el("strong", text: "Returned for changes\(sheet.reviewedBy.map { " by \($0)" } ?? ""):"),
                        paragraphs(comment),
                    ]))
        }
        return .group(nodes)
    }

    static func reviewPanel(_ model: ReturnFormModel, csrf: String) -> HTMLNode {
        let sheet = model.sheet
        let errors = model.review?.errors ?? [:]
        var buttons: [HTMLNode] = []
        if sheet.state == .submitted {
            buttons.append(button("Approve", name: "action", value: ReturnAction.approve.rawValue))
        }
        buttons.append(
            button(
                "Return for changes", class: "button secondary", name: "action",
                value: ReturnAction.returnForChanges.rawValue))
        return el(
            "section", [("class", "review no-print")],
            [
                el("h2", text: "Review"),
                FormViews.errorSummary(errors),
                postForm(
                    Link.reviewReturn(period: sheet.period.id, project: sheet.project.id).path, csrf: csrf,
                    [
                        el("input", [("type", "hidden"), ("name", "version"), ("value", String(sheet.version))]),
                        FormViews.textArea(
                            "comment", label: "Comment",
                            hint: "Required when returning it: the lead sees this on the return",
                            value: model.review?.values["comment"] ?? "", errors: errors),
                        el("div", [("class", "actions")], buttons),
                    ]),
            ])
    }

    static func summary(_ form: ReturnForm) -> HTMLNode {
        el(
            "dl", [("class", "facts")],
            [
                el("dt", text: "RAG"), el("dd", text: form.rating),
                el("dt", text: "Update"), el("dd", [], [paragraphs(form.update)]),
                el("dt", text: "Mitigation"), el("dd", [], [paragraphs(form.mitigation)]),
                el("dt", text: "Milestones"),
                el(
                    "dd",
                    text: form.milestones.map { "\($0.title) (\($0.date)\($0.rating.map { ", \($0)" } ?? ""))" }.joined(
                        separator: "; ")),
            ])
    }

    static func conflict(_ theirs: ReturnForm) -> HTMLNode {
        el(
            "div", [("class", "error-summary"), ("role", "alert")],
            [
                el("h2", text: "Someone else saved this return while you were editing it"),
                el(
                    "p",
                    text:
                        "Your changes have not been saved and are kept in the form below. This is the version now saved:"
                ),
                summary(theirs),
                el("p", text: "Saving again will replace it with your version."),
            ])
    }
}
