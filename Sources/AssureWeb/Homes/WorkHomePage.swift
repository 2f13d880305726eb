import AssureCore
import AssureStorage
import Foundation
import Plot

/// A project lead's and an SRO's home: the returns they owe in each open period, then those waiting for their review.
struct WorkHomeModel: Sendable {
    /// One open period's returns for this person.
    struct PeriodWork: Sendable {
        let portfolio: PortfolioInfo
        let period: PeriodInfo
        let due: CalendarDate?
        let rows: [ReturnTracking.Row]
    }

    /// Milestones likely to slip in one portfolio's projects that this person leads or reviews.
    struct Slipping: Sendable {
        let portfolio: PortfolioInfo
        /// The published period the forecast was made at.
        let from: PeriodInfo
        let forecasts: [ShownSlipForecast]
    }

    let owed: [PeriodWork]
    let toReview: [PeriodWork]
    let today: CalendarDate
    var likelyToSlip: [Slipping] = []

    var reviewCount: Int { toReview.map(\.rows.count).reduce(0, +) }
}

enum WorkHomePage {
    static func render(_ model: WorkHomeModel, _ context: PageContext) -> String {
        // What the person owes comes first; a reviewer who writes no returns sees what waits for them first.
        let owedFirst = !model.owed.isEmpty || model.reviewCount == 0
        let owed = owedSections(model, top: owedFirst)
        let review = reviewSections(model, top: !owedFirst)
        return Layout.render(
            context,
            (owedFirst ? owed + review : review + owed) + slipSections(model)
                + [
                    el(
                        "p", [],
                        [
                            txt("Dashboards and board papers for every period are under "),
                            link(Link.portfolios.path, "Portfolios"), txt("."),
                        ])
                ])
    }

    /// `top`: the page's first section, headed h1; the others are h2. Items are headed one level below.
    static func owedSections(_ model: WorkHomeModel, top: Bool) -> [HTMLNode] {
        guard !model.owed.isEmpty else {
            return [
                el(top ? "h1" : "h2", text: "Your returns"),
                el("p", text: "You have no returns to write in the periods now open."),
            ]
        }
        var nodes: [HTMLNode] = []
        for (index, work) in model.owed.enumerated() {
            let level = top && index == 0 ? 1 : 2
            nodes.append(el("h\(level)", text: "Your returns for \(work.period.label)"))
            nodes.append(
                el("p", [("class", "lede")], [txt("\(work.portfolio.name) · ")] + due(work.due, today: model.today)))
            nodes.append(
                el(
                    "ul", [("class", "work-list your-returns")],
                    work.rows.map { owedItem($0, work.period, level: level + 1) }))
        }
        return nodes
    }

    static func slipSections(_ model: WorkHomeModel) -> [HTMLNode] {
        model.likelyToSlip.flatMap { slipping in
            [el("h2", text: "Milestones likely to slip in your projects: \(slipping.portfolio.name)")]
                + [SlipForecastViews.hint(slipping.from)]
                + SlipForecastViews.list(
                    slipping.forecasts, all: Link.slipForecasts(portfolio: slipping.portfolio.id).path)
        }
    }

    static func reviewSections(_ model: WorkHomeModel, top: Bool) -> [HTMLNode] {
        let level = top ? 1 : 2
        var nodes: [HTMLNode] = [
            el(
                "h\(level)", [("id", "review")],
                text: "Waiting for your review" + (model.reviewCount > 0 ? " (\(model.reviewCount))" : ""))
        ]
        if model.reviewCount == 0 { nodes.append(el("p", text: "No return is waiting for your review.")) }
        for work in model.toReview where !work.rows.isEmpty {
            nodes.append(
                el("p", [("class", "lede")], text: "\(work.portfolio.name) · \(work.period.label), oldest first"))
            nodes.append(
                el(
                    "ul", [("class", "work-list to-review")],
                    work.rows.map { reviewItem($0, work.period, level: level + 1) }))
        }
        return nodes
    }

    static func due(_ due: CalendarDate?, today: CalendarDate) -> [HTMLNode] {
        guard let due else { return [txt("no due date set")] }
        if due < today { return [el("span", [("class", "due-overdue")], text: "due \(due.longDisplay): overdue")] }
        let days = today.days(until: due)
        return [
            txt(
                "due \(due.longDisplay)"
                    + (days <= 7 ? " (\(days == 0 ? "today" : "in \(days) day\(days == 1 ? "" : "s")"))" : ""))
        ]
    }

    /// The state in words, who did what and when, and the reviewer's comment when it came back.
    static func stateWords(_ row: ReturnTracking.Row) -> String {
        let when = { (date: Date?) in date.map { " on \($0.ukMoment)" } ?? "" }
        switch row.state {
        case .notStarted: return "Not started."
        case .draft: return "Draft, last saved\(row.savedBy.map { " by \($0)" } ?? "")\(when(row.savedAt))."
        case .submitted: return "Submitted\(when(row.submittedAt)); waiting for review."
        case .returnedForChanges: return "Returned for changes\(row.reviewedBy.map { " by \($0)" } ?? "")."
        case .approved: return "Approved\(row.reviewedBy.map { " by \($0)" } ?? "")."
        case .carriedForward: return "Carried forward from the last period."
        }
    }

    static func owedItem(_ row: ReturnTracking.Row, _ period: PeriodInfo, level: Int) -> HTMLNode {
        let href = Link.returnForm(period: period.id, project: row.project.id).path
        let action: String =
            switch row.state {
            case .notStarted: "Start the return"
            case .draft: "Continue the return"
            case .returnedForChanges: "Make the changes"
            default: "View the return"
            }
        var body: [HTMLNode] = [
            el("h\(level)", [], [link(href, row.project.displayName)]),
            el("p", [("class", "state-summary")], text: stateWords(row)),
        ]
        if row.state == .returnedForChanges, let comment = row.reviewComment {
            body.append(el("blockquote", [("class", "notice")], [paragraphs(comment)]))
        }
        body.append(
            el(
                "p", [],
                [
                    link(
                        href, action,
                        class: row.state == .submitted || row.state == .approved ? "button secondary" : "button")
                ]))
        return el("li", [("class", "state-\(row.state.rawValue)")], body)
    }

    static func reviewItem(_ row: ReturnTracking.Row, _ period: PeriodInfo, level: Int) -> HTMLNode {
        let href = Link.returnForm(period: period.id, project: row.project.id).path
        return el(
            "li", [],
            [
                el("h\(level)", [], [link(href, row.project.displayName)]),
                el(
                    "p",
                    text:
                        "Submitted\(row.savedBy.map { " by \($0)" } ?? "")\(row.submittedAt.map { " on \($0.ukMoment)" } ?? "")."
                ),
                el("p", [], [link(href, "Review the return", class: "button")]),
            ])
    }
}
