import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

struct ProjectPageModel: Sendable {
    let detail: ProjectDetail
    let history: [(period: PeriodInfo, row: ProjectRow?)]
    let canEdit: Bool
    /// Values kept from imported spreadsheets' extra columns.
    var attributes: [AttributeValue] = []
    /// The slip forecasts made when `forecastPeriod` was published, for this project's open milestones.
    var forecasts: [ShownSlipForecast] = []
    var forecastPeriod: PeriodInfo? = nil
    var dependencies = ProjectDependencies()
}

/// A project's ratings across all periods, its milestones as last reported, and links to write its return.
enum ProjectPage {
    static func render(_ model: ProjectPageModel, _ context: PageContext) -> String {
        var context = context
        let project = model.detail.project
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path),
            (model.detail.portfolio.name, Link.portfolio(portfolio: model.detail.portfolio.id).path),
        ]
        let latest = model.history.last { $0.row?.hasReturn == true }
        var nodes: [HTMLNode] = [
            el("h1", text: [project.reference, project.title].compactMap { $0 }.joined(separator: " — ")),
            el(
                "dl", [("class", "facts")],
                [
                    el("dt", text: "Programme"), el("dd", text: model.detail.programme.name),
                    el("dt", text: "SRO"), el("dd", text: project.sro ?? "None named"),
                    el("dt", text: "Lead"), el("dd", text: project.lead ?? "None named"),
                    el("dt", text: "Commenced"), el("dd", text: project.commencement ?? "—"),
                    el("dt", text: "Project plan"), el("dd", text: project.projectPlan ?? "—"),
                    el("dt", text: "Project timescale"), el("dd", text: project.projectTimescale ?? "—"),
                ] + model.attributes.flatMap { [el("dt", text: $0.name), el("dd", text: $0.display)] }),
        ]
        if let description = project.description { nodes.append(el("p", text: description)) }
        if model.canEdit {
            var actions: [HTMLNode] = [
                link(Link.editProject(project: project.id).path, "Edit project details", class: "button secondary")
            ]
            for entry in model.history where entry.period.status == .open {
                actions.append(
                    link(
                        Link.returnForm(period: entry.period.id, project: project.id).path,
                        "Enter return for \(entry.period.label)", class: "button"))
            }
            nodes.append(el("div", [("class", "actions no-print")], actions))
        }
        if let children = model.history.last?.row?.children, !children.isEmpty {
            nodes.append(el("h2", text: "Sub-items"))
            nodes.append(
                el(
                    "ul", [],
                    children.map { child in
                        el(
                            "li", [],
                            [
                                txt("\(child.itemLabel ?? "") "),
                                link(Link.project(project: child.project.id).path, child.project.title),
                                txt(" "), RatingViews.badge(child.ratingDisplay, level: child.effective),
                            ])
                    }))
        }
        nodes.append(el("h2", text: "Ratings across periods"))
        nodes.append(
            el(
                "table", [],
                [
                    el(
                        "thead", [],
                        [
                            el(
                                "tr", [],
                                ["Period", "RAG", "Status since last report", "Update / mitigation", "Checks"].map {
                                    columnHeader($0)
                                })
                        ]),
                    el(
                        "tbody", [],
                        model.history.reversed().map { entry in
                            let row = entry.row
                            return el(
                                "tr", [],
                                [
                                    el(
                                        "td", [],
                                        [
                                            txt(entry.period.label), el("br"),
                                            el("small", text: entry.period.status.rawValue),
                                            entry.period.status == .published
                                                ? txt("")
                                                : el(
                                                    "span", [("class", "row-notice")],
                                                    [el("strong", text: PeriodReport.provisionalNotice)]),
                                        ]),
                                    el(
                                        "td", [],
                                        [
                                            RatingViews.badge(row?.ratingDisplay ?? "", level: row?.effective),
                                            row?.notUpdatedWords.map {
                                                el("span", [("class", "row-notice")], [el("strong", text: $0)])
                                            } ?? txt(""),
                                        ]),
                                    el(
                                        "td", [],
                                        [RatingViews.trend(row?.trend.shown, reported: row?.trend.isReported ?? false)]),
                                    el(
                                        "td", [("class", "update")],
                                        [
                                            paragraphs(
                                                row.map {
                                                    [$0.update, $0.mitigation].filter { !$0.isEmpty }.joined(
                                                        separator: "\n")
                                                } ?? "")
                                        ]),
                                    el("td", [], [RatingViews.flags(row?.flags ?? [])]),
                                ])
                        }),
                ]))
        if let latest, let row = latest.row, !row.milestones.isEmpty {
            nodes.append(el("h2", text: "Milestones as reported for \(latest.period.label)"))
            nodes.append(
                el(
                    "table", [],
                    [
                        el(
                            "thead", [],
                            [
                                el(
                                    "tr", [],
                                    ["Milestone", "Date as written", "Read as", "RAG"].map {
                                        columnHeader($0)
                                    })
                            ]),
                        el(
                            "tbody", [],
                            row.milestones.map { milestone in
                                el(
                                    "tr", [],
                                    [
                                        el("td", text: milestone.title), el("td", text: milestone.date.written),
                                        el(
                                            "td",
                                            text: milestone.date.parsed.map {
                                                "\($0.display) · \($0.precision.rawValue) precision"
                                            } ?? (milestone.date.problem ?? "")),
                                        el(
                                            "td", [],
                                            [
                                                RatingViews.badge(
                                                    milestone.rating?.display ?? "", level: milestone.rating?.level)
                                            ]),
                                    ])
                            }),
                    ]))
        }
        if let period = model.forecastPeriod, !model.forecasts.isEmpty {
            nodes.append(el("h2", text: "Slip forecast"))
            nodes.append(SlipForecastViews.hint(period))
            nodes.append(SlipForecastViews.table(model.forecasts, projectID: project.id))
        }
        nodes += DependencyViews.section(
            model.dependencies, projectID: project.id,
            milestones: (model.history.last { $0.row != nil }?.row?.milestones ?? []).map(\.title),
            canEdit: model.canEdit, csrf: context.csrf)
        nodes.append(MilestoneTimeline.render(MilestoneHistory.tracks(model.history)))
        return Layout.render(context, nodes)
    }
}
