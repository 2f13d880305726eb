import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

struct PortfolioPageModel: Sendable {
    let portfolio: PortfolioSummary
    /// The current period's report: the open one, else the latest published.
    let current: PeriodReport?
    let canManage: Bool
    let programmes: [ProgrammeInfo]
    let projects: [ProjectInfo]
    /// A form as last sent, when it comes back with errors.
    var returnedForm: ReturnedForm? = nil
}

/// Which form came back, with what was typed and what was wrong.
struct ReturnedForm: Sendable {
    let name: String
    let values: [String: String]
    let errors: [String: String]
}

extension Optional where Wrapped == ReturnedForm {
    /// The values and errors to show in the form called `name`: what was sent back if it was that form, else nothing.
    func state(_ name: String) -> ([String: String], [String: String]) {
        guard let form = self, form.name == name else { return ([:], [:]) }
        return (form.values, form.errors)
    }
}

enum PortfolioPages {
    /// `reader` decides the period named for each portfolio: the open one for those who work on returns, the latest
    /// published for board readers.
    static func list(
        _ portfolios: [PortfolioSummary], _ context: PageContext, returned: ReturnedForm? = nil,
        reader: Readership = .pmo
    ) -> String {
        let canManage = context.actor?.canManagePortfolio ?? false
        return Layout.render(
            context,
            [
                el("h1", text: "Portfolios"),
                portfolios.isEmpty
                    ? el("p", text: "No portfolios yet. Load the demo with: swift run assure serve --demo")
                    : el(
                        "ul", [("class", "cards")],
                        portfolios.map { portfolio in
                            el(
                                "li", [("class", "card")],
                                [
                                    el(
                                        "h2", [],
                                        [
                                            link(
                                                Link.portfolio(portfolio: portfolio.info.id).path,
                                                portfolio.info.name)
                                        ]),
                                    el(
                                        "p",
                                        text:
                                            "\(portfolio.periods.count) reporting periods · \(portfolio.info.scale.kind.rawValue) scale"
                                    ),
                                    el(
                                        "p",
                                        text: portfolio.landing(for: reader).map {
                                            ($0.status == .published
                                                ? "Latest published: \($0.label)"
                                                : "Current: \($0.label) (\($0.status.rawValue))")
                                        } ?? (portfolio.periods.isEmpty ? "No periods yet" : "Nothing published yet")),
                                ])
                        }),
                canManage
                    ? createPortfolioForm(csrf: context.csrf, returned?.values ?? [:], returned?.errors ?? [:])
                    : txt(""),
            ])
    }

    static func createPortfolioForm(csrf: String, _ values: [String: String], _ errors: [String: String]) -> HTMLNode {
        el(
            "section", [("class", "no-print")],
            [
                el("h2", text: "Create a portfolio"),
                FormViews.errorSummary(errors),
                postForm(
                    Link.portfolios.path, csrf: csrf,
                    [
                        FormViews.textField("name", label: "Name", value: values["name"] ?? "", errors: errors),
                        FormViews.select(
                            "scale", label: "Rating scale", options: RatingScaleKind.allCases.map(\.rawValue),
                            selected: values["scale"] ?? RatingScaleKind.threePoint.rawValue, errors: errors),
                        el("div", [("class", "actions")], [button("Create portfolio")]),
                    ]),
            ])
    }

