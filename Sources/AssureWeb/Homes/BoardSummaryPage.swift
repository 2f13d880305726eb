import AssureCore
import Foundation
import Plot

/// A board member's home: each portfolio's latest published period, with what needs the board's attention.
struct BoardHomeModel: Sendable {
    struct Card: Sendable {
        let portfolio: PortfolioInfo
        /// The latest published period; nil when nothing is published yet.
        let latest: Latest?
    }

    struct Latest: Sendable {
        /// The period's report without its rows: its period and counts.
        let report: PeriodReport
        /// What its summary holds, counted.
        let counts: BoardSummary.Counts
    }

    let cards: [Card]
}

/// One printable screen per portfolio and period: counts, what is Red or declined and why, what changed, milestones
/// slipped, returns carried forward, and where to read more.
struct BoardSummaryModel: Sendable {
    let summary: BoardSummary
}

enum BoardSummaryPage {
    static func home(_ model: BoardHomeModel, _ context: PageContext) -> String {
        var nodes: [HTMLNode] = [
            el("h1", text: "What the board needs to know"),
            el("p", [("class", "lede")], text: "Each portfolio's latest published period."),
        ]
        if model.cards.isEmpty { nodes.append(el("p", text: "No portfolio is set up yet.")) }
        nodes.append(
            el(
                "ul", [("class", "cards")],
                model.cards.map { card in
                    el("li", [("class", "card")], [el("h2", text: card.portfolio.name)] + cardBody(card))
                }))
        return Layout.render(context, nodes)
    }

    static func cardBody(_ card: BoardHomeModel.Card) -> [HTMLNode] {
        guard let latest = card.latest else {
            return [el("p", text: "Nothing published yet: the board sees a period once the PMO publishes it.")]
        }
        let period = latest.report.period
        return [
            el("p", text: "Latest published: \(period.label)"),
            RatingViews.counts(latest.report.counts),
            el(
                "p",
                text: "\(Wording.counted(latest.counts.attention, "project")) Red or declined · "
                    + "\(Wording.counted(latest.counts.slipped, "milestone")) slipped · "
                    + "\(Wording.counted(latest.counts.carriedForward, "return")) carried forward"),
            el(
                "p", [],
                [link(Link.boardSummary(period: period.id).path, "Read the \(period.label) summary", class: "button")]),
        ]
    }

    static func render(_ model: BoardSummaryModel, _ context: PageContext) -> String {
        var context = context
        let summary = model.summary
        let report = summary.report
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path),
            (report.portfolio.name, Link.portfolio(portfolio: report.portfolio.id).path),
        ]
        var nodes: [HTMLNode] = [
            el("h1", text: "\(report.portfolio.name): \(report.period.label)"),
            el(
                "p", [("class", "lede")],
                text: "As at \(report.period.asAt.longDisplay)"
                    + (summary.previousPeriod.map { " · compared with \($0.label)" } ?? "")),
            DashboardPage.provisionalBanner(report),
            RatingViews.counts(report.counts),
            el(
                "p", [("class", "actions no-print")],
                [
                    link(Link.programmeDashboard(period: report.period.id).path, "Full programme dashboard"),
                    link(Link.priorities(period: report.period.id).path, "Priorities report"),
                ]
                    + (report.period.status == .published
                        ? [link(Link.paper(period: report.period.id).path, "Board paper")] : [])
                    + [link(Link.changes(portfolio: report.portfolio.id).path, "Every change")]),
        ]
        nodes.append(el("h2", [("id", "attention")], text: "Red or declined (\(summary.attention.count))"))
        nodes.append(
            summary.attention.isEmpty
                ? el("p", text: "No project is at the worst rating or declined since the last period.")
                : el("ul", [("class", "work-list")], summary.attention.map(attentionItem)))
        nodes.append(el("h2", [("id", "slipped")], text: "Milestones slipped (\(summary.slipped.count))"))
        nodes.append(
            summary.slipped.isEmpty
                ? el(
                    "p",
                    text: summary.previousPeriod == nil
                        ? "No earlier period to compare with." : "No milestone date moved later.")
                : changeTable(summary.slipped, withProgramme: true))
        nodes.append(
            el(
                "h2", [("id", "changes")],
                text:
                    "Other changes since \(summary.previousPeriod?.label ?? "the last period") (\(summary.otherChanges.count))"
            ))
        nodes.append(
            summary.otherChanges.isEmpty
                ? el("p", text: "Nothing else changed.")
                : changeTable(summary.otherChanges, withProgramme: true))
        nodes.append(el("h2", [("id", "carried")], text: "Returns carried forward (\(summary.carriedForward.count))"))
        nodes.append(
            summary.carriedForward.isEmpty
                ? el("p", text: "Every return was written this period.")
                : el(
                    "ul", [],
                    summary.carriedForward.map { carried in
                        el(
                            "li", [],
                            [
                                link(
                                    Link.project(project: carried.row.project.id).path, carried.row.project.displayName),
                                txt(" (\(carried.programme)): \(carried.row.carriedForward?.words ?? "not updated")"),
                            ])
                    }))
        return Layout.render(context, nodes)
    }

    static func attentionItem(_ item: BoardSummary.Attention) -> HTMLNode {
        let change = item.change
        var compare: [HTMLNode] = []
        if let previous = change.previous, change.trend == .declined || change.trend == .improved {
            compare += [
                RatingViews.badge(previous.label, level: previous), el("span", [("aria-hidden", "true")], text: "→"),
            ]
        }
        compare += [
            RatingViews.badge(item.row.effective?.label ?? item.row.ratingDisplay, level: item.row.effective),
            el("span", text: change.words),
        ]
        var body: [HTMLNode] = [
            el("h3", [], [link(Link.project(project: item.row.project.id).path, item.row.project.displayName)]),
            el("p", [("class", "hint")], text: item.programme),
            el("p", [("class", "compare")], compare),
        ]
        if let words = item.row.notUpdatedWords { body.append(el("p", [], [el("strong", text: words)])) }
        body.append(
            el(
                "p", [],
                [el("strong", text: "Mitigation: ")]
                    + [txt(item.row.mitigation.isEmpty ? "None given." : item.row.mitigation)]))
        return el("li", [], body)
    }

    static func changeTable(_ changes: [ChangesReport.Change], withProgramme: Bool) -> HTMLNode {
        el(
            "table", [],
            [
                el(
                    "thead", [],
                    [el("tr", [], ["Project", "Programme", "What changed"].map { columnHeader($0) })]),
                el(
                    "tbody", [],
                    changes.map { change in
                        el(
                            "tr", [],
                            [
                                el(
                                    "td", [],
                                    [link(Link.project(project: change.project.id).path, change.project.displayName)]),
                                el("td", text: change.programme),
                                el(
                                    "td",
                                    text: change.kind == .milestoneMoved
                                        ? change.detail : "\(change.kind.title): \(change.detail)"),
                            ])
                    }),
            ])
    }
}
