import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

/// What the preview page shows: the mapping Assure chose (each column can be changed), every problem by row and
/// column, and what would be created or updated.
struct ImportPreviewModel: Sendable {
    var portfolio: PortfolioInfo
    var token: String
    var filename: String?
    var sheets: [String]
    var sheet: String?
    var period: String
    var keepOffScale: Bool
    /// The period is history: publish it with the import.
    var publish: Bool = false
    var savedMappings: [String]
    var savedMapping: String
    var saveAs: String
    var notes: [String]
    var plan: ImportPlan
    /// The first value under each column, to help choose its field.
    var samples: [String]
    var errors: [String: String] = [:]
}

enum ImportPages {
    static func form(
        _ portfolio: PortfolioInfo, period: String, pasted: String, savedMappings: [String], problems: [ImportProblem],
        errors: [String: String], _ context: PageContext
    ) -> String {
        var context = context
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path), (portfolio.name, Link.portfolio(portfolio: portfolio.id).path),
        ]
        let nodes: [HTMLNode] = [
            el("h1", text: "Import a table into \(portfolio.name)"),
            el(
                "p", [("class", "lede")],
                text:
                    "Paste a table copied from a paper (Word, PDF or Excel), or upload a CSV or XLSX file. Assure recognises the columns and shows what it will import before anything is written."
            ),
            problemList(problems),
            FormViews.errorSummary(errors),
            uploadForm(
                Link.importTable(portfolio: portfolio.id).path, csrf: context.csrf,
                [
                    FormViews.textArea(
                        "pasted", label: "Paste a table",
                        hint: "Tab-separated, as it comes out of a paper; the header row first", value: pasted,
                        errors: errors),
                    el(
                        "div", [("class", "field")],
                        [
                            el(
                                "label", [("for", "f-file")],
                                [
                                    txt("Or upload a file"),
                                    el(
                                        "span", [("class", "hint")],
                                        text: "CSV, tab-separated text or XLSX, up to 25 MB"),
                                ]),
                            el(
                                "input",
                                [
                                    ("type", "file"), ("id", "f-file"), ("name", "file"),
                                    ("accept", ".csv,.tsv,.txt,.xlsx"),
                                ]),
                        ]),
                    FormViews.textField(
                        "period", label: "Period the ratings report on",
                        hint: "YYYY-MM; created as a draft if new. Leave blank to import projects only",
                        value: period, errors: errors),
                    savedMappings.isEmpty
                        ? txt("")
                        : FormViews.select(
                            "mapping", label: "Saved mapping", options: savedMappings, selected: "",
                            errors: errors, blank: "Recognise the columns"),
                    checkbox(
                        "keepOffScale",
                        label: "Keep ratings that are not on the scale as written (flagged on the dashboard)",
                        checked: false),
                    el("div", [("class", "actions")], [button("Preview")]),
                ]),
        ]
        return Layout.render(context, nodes)
    }

    static func preview(_ model: ImportPreviewModel, _ context: PageContext) -> String {
        var context = context
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path),
            (model.portfolio.name, Link.portfolio(portfolio: model.portfolio.id).path),
            ("Import", Link.importTable(portfolio: model.portfolio.id).path),
        ]
        let plan = model.plan
        let summary =
            "\(plan.dataRows) rows: \(plan.newProgrammes.count) new programmes, \(plan.newProjectCount) new projects and sub-items, "
            + "\(plan.updatedProjectCount) matched to existing ones, \(plan.returnCount) returns."
        let choices = ColumnTarget.choices
        let nodes: [HTMLNode] = [
            el("h1", text: "Preview the import into \(model.portfolio.name)"),
            el("p", [("class", "lede")], text: (model.filename.map { "\($0): " } ?? "Pasted table: ") + summary),
            .group(model.notes.map { el("p", [("class", "notice")], text: $0) }),
            plan.isClean && model.errors.isEmpty
                ? el(
                    "p", [("class", "notice"), ("role", "status")],
                    text: "No errors: nothing is written until you press Import.") : txt(""),
            FormViews.errorSummary(model.errors),
            problemList(plan.problems),
            uploadForm(
                Link.importTable(portfolio: model.portfolio.id).path, csrf: context.csrf,
                [
                    el("input", [("type", "hidden"), ("name", "token"), ("value", model.token)]),
                    FormViews.textField(
                        "period", label: "Period the ratings report on", hint: "YYYY-MM", value: model.period,
                        errors: model.errors),
                    model.sheets.count > 1
                        ? FormViews.select(
                            "sheet", label: "Sheet", options: model.sheets, selected: model.sheet ?? "", errors: [:])
                        : txt(""),
                    model.savedMappings.isEmpty
                        ? txt("")
                        : FormViews.select(
                            "mapping", label: "Saved mapping", options: model.savedMappings,
                            selected: model.savedMapping, errors: [:], blank: "Recognise the columns"),
                    checkbox(
                        "keepOffScale",
                        label: "Keep ratings that are not on the scale as written (flagged on the dashboard)",
                        checked: model.keepOffScale),
                    checkbox(
                        "publish",
                        label:
                            "This period is history: publish it with the import (load the oldest first, so the arrows compare in order)",
                        checked: model.publish),
                    el("h2", text: "Columns (header row \(plan.mapping.headerRow))"),
                    el(
                        "table", [("class", "mapping")],
                        [
                            el(
                                "thead", [],
                                [
                                    el(
                                        "tr", [],
                                        ["Column", "Header", "First value", "Imported as"].map {
                                            columnHeader($0)
                                        })
                                ]),
                            el(
                                "tbody", [],
                                plan.mapping.headers.indices.map { index in
                                    let target = plan.mapping.targets[index]
                                    return el(
                                        "tr", [],
                                        [
                                            el("td", text: columnLetter(index)),
                                            el("td", text: plan.mapping.headers[index]),
                                            el("td", text: String(model.samples[safe: index]?.prefix(60) ?? "")),
                                            el(
                                                "td", [],
                                                [
                                                    el(
                                                        "select",
                                                        [
                                                            ("name", "column[]"),
                                                            (
                                                                "aria-label",
                                                                "Column \(columnLetter(index)) \(plan.mapping.headers[index]) is imported as"
                                                            ),
                                                        ],
                                                        choices.map {
                                                            el(
                                                                "option",
                                                                [
                                                                    ("value", $0.text),
                                                                    ("selected", $0 == target ? "selected" : nil),
                                                                ], text: $0.title)
                                                        })
                                                ]),
                                        ])
                                }),
                        ]),
                    FormViews.textField(
                        "saveAs", label: "Save this mapping as", hint: "Optional: reuse it for next month's file",
                        value: model.saveAs, errors: model.errors),
                    el(
                        "div", [("class", "actions")],
                        [
                            button("Update preview", class: "button secondary"),
                            plan.isClean && model.errors.isEmpty
                                ? el(
                                    "button",
                                    [
                                        ("type", "submit"), ("class", "button"),
                                        ("formaction", Link.importApply(portfolio: model.portfolio.id).path),
                                    ],
                                    text:
                                        "Import \(plan.allProjects.count) \(plan.allProjects.count == 1 ? "project" : "projects")"
                                ) : txt(""),
                        ]),
                ]),
            el("h2", text: "What will be imported"),
            projectTable(plan, scale: model.portfolio.scale),
        ]
        return Layout.render(context, nodes)
    }

    static func projectTable(_ plan: ImportPlan, scale: RatingScale) -> HTMLNode {
        guard !plan.allProjects.isEmpty else {
            return el(
                "p", [("id", "nothing-to-import")],
                text: "No row can be imported yet: check that the header row is the table's first line and that a "
                    + "column is imported as the project or its reference.")
        }
        let shown = plan.allProjects.prefix(200)
        return el(
            "div", [],
            [
                el(
                    "table", [],
                    [
                        el(
                            "thead", [],
                            [
                                el(
                                    "tr", [],
                                    [
                                        "Row", "Programme", "Reference", "Project", "Rating", "Milestones",
                                        "Custom values", "New or matched",
                                    ].map { columnHeader($0) })
                            ]),
                        el(
                            "tbody", [],
                            shown.map { project in
                                el(
                                    "tr", [],
                                    [
                                        el("td", text: String(project.row)), el("td", text: project.programme ?? ""),
                                        el("td", text: project.reference ?? ""),
                                        el("td", text: project.title ?? ""),
                                        el(
                                            "td", [],
                                            [
                                                RatingViews.badge(
                                                    project.rating ?? "",
                                                    level: project.rating.flatMap(scale.level(for:)))
                                            ]),
                                        el(
                                            "td",
                                            text: project.milestones.map { "\($0.title) (\($0.date))" }.joined(
                                                separator: "; ")),
                                        el(
                                            "td",
                                            text: project.attributes.map { "\($0.name): \($0.text)" }.joined(
                                                separator: "; ")),
                                        el("td", text: project.match == .new ? "New" : "Matched"),
                                    ])
                            }),
                    ]),
                plan.allProjects.count > shown.count
                    ? el("p", text: "… and \(plan.allProjects.count - shown.count) more.") : txt(""),
            ])
    }

    /// The most problems a preview lists: a file with an error in every row would otherwise make a page as large as
    /// the file many times over. The count says how many there are in all.
    static let problemsShown = 200

    static func problemList(_ problems: [ImportProblem]) -> HTMLNode {
        guard !problems.isEmpty else { return txt("") }
        let errors = problems.filter(\.isBlocking).count
        let shown = problems.prefix(problemsShown)
        return el(
            "section", [("class", errors > 0 ? "error-summary" : "warnings"), ("role", errors > 0 ? "alert" : nil)],
            [
                el(
                    "h2",
                    text: errors > 0
                        ? "\(errors) \(errors == 1 ? "problem stops" : "problems stop") the import"
                        : "Read with warnings"),
                el(
                    "table", [("class", "problems")],
                    [
                        el(
                            "thead", [],
                            [el("tr", [], ["Where", "Problem", "Severity"].map { columnHeader($0) })]),
                        el(
                            "tbody", [],
                            shown.map { problem in
                                el(
                                    "tr", [],
                                    [
                                        el("td", text: problem.place),
                                        el("td", text: String(problem.message.prefix(500))),
                                        el("td", text: problem.isBlocking ? "Error" : "Warning"),
                                    ])
                            }),
                    ]),
                problems.count > shown.count
                    ? el("p", text: "… and \(problems.count - shown.count) more; the first \(shown.count) are listed.")
                    : txt(""),
            ])
    }

    static func job(
        _ job: ImportJob, portfolio: PortfolioInfo, period: PeriodInfo?, suggestions: [DependencySuggestion] = [],
        _ context: PageContext
    ) -> String {
        var context = context
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path), (portfolio.name, Link.portfolio(portfolio: portfolio.id).path),
        ]
        var nodes: [HTMLNode] = [el("h1", text: job.finished ? "Import finished" : "Importing into \(portfolio.name)")]
        if let outcome = job.outcome {
            nodes.append(
                el(
                    "p", [("class", "notice"), ("role", "status")],
                    text: "Imported: " + outcome.summary
                ))
            if let period {
                nodes.append(
                    el(
                        "p", [],
                        [
                            link(
                                Link.programmeDashboard(period: period.id).path,
                                "Open the \(period.label) dashboard")
                        ]))
            }
            if !suggestions.isEmpty {
                nodes.append(el("h2", text: "Dates written as another event"))
                nodes.append(
                    el(
                        "p", [],
                        text: "\(Wording.counted(suggestions.count, "milestone")) dated as another event may wait on "
                            + "a milestone of this portfolio. Link each to record the dependency."))
                nodes.append(
                    el(
                        "ul", [("class", "dependency-list")],
                        suggestions.prefix(SlipForecastViews.listed).map {
                            DependencyViews.suggestion($0, canLink: true, csrf: context.csrf)
                        }))
                nodes.append(
                    el(
                        "p", [],
                        [
                            link(
                                Link.portfolioDependencies(portfolio: portfolio.id).path + "#suggested",
                                "Every one, with the dependency map")
                        ]))
            }
        } else if let failure = job.failure {
            nodes.append(
                el(
                    "div", [("class", "error-summary"), ("role", "alert")],
                    [el("h2", text: "Nothing was imported"), el("p", text: failure)]))
        } else {
            nodes.append(
                el(
                    "progress",
                    [
                        ("max", String(max(job.total, 1))), ("value", String(job.done)),
                        ("aria-label", "Import progress"),
                    ], text: "\(job.done) of \(job.total)"))
            nodes.append(
                el(
                    "p", [("role", "status")],
                    text: "\(job.done) of \(job.total) projects written. This page refreshes itself."))
        }
        nodes.append(el("p", [], [link(Link.portfolio(portfolio: portfolio.id).path, "Back to \(portfolio.name)")]))
        context.refreshSeconds = job.finished ? nil : 1
        return Layout.render(context, nodes)
    }

    static func uploadForm(_ action: String, csrf: String, _ children: [HTMLNode]) -> HTMLNode {
        el(
            "form", [("method", "post"), ("action", action), ("enctype", "multipart/form-data")],
            [el("input", [("type", "hidden"), ("name", "_csrf"), ("value", csrf)])] + children)
    }

    static func checkbox(_ name: String, label: String, checked: Bool) -> HTMLNode {
        el(
            "div", [("class", "field checkbox")],
            [
                el(
                    "input",
                    [
                        ("type", "checkbox"), ("id", FormViews.fieldID(name)), ("name", name), ("value", "1"),
                        ("checked", checked ? "checked" : nil),
                    ]),
                el("label", [("for", FormViews.fieldID(name))], text: label),
            ])
    }
}
