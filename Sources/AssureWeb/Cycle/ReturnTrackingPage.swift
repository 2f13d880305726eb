import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

struct ReturnTrackingModel: Sendable {
    let tracking: ReturnTracking
    let canManage: Bool
    let mailConfigured: Bool
    /// The publish or re-open form sent back with errors.
    let returned: ReturnedForm?
    /// Programmes the reader may write returns for, each with a workbook to download (open periods only).
    var workbookProgrammes: [ProgrammeInfo] = []
    /// What was wrong with an uploaded workbook, by sheet, row and column.
    var uploadProblems: [ImportProblem] = []
}

/// Every return the period expects, where each stands, and the PMO's actions: chase, publish, re-open.
enum ReturnTrackingPage {
    static func render(_ model: ReturnTrackingModel, _ context: PageContext) -> String {
        var context = context
        let tracking = model.tracking
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path),
            (tracking.portfolio.name, Link.portfolio(portfolio: tracking.portfolio.id).path),
        ]
        var nodes: [HTMLNode] = [
            el("h1", text: "Returns for \(tracking.period.label)"),
            el(
                "p", [("class", "lede")],
                text: "\(tracking.portfolio.name) · \(tracking.period.status.rawValue)"
                    + (tracking.returnsDue.map { " · returns due \($0.longDisplay)" } ?? "")),
            counts(tracking.counts, total: tracking.rows.count, id: "return-counts"),
            el(
                "p", [("class", "actions no-print")],
                [downloadLinks(Link.returnsTracking(period: tracking.period.id).path)]),
        ]
        if model.canManage { nodes += actions(model, csrf: context.csrf) }
        if tracking.period.status == .open, !model.workbookProgrammes.isEmpty {
            nodes.append(workbooks(model, csrf: context.csrf))
        }
        for group in tracking.programmes where !group.rows.isEmpty {
            nodes.append(el("h2", text: group.programme.name))
            nodes.append(counts(group.counts, total: group.rows.count, id: nil))
            nodes.append(table(group.rows, period: tracking.period, showAddresses: model.canManage))
        }
        return Layout.render(context, nodes)
    }

    /// Download a workbook per programme (or all of one's projects), fill it in in Excel, upload it back.
    static func workbooks(_ model: ReturnTrackingModel, csrf: String) -> HTMLNode {
        let period = model.tracking.period.id
        let base = Link.returnWorkbook(period: period).path
        let downloads: [HTMLNode] =
            [el("li", [], [link(base, "All my projects")])]
            + model.workbookProgrammes.map { programme in
                el(
                    "li", [],
                    [
                        link(
                            Link.returnWorkbook(period: period).path(query: "programme=\(programme.id.uuidString)"),
                            programme.name)
                    ])
            }
        return el(
            "section", [("class", "no-print"), ("id", "workbooks")],
            [
                el("h2", text: "Returns in Excel"),
                el(
                    "p",
                    text:
                        "Download a workbook with last period's values filled in, complete it in Excel, and upload it here. Nothing is saved unless every row is right."
                ),
                el("ul", [], downloads),
                ImportPages.problemList(model.uploadProblems),
                ImportPages.uploadForm(
                    base, csrf: csrf,
                    [
                        el(
                            "div", [("class", "field")],
                            [
                                el("label", [("for", "f-workbook")], text: "Filled-in workbook (.xlsx)"),
                                el(
                                    "input",
                                    [("type", "file"), ("id", "f-workbook"), ("name", "file"), ("accept", ".xlsx")]),
                            ]),
                        el("div", [("class", "actions")], [button("Upload and submit")]),
                    ]),
            ])
    }

    static func counts(_ counts: [ReturnState: Int], total: Int, id: String?) -> HTMLNode {
        el(
            "ul", [("class", "counts"), ("id", id)],
            [el("li", [], [el("strong", text: "\(total)"), txt(" expected")])]
                + ReturnState.allCases.compactMap { state in
                    counts[state].map {
                        el(
                            "li", [("class", "state-\(state.rawValue)")],
                            [el("strong", text: "\($0)"), txt(" \(state.label.lowercased())")])
                    }
                })
    }

    static func table(_ rows: [ReturnTracking.Row], period: PeriodInfo, showAddresses: Bool) -> HTMLNode {
        el(
            "table", [("class", "tracking")],
            [
                el(
                    "thead", [],
                    [
                        el(
                            "tr", [],
                            ["Project", "Owner", "Status", "Last saved", "Review"].map {
                                columnHeader($0)
                            })
                    ]),
                el(
                    "tbody", [],
                    rows.map { row in
                        let owners = row.owners.map {
                            showAddresses ? "\($0.name)\($0.email.map { " <\($0)>" } ?? " (no address)")" : $0.name
                        }
                        let saved = [
                            row.savedBy, row.savedAt.map(\.ukMoment),
                        ].compactMap { $0 }
                        let review = [row.reviewedBy, row.reviewComment].compactMap { $0 }
                        let title: HTMLNode =
                            period.status == .published
                            ? txt(row.project.displayName)
                            : link(
                                Link.returnForm(period: period.id, project: row.project.id).path,
                                row.project.displayName)
                        return el(
                            "tr", [("data-project", row.project.id.uuidString)],
                            [
                                el("td", [], [title]),
                                el("td", text: owners.isEmpty ? "No lead or editor" : owners.joined(separator: "; ")),
                                el("td", [("class", "state state-\(row.state.rawValue)")], text: row.state.label),
                                el("td", text: saved.joined(separator: ", ")),
                                el("td", text: review.joined(separator: ": ")),
                            ])
                    }),
            ])
    }

    /// The returns not in, listed once, where the PMO decides what publishing does with them.
    static func notInYet(_ missing: [ReturnTracking.Row]) -> HTMLNode {
        guard !missing.isEmpty else { return txt("") }
        return .group([
            el("h3", text: "Not in yet (\(missing.count))"),
            el("ul", [("class", "missing-list")], missing.map(CockpitPage.missingItem)),
        ])
    }

    static func actions(_ model: ReturnTrackingModel, csrf: String) -> [HTMLNode] {
        let period = model.tracking.period
        let returned = model.returned
        switch period.status {
        case .draft:
            return [
                el(
                    "p", [("class", "hint")],
                    text: "This period is a draft: open it for returns from the portfolio page.")
            ]
        case .open, .closed:
            let missing = model.tracking.missing.count
            let publishErrors = returned?.name == "publish" ? returned!.errors : [:]
            let chosen = returned?.name == "publish" ? returned!.values["missing"] ?? "" : ""
            var nodes: [HTMLNode] = []
            if period.status == .open, missing > 0 {
                nodes.append(
                    postForm(
                        Link.chase(period: period.id).path, csrf: csrf, class: "inline no-print",
                        [
                            button(
                                "Chase \(missing) missing return\(missing == 1 ? "" : "s")", class: "button secondary")
                        ]))
                if !model.mailConfigured {
                    nodes.append(
                        el("p", [("class", "hint")], text: "No mail server is configured: chasers wait in the outbox."))
                }
            }
            nodes.append(
                el(
                    "section", [("class", "no-print"), ("id", "publish")],
                    [
                        el("h2", text: "Publish \(period.label)"),
                        FormViews.errorSummary(publishErrors),
                        notInYet(model.tracking.missing),
                        // Asks first: the next page shows what publishing will do, and publishes on confirmation.
                        el(
                            "form", [("method", "get"), ("action", Link.publishConfirm(period: period.id).path)],
                            [
                                el(
                                    "fieldset",
                                    [
                                        ("class", publishErrors.isEmpty ? "field" : "field has-error"),
                                        ("id", FormViews.fieldID("missing")),
                                    ],
                                    [
                                        el(
                                            "legend",
                                            text: missing == 0
                                                ? "Every return is in."
                                                : "\(missing) return\(missing == 1 ? " is" : "s are") not in. When publishing:"
                                        ),
                                        FormViews.error("missing", publishErrors),
                                    ]
                                        + [MissingReturnPolicy.carryForward, .block].map { policy in
                                            el(
                                                "label", [("class", "choice")],
                                                [
                                                    el(
                                                        "input",
                                                        [
                                                            ("type", "radio"), ("name", "missing"),
                                                            ("value", policy.rawValue),
                                                            ("checked", chosen == policy.rawValue ? "checked" : nil),
                                                        ]),
                                                    txt(" " + policy.label),
                                                ])
                                        }),
                                el(
                                    "div", [("class", "field")],
                                    [
                                        el(
                                            "label", [("class", "choice")],
                                            [
                                                el(
                                                    "input",
                                                    [
                                                        ("type", "checkbox"), ("name", "findings"),
                                                        ("value", "publish"),
                                                        (
                                                            "checked",
                                                            returned?.name == "publish"
                                                                && returned!.values["findings"] == "publish"
                                                                ? "checked" : nil
                                                        ),
                                                    ]),
                                                txt(" Publish the assurance findings with the period"),
                                            ]),
                                        el(
                                            "span", [("class", "hint")],
                                            text:
                                                "Otherwise board members see the period without the PMO's findings, and print leaves them out."
                                        ),
                                    ]),
                                el("div", [("class", "actions")], [button("Continue")]),
                            ]),
                    ]))
            return nodes
        case .published:
            let errors = returned?.name == "reopen" ? returned!.errors : [:]
            return [
                el(
                    "section", [("class", "no-print")],
                    [
                        el("h2", text: "Re-open \(period.label)"),
                        el(
                            "p", [("class", "hint")],
                            text:
                                "The published report is archived, not lost; re-opening lets returns be corrected before publishing again."
                        ),
                        FormViews.errorSummary(errors),
                        postForm(
                            Link.reopenPeriod(period: period.id).path, csrf: csrf,
                            [
                                FormViews.textArea(
                                    "reason", label: "Why re-open it?", hint: "Kept in the audit log",
                                    value: returned?.values["reason"] ?? "", errors: errors),
                                el(
                                    "div", [("class", "actions")], [button("Re-open period", class: "button secondary")]
                                ),
                            ]),
                    ])
            ]
        }
    }
}
