import AssureCore
import FluentKit
import Foundation
import SQLKit

/// One milestone's slip forecast as a page shows it.
public struct ShownSlipForecast: Sendable, Hashable {
    public let projectID: UUID
    /// The project's reference and title.
    public let projectName: String
    public let milestone: String
    public let dueBy: CalendarDate
    public let percent: Int
    /// "Likely to slip (72%): moved 3 times, 9 days left, same update as last month".
    public let words: String

    public var isLikely: Bool { percent >= 50 }

    public init(
        projectID: UUID, projectName: String, milestone: String, dueBy: CalendarDate, percent: Int, words: String
    ) {
        self.projectID = projectID
        self.projectName = projectName
        self.milestone = milestone
        self.dueBy = dueBy
        self.percent = percent
        self.words = words
    }
}

/// The slip forecast of each open milestone in a published period: refitted at the period's publication on the periods
/// up to it, and kept as rows beside its published rows, so that a page reads one project's or the likeliest few.
public enum SlipForecasts {
    /// The published periods a publication learns from, the one being published included: a year's worth before it.
    /// Bounded, so that publishing reads as many periods in a portfolio's fifth year as in its second.
    public static let periodsRead = 13

    /// The milestones of the portfolio's published periods up to `published` (the `periodsRead` latest), oldest first:
    /// what a refit learns from. Each period's are read from those kept by an earlier refit where there are any, else
    /// from its report, and kept for the next. One period at a time is read and handed to `visit`, so that a refit
    /// holds one period's milestones, not a year's.
    public static func eachPeriod(
        _ db: Database, upTo published: PublishedMilestones, _ visit: (PeriodMilestones) throws -> Void
    ) async throws {
        let earlier = try await db.sql().rows(
            """
            SELECT id, key, as_at FROM periods
            WHERE portfolio_id = \(bind: published.portfolioID) AND status = \(bind: PeriodStatus.published.rawValue)
              AND as_at < \(bind: published.milestones.asAt.iso)
            ORDER BY as_at DESC LIMIT \(literal: periodsRead - 1)
            """
        ) { (id: try $0.uuid(0), key: try $0.text(1), asAt: try $0.text(2)) }
        for period in earlier.reversed() {
            if let milestones = try await MilestoneObservations.read(db, periodID: period.id),
                let asAt = CalendarDate(iso: period.asAt)
            {
                try visit(PeriodMilestones(key: period.key, asAt: asAt, milestones: milestones))
            } else {
                let made = PeriodMilestones(try await Reports.report(db, periodID: period.id))
                try await MilestoneObservations.keep(db, periodID: period.id, made)
                try visit(made)
            }
        }
        try await MilestoneObservations.keep(db, periodID: published.periodID, published.milestones)
        try visit(published.milestones)
    }

    /// A published period's milestones, and whose they are: what a refit starts from.
    public struct PublishedMilestones: Sendable {
        public let portfolioID: UUID
        public let periodID: UUID
        public let milestones: PeriodMilestones

        /// Nil when the period is not published.
        public init?(_ report: PeriodReport) {
            guard report.period.status == .published else { return nil }
            portfolioID = report.portfolio.id
            periodID = report.period.id
            milestones = PeriodMilestones(report)
        }

        /// Read from the period's summary and its lines, `part` at a time: at 100,000 projects its whole report would
        /// hold hundreds of megabytes. Nil when the period is not published.
        public static func read(_ db: Database, periodID: UUID, part: Int = 5_000) async throws -> PublishedMilestones?
        {
            guard let summary = try await Reports.publishedSummary(db, periodID: periodID) else { return nil }
            var gathering = PeriodMilestones.Gathering(summary)
            var position: Int? = 0
            while let from = position {
                let lines = try await PublishedRows.read(db, periodID: periodID, from: from, limit: part)
                gathering.add(lines.lines)
                position = lines.next
            }
            return PublishedMilestones(portfolioID: summary.portfolio.id, periodID: periodID, gathering.finished)
        }

        private init(portfolioID: UUID, periodID: UUID, _ milestones: PeriodMilestones) {
            (self.portfolioID, self.periodID, self.milestones) = (portfolioID, periodID, milestones)
        }
    }

    /// The whole history `eachPeriod` visits, held at once: for tests, not for a refit.
    public static func history(_ db: Database, upTo published: PeriodReport) async throws -> [PeriodMilestones] {
        guard let start = PublishedMilestones(published) else { return [] }
        var history: [PeriodMilestones] = []
        try await eachPeriod(db, upTo: start) { history.append($0) }
        return history
    }

    /// Keeps a period's forecasts in place of any kept before (none, when nothing could be forecast).
    package static func replace(_ db: Database, periodID: UUID, _ forecasts: [SlipForecast.Forecast]) async throws {
        let sql = try db.sql()
        try await forget(sql, periodID: periodID)
        try await Array(forecasts.enumerated()).inBatches(of: 500) { chunk in
            let insert = sql.insert(into: "slip_forecasts").columns(
                "period_id", "position", "project_id", "title", "due_by", "percent", "words")
            for (position, forecast) in chunk {
                insert.values(
                    periodID, position, forecast.milestone.projectID, forecast.milestone.title,
                    forecast.milestone.due.iso, Int((forecast.chance * 100).rounded()), forecast.words)
            }
            try await insert.run()
        }
    }

    /// Forgets a period's forecasts, as when it is re-opened.
    package static func forget(_ sql: SQLDatabase, periodID: UUID) async throws {
        try await sql.delete(from: "slip_forecasts").where("period_id", .equal, periodID).run()
    }

    /// The forecasts made when the portfolio's latest period was published, likeliest first: one project's (with its
    /// sub-items) or, with `likelyOnly`, those at 50% or more; none when the PMO has switched the forecast off.
    public static func latest(
        _ db: Database, portfolio: PortfolioSummary, project: UUID? = nil, likelyOnly: Bool = false
    ) async throws -> [ShownSlipForecast] {
        guard portfolio.slipForecastShown, let period = portfolio.latestPublished else { return [] }
        let sql = try db.sql()
        let scope: RowScope? = project.map(RowScope.project)
        let likely: SQLQueryString = likelyOnly ? " AND f.percent >= 50" : ""
        return try await sql.rows(
            """
            SELECT f.project_id, p.reference, p.title, f.title, f.due_by, f.percent, f.words
            FROM slip_forecasts f JOIN projects p ON p.id = f.project_id
            WHERE f.period_id = \(bind: period.id)\(SQLQueryString.andProject("f.project_id", in: scope))\(likely)
            ORDER BY f.percent DESC, f.due_by, f.position
            """
        ) { row in
            guard let due = CalendarDate(iso: try row.text(4)) else {
                throw UnreadableColumn(column: 4, expected: "a date")
            }
            return ShownSlipForecast(
                projectID: try row.uuid(0),
                projectName: [try row.optionalText(1), try row.text(2)].compactMap { $0 }.joined(separator: " "),
                milestone: try row.text(3), dueBy: due, percent: try row.int(5), words: try row.text(6))
        }
    }
}