    static func home(_ model: PortfolioPageModel, _ context: PageContext) -> String {
        var context = context
        context.breadcrumbs = [("Portfolios", Link.portfolios.path)]
        let info = model.portfolio.info
        var nodes: [HTMLNode] = [
            el("h1", text: info.name),
            el(
                "p", [("class", "lede")],
                text: "Rating scale: " + info.scale.levels.map(\.label).joined(separator: ", ")),
        ]
        if let report = model.current {
            nodes.append(
                el(
                    "section", [],
                    [
                        el("h2", text: "\(report.period.label) at a glance"),
                        DashboardPage.provisionalBanner(report),
                        el(
                            "p", [("class", "actions")],
                            [
                                link(Link.programmeDashboard(period: report.period.id).path, "Programme dashboard"),
                                link(Link.priorities(period: report.period.id).path, "Priorities report"),
                            ]
                                + (report.period.status == .published
                                    ? [link(Link.paper(period: report.period.id).path, "Board paper")] : [])),
                        RatingViews.counts(report.counts),
                        el(
                            "table", [],
                            [
                                el(
                                    "thead", [],
                                    [
                                        el(
                                            "tr", [],
                                            ["Programme", "Projects", "Ratings", "Worst"].map {
                                                columnHeader($0)
                                            })
                                    ]),
                                el(
                                    "tbody", [],
                                    report.programmes.map { programme in
                                        el(
                                            "tr", [],
                                            [
                                                el("td", text: programme.programme.name),
                                                el("td", text: String(programme.projects.count)),
                                                el("td", [], [RatingViews.counts(programme.counts)]),
                                                el(
                                                    "td", [],
                                                    [
                                                        RatingViews.badge(
                                                            programme.worst?.label ?? "", level: programme.worst)
                                                    ]),
                                            ])
                                    }),
                            ]),
                    ]))
        }
        var links: [HTMLNode] = [
            link(Link.projectList(portfolio: info.id).path, "All projects"), txt(" · "),
            link(Link.portfolioDependencies(portfolio: info.id).path, "Dependencies"),
        ]
        if model.portfolio.periods.count > 1 {
            links += [
                txt(" · "),
                link(Link.changes(portfolio: info.id).path, "What changed since the last published period"),
            ]
        }
        if model.canManage {
            links += [txt(" · "), link(Link.importTable(portfolio: info.id).path, "Import a table or spreadsheet")]
        }
        nodes.append(el("p", [], links))
        nodes.append(el("h2", text: "Reporting periods"))
        nodes.append(
            el(
                "table", [],
                [
                    el(
                        "thead", [],
                        [
                            el(
                                "tr", [],
                                ["Period", "As at", "Status", "Dashboards", ""].map {
                                    columnHeader($0)
                                })
                        ]),
                    el(
                        "tbody", [],
                        model.portfolio.periods.reversed().map { period in
                            el(
                                "tr", [],
                                [
                                    el(
                                        "td", [],
                                        [
                                            txt(period.label),
                                            period.isIllustrative
                                                ? el("span", [("class", "illustrative")], text: " illustrative")
                                                : txt(""),
                                        ]),
                                    el("td", text: period.asAt.longDisplay), el("td", text: period.status.rawValue),
                                    el(
                                        "td", [],
                                        [
                                            link(
                                                Link.programmeDashboard(period: period.id).path,
                                                "Programme dashboard"), txt(" · "),
                                            link(Link.priorities(period: period.id).path, "Priorities"), txt(" · "),
                                            link(Link.exceptions(period: period.id).path, "Exceptions"), txt(" · "),
                                            link(Link.returnsTracking(period: period.id).path, "Returns"),
                                        ]
                                            + (period.status == .published
                                                ? [
                                                    txt(" · "),
                                                    link(Link.paper(period: period.id).path, "Board paper"),
                                                ] : [])),
                                    el("td", [], model.canManage ? periodActions(period, csrf: context.csrf) : []),
                                ])
                        }),
                ]))
        if model.canManage {
            let returned = model.returnedForm
            func state(_ name: String) -> ([String: String], [String: String]) { returned.state(name) }
            nodes.append(
                createPeriodForm(info, csrf: context.csrf, values: state("period").0, errors: state("period").1))
            nodes.append(StructureForms.programme(info, csrf: context.csrf, state("programme").0, state("programme").1))
            nodes.append(
                StructureForms.checks(
                    model.portfolio, csrf: context.csrf, values: state("checks").0, errors: state("checks").1))
        }
        if !model.programmes.isEmpty,
            model.programmes.contains(where: { context.actor?.canEdit(programme: $0.id) == true })
        {
            let returned = model.returnedForm?.name == "project" ? model.returnedForm : nil
            nodes.append(
                StructureForms.project(
                    info, programmes: model.programmes.filter { context.actor?.canEdit(programme: $0.id) == true },
                    projects: model.projects, csrf: context.csrf, returned?.values ?? [:], returned?.errors ?? [:]))
        }
        return Layout.render(context, nodes)
    }

    static func periodActions(_ period: PeriodInfo, csrf: String) -> [HTMLNode] {
        let returns = link(
            Link.returnsTracking(period: period.id).path, period.status == .published ? "Re-open…" : "Publish…",
            class: "button secondary")
        switch period.status {
        case .draft:
            return [
                postForm(
                    Link.openPeriod(period: period.id).path, csrf: csrf, class: "inline",
                    [button("Open for returns", class: "button secondary")])
            ]
        case .closed:
            return [
                postForm(
                    Link.openPeriod(period: period.id).path, csrf: csrf, class: "inline",
                    [button("Re-open for returns", class: "button secondary")]), returns,
            ]
        case .open:
            return [
                postForm(
                    Link.closePeriod(period: period.id).path, csrf: csrf, class: "inline",
                    [button("Close", class: "button secondary")]), returns,
            ]
        case .published: return [el("span", text: "Frozen"), returns]
        }
    }

    static func createPeriodForm(
        _ portfolio: PortfolioInfo, csrf: String, values: [String: String] = [:], errors: [String: String] = [:]
    ) -> HTMLNode {
        el(
            "section", [("class", "no-print")],
            [
                el("h2", text: "Create a reporting period"),
                FormViews.errorSummary(errors),
                postForm(
                    Link.createPeriod(portfolio: portfolio.id).path, csrf: csrf,
                    [
                        FormViews.textField(
                            "period", label: "Month reported on", hint: "YYYY-MM, e.g. 2016-11",
                            value: values["period"] ?? "", errors: errors),
                        FormViews.select(
                            "frequency", label: "Frequency", options: PeriodFrequency.allCases.map(\.rawValue),
                            selected: values["frequency"] ?? "monthly", errors: errors),
                        FormViews.textField(
                            "asAt", label: "As at", hint: "Leave blank for the month's last day",
                            value: values["asAt"] ?? "",
                            type: "date", errors: errors),
                        FormViews.textField(
                            "publishOn", label: "Publication date", hint: "Optional", value: values["publishOn"] ?? "",
                            type: "date", errors: errors),
                        FormViews.textField(
                            "returnsDue", label: "Returns due",
                            hint: "Optional: chasers name it, and scheduled chasers count back from it",
                            value: values["returnsDue"] ?? "", type: "date", errors: errors),
                        el("div", [("class", "actions")], [button("Create period")]),
                    ]),
            ])
    }
}
