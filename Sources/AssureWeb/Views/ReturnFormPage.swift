import AssureCore
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
}

/// The monthly return: rating, update and mitigation, milestones with their dates as written and their ratings.
enum ReturnFormPage {
    static let blankMilestoneLines = 2

    static func render(_ model: ReturnFormModel, _ context: PageContext) -> String {
        var context = context
        let sheet = model.sheet
        context.breadcrumbs = [("Portfolios", AppRoute.home.link()), (sheet.project.title, AppRoute.project.link(project: sheet.project.id))]
        let ratings = sheet.scale.levels.map(\.label)
        var nodes: [HTMLNode] = [
            el("h1", text: "Return for \(sheet.period.label): \(sheet.project.reference.map { "\($0) " } ?? "")\(sheet.project.title)"),
            el("p", [("class", "lede")], text: "\(sheet.programme.name) · SRO \(sheet.project.sro ?? "not named") · as at \(sheet.period.asAt.longDisplay)"),
        ]
        if let theirs = model.theirs { nodes.append(conflict(theirs)) }
        if sheet.isPrefilled, model.errors.isEmpty { nodes.append(el("div", [("class", "notice")], text: "Prefilled from the last period's return: check every value before saving.")) }
        if let by = sheet.submittedBy { nodes.append(el("p", [("class", "lede")], text: "Last saved by \(by)\(sheet.submittedAt.map { " on \($0.formatted(date: .abbreviated, time: .shortened))" } ?? "").")) }
        nodes.append(FormViews.errorSummary(model.errors))
        let lines = model.form.milestones + Array(repeating: MilestoneLine(title: "", date: "", rating: nil), count: blankMilestoneLines)
        nodes.append(postForm(AppRoute.returnForm.link(period: sheet.period.id, project: sheet.project.id), csrf: context.csrf, [
            el("input", [("type", "hidden"), ("name", "baseVersion"), ("value", String(model.form.baseVersion))]),
            FormViews.select("rating", label: "RAG rating", options: ratings, selected: model.form.rating, errors: model.errors, blank: "Choose a rating"),
            FormViews.textArea("update", label: "Update", hint: "Progress this period, in plain words", value: model.form.update, errors: model.errors),
            FormViews.textArea("mitigation", label: "Mitigation", hint: "What is being done about any risk to delivery", value: model.form.mitigation, errors: model.errors),
            el("h2", text: "Milestones"),
            el("p", [("class", "hint")], text: "Write dates as you would on the paper (20-Jul-16, Jun-16, Mid January 2017, 17/18, tbc). If any milestone is rated Amber or Red, the project carries that rating."),
            el("table", [("class", "milestones")], [
                el("thead", [], [el("tr", [], ["Milestone", "Date", "RAG"].map { el("th", [("scope", "col")], text: $0) })]),
                el("tbody", [], lines.enumerated().map { index, line in milestoneRow(index, line, ratings: ratings, errors: model.errors) }),
            ]),
            el("div", [("class", "actions")], [button("Save return"), link(AppRoute.project.link(project: sheet.project.id), "Cancel")]),
        ]))
        return Layout.render(context, nodes)
    }

    static func milestoneRow(_ index: Int, _ line: MilestoneLine, ratings: [String], errors: [String: String]) -> HTMLNode {
        let prefix = "m\(index)"
        return el("tr", [], [
            el("td", [], [FormViews.error("\(prefix)-title", errors),
                          el("input", [("type", "text"), ("name", "\(prefix)-title"), ("id", FormViews.fieldID("\(prefix)-title")),
                                       ("value", line.title), ("aria-label", "Milestone \(index + 1)")])]),
            el("td", [], [FormViews.error("\(prefix)-date", errors),
                          el("input", [("type", "text"), ("name", "\(prefix)-date"), ("id", FormViews.fieldID("\(prefix)-date")),
                                       ("value", line.date), ("aria-label", "Milestone \(index + 1) date")])]),
            el("td", [], [FormViews.select("\(prefix)-rating", label: nil, options: ratings, selected: line.rating ?? "",
                                           errors: errors, blank: "Not rated")]),
        ])
    }

    static func conflict(_ theirs: ReturnForm) -> HTMLNode {
        el("div", [("class", "error-summary"), ("role", "alert")], [
            el("h2", text: "Someone else saved this return while you were editing it"),
            el("p", text: "Your changes have not been saved and are kept in the form below. This is the version now saved:"),
            el("dl", [("class", "facts")], [
                el("dt", text: "RAG"), el("dd", text: theirs.rating),
                el("dt", text: "Update"), el("dd", [], [paragraphs(theirs.update)]),
                el("dt", text: "Mitigation"), el("dd", [], [paragraphs(theirs.mitigation)]),
                el("dt", text: "Milestones"), el("dd", text: theirs.milestones.map { "\($0.title) (\($0.date)\($0.rating.map { ", \($0)" } ?? ""))" }.joined(separator: "; ")),
            ]),
            el("p", text: "Saving again will replace it with your version."),
        ])
    }
}
