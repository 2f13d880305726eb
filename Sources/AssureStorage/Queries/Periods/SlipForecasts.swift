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
    /// from its report, and kept for the next.
    public static func history(_ db: Database, upTo published: PeriodReport) async throws -> [PeriodMilestones] {
        let earlier = try await db.sql().rows(
            """
            SELECT id, key, as_at FROM periods
            WHERE portfolio_id = \(bind: published.portfolio.id) AND status = \(bind: PeriodStatus.published.rawValue)
              AND as_at < \(bind: published.period.asAt.iso)
            ORDER BY as_at DESC LIMIT \(literal: periodsRead - 1)
            """
        ) { (id: try $0.uuid(0), key: try $0.text(1), asAt: try $0.text(2)) }
        let kept = try await MilestoneObservations.read(db, periodIDs: earlier.map(\.id))
        var history: [PeriodMilestones] = []
        for period in earlier.reversed() {
            if let milestones = kept[period.id], let asAt = CalendarDate(iso: period.asAt) {
                history.append(PeriodMilestones(key: period.key, asAt: asAt, milestones: milestones))
            } else {
                let made = PeriodMilestones(try await Reports.report(db, periodID: period.id))
                try await MilestoneObservations.keep(db, periodID: period.id, made)
                history.append(made)
            }
        }
        let latest = PeriodMilestones(published)
        try await MilestoneObservations.keep(db, periodID: published.period.id, latest)
        history.append(latest)
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
