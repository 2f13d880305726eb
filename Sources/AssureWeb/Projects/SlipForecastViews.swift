import AssureCore
import AssureStorage
import Foundation
import Plot

/// A portfolio's forecasts made at its latest publication, every one.
struct SlipForecastPageModel: Sendable {
    let portfolio: PortfolioSummary
    let forecasts: [ShownSlipForecast]
}

/// Milestones likely to slip, as the cockpit, a person's home and a project page show them: each with its chance and
/// the facts that raised it, and always called a forecast, never a rating.
enum SlipForecastViews {
    /// How many a home page names before pointing to the project pages.
    static let listed = 10

    static func hint(_ period: PeriodInfo) -> HTMLNode {
        el(
            "p", [("class", "hint")],
            text: "A forecast from the returns published for \(period.label), learnt from this portfolio's past "
                + "periods: the chance that a milestone's date moves, or that it passes unmet, before the next "
                + "period. It never changes a rating.")
    }

    static func page(_ model: SlipForecastPageModel, _ context: PageContext) -> String {
        var context = context
        let portfolio = model.portfolio
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path),
            (portfolio.info.name, Link.portfolio(portfolio: portfolio.info.id).path),
        ]
        var nodes: [HTMLNode] = [el("h1", text: "Milestones likely to slip")]
        if !portfolio.slipForecastShown {
            nodes.append(el("p", text: "The PMO has switched the slip forecast off for this portfolio."))
        } else if let period = portfolio.latestPublished, !model.forecasts.isEmpty {
            nodes.append(hint(period))
            nodes.append(table(model.forecasts, projectID: nil))
        } else {
            nodes.append(
                el(
                    "p",
                    text: "Nothing is forecast: no period is published yet, none of its milestones is open, or the "
                        + "published periods have taught the forecast too little (it needs 100 outcomes)."))
        }
        return Layout.render(context, nodes)
    }

    /// The likeliest first, each linked to its project; `all` links to every one.
    static func list(_ forecasts: [ShownSlipForecast], all: String) -> [HTMLNode] {
        var nodes: [HTMLNode] = [
            el(
                "ul", [("class", "slip-list")],
                forecasts.prefix(listed).map { forecast in
                    el(
                        "li", [],
                        [
                            link(Link.project(project: forecast.projectID).path, forecast.projectName),
                            txt(": \(forecast.milestone) (due \(forecast.dueBy.longDisplay)). "),
                            el("strong", text: forecast.words),
                        ])
                })
        ]
        if forecasts.count > listed {
            nodes.append(
                el("p", [], [txt("… and \(forecasts.count - listed) more: "), link(all, "every milestone forecast")]))
        }
        return nodes
    }

    /// Open milestones with their forecasts: one project's (its sub-items' named) or, with no project, each linked.
    static func table(_ forecasts: [ShownSlipForecast], projectID: UUID?) -> HTMLNode {
        el(
            "table", [("class", "slip-forecast")],
            [
                el("thead", [], [el("tr", [], ["Milestone", "Due", "Forecast"].map { columnHeader($0) })]),
                el(
                    "tbody", [],
                    forecasts.map { forecast in
                        el(
                            "tr", [],
                            [
                                forecast.projectID == projectID
                                    ? el("td", text: forecast.milestone)
                                    : el(
                                        "td", [],
                                        [
                                            link(Link.project(project: forecast.projectID).path, forecast.projectName),
                                            txt(": \(forecast.milestone)"),
                                        ]),
                                el("td", text: forecast.dueBy.longDisplay),
                                el(
                                    "td", [],
                                    [forecast.isLikely ? el("strong", text: forecast.words) : txt(forecast.words)]),
                            ])
                    }),
            ])
    }
}
