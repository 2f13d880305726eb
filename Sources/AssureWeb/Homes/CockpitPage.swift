import AssureCore
import AssureStorage
import Foundation
import Plot

/// The PMO's home: each open period at a glance, and whether it is ready to publish.
struct CockpitModel: Sendable {
    struct OpenPeriod: Sendable {
        let tracking: ReturnTracking
        /// Findings of the assurance checks in the period so far.
        let exceptions: Int
        let chasersQueued: Int
        let chasersSent: Int
        /// Milestones likely to slip, as forecast when `forecastPeriod` was published.
        var likelyToSlip: [ShownSlipForecast] = []
        var forecastPeriod: PeriodInfo? = nil
        /// Dependencies whose upstream is due after, or likely to slip past, the date it is needed by (judged on the
        /// returns submitted this period too, those marked provisional).
        var dependenciesAtRisk: [DependencyPicture.AtRisk] = []
    }

    var open: [OpenPeriod]
    /// Portfolios with no period open, to open the next one from.
    let idle: [PortfolioInfo]
    let today: CalendarDate
}

enum CockpitPage {
    /// How many returns not in the cockpit names before pointing to the returns page.
    static let listed = 25

    static func render(_ model: CockpitModel, _ context: PageContext) -> String {
        var nodes: [HTMLNode] = [el("h1", text: "Reporting this month")]
        if model.open.isEmpty { nodes.append(el("p", text: "No period is open for returns.")) }
        for period in model.open { nodes += section(period, today: model.today, csrf: context.csrf) }
        if !model.idle.isEmpty {
            nodes.append(el("h2", text: "No period open"))
            nodes.append(
                el(
                    "ul", [],
                    model.idle.map { portfolio in
                        el(
                            "li", [],
                            [
                                link(Link.portfolio(portfolio: portfolio.id).path, portfolio.name),
                                txt(": create or open the next period from its page."),
                            ])
                    }))
        }
        nodes.append(el("p", [], [link(Link.portfolios.path, "All portfolios")]))
        return Layout.render(context, nodes)
    }

    static func section(_ open: CockpitModel.OpenPeriod, today: CalendarDate, csrf: String) -> [HTMLNode] {
        let tracking = open.tracking
        let period = tracking.period
        let rows = tracking.rows
        let inCount = rows.filter(\.state.isIn).count
        let awaiting = rows.filter { $0.state == .submitted }.count
        let overdue = tracking.overdue(today: today).count
        let missing = tracking.missing
        let returns = Link.returnsTracking(period: period.id).path
        var nodes: [HTMLNode] = [
            el("h2", text: "\(tracking.portfolio.name): \(period.label)"),
            el(
                "p", [("class", "lede")],
                [txt("Open for returns · ")] + WorkHomePage.due(tracking.returnsDue, today: today)),
            el(
                "ul", [("class", "figures")],
                [
                    figure("\(inCount) of \(rows.count)", "returns in", returns),
                    figure("\(awaiting)", "awaiting review", returns),
                    figure("\(overdue)", "overdue", returns),
                    figure("\(open.exceptions)", "exceptions", Link.exceptions(period: period.id).path),
                    figure("\(open.chasersSent) of \(open.chasersQueued)", "chasers sent", Link.outbox.path),
                ]),
            el(
                // Five short columns fit a phone as a table; stacked, they would run to a screen per programme.
                "table", [("class", "no-stack figures-table")],
                [
                    el("caption", text: "Returns by programme"),
                    el(
                        "thead", [],
                        [
                            el(
                                "tr", [],
                                ["Programme", "Expected", "In", "Awaiting review", "Not in"].map {
                                    columnHeader($0)
                                })
                        ]),
                    el(
                        "tbody", [],
                        tracking.programmes.filter { !$0.rows.isEmpty }.map(ProgrammeProgress.init).map { progress in
                            el(
                                "tr", [],
                                [
                                    el("td", text: progress.programme), el("td", text: "\(progress.expected)"),
                                    el("td", text: "\(progress.inCount)"), el("td", text: "\(progress.awaitingReview)"),
                                    el("td", text: "\(progress.missing)"),
                                ])
                        }),
                ]),
        ]
        if let from = open.forecastPeriod, !open.likelyToSlip.isEmpty {
            nodes.append(el("h3", text: "Milestones likely to slip"))
            nodes.append(SlipForecastViews.hint(from))
            nodes += SlipForecastViews.list(
                open.likelyToSlip, all: Link.slipForecasts(portfolio: tracking.portfolio.id).path)
        }
        if !open.dependenciesAtRisk.isEmpty {
            nodes.append(el("h3", text: "Dependencies at risk"))
            nodes.append(
                el(
                    "ul", [("class", "dependency-list")],
                    open.dependenciesAtRisk.prefix(SlipForecastViews.listed).map(DependencyViews.riskItem)))
            nodes.append(
                el(
                    "p", [],
                    [
                        txt(
                            open.dependenciesAtRisk.count > SlipForecastViews.listed
                                ? "… and \(open.dependenciesAtRisk.count - SlipForecastViews.listed) more: " : ""),
                        link(
                            Link.portfolioDependencies(portfolio: tracking.portfolio.id).path,
                            "the dependency map and every dependency"),
                    ]))
        }
        nodes.append(el("h3", text: "Ready to publish?"))
        if missing.isEmpty {
            nodes.append(
                el("p", text: "Every return is in." + (awaiting > 0 ? " \(awaiting) still await review." : "")))
        } else {
            nodes.append(
                el(
                    "p",
                    text: "Not yet: \(Wording.counted(missing.count, "return")) "
                        + "\(missing.count == 1 ? "is" : "are") not in. Published now, "
                        + "\(missing.count == 1 ? "it" : "they") would be carried forward from the last period:"))
            // A home page names the first few; the returns page lists them all.
            nodes.append(el("ul", [("class", "missing-list")], missing.prefix(listed).map { missingItem($0) }))
            if missing.count > listed {
                nodes.append(
                    el(
                        "p", [],
                        [
                            txt("… and \(missing.count - listed) more: "),
                            link(returns, "every return, on the returns page"),
                        ]
                    ))
            }
        }
        var actions: [HTMLNode] = [link(returns + "#publish", "Publish \(period.label)…", class: "button")]
        if !missing.isEmpty {
            actions.insert(
                postForm(
                    Link.chase(period: period.id).path, csrf: csrf, class: "inline",
                    [
                        button(
                            "Chase \(Wording.counted(missing.count, "missing return"))",
                            class: "button secondary")
                    ]),
                at: 0)
        }
        nodes.append(el("div", [("class", "actions")], actions))
        return nodes
    }

    static func figure(_ number: String, _ words: String, _ href: String) -> HTMLNode {
        el("li", [], [el("strong", text: number), link(href, words)])
    }

    static func missingItem(_ row: ReturnTracking.Row) -> HTMLNode {
        el("li", [], [txt("\(row.project.displayName): \(row.state.label.lowercased())")])
    }
}
