import AssureCore
import FluentKit
import Foundation
import SQLKit

extension MilestoneDependencies {
    /// The milestones dated as another event ("Dependant on …") as last reported (in the latest published period or an
    /// open one after it: where an import or a return has just written them), not yet linked, each with the
    /// milestones of the portfolio's other projects it may mean. `projectID` limits them to one project's.
    public static func suggestions(
        _ db: Database, portfolio: PortfolioSummary, recorded: DependencyGraph, projectID: UUID? = nil
    ) async throws -> [DependencySuggestion] {
        let periods = Self.reportedPeriods(portfolio)
        guard !periods.isEmpty else { return [] }
        let order = Dictionary(periods.enumerated().map { ($1, $0) }) { first, _ in first }
        let inPeriods = SQLList(periods.map { SQLBind($0) })
        let onlyProject: SQLQueryString = projectID.map { "AND r2.project_id = \(bind: $0)" } ?? ""
        // Every milestone of the projects that wrote a date as an event, so a date written since replaces it.
        let rows = try await db.sql().rows(
            """
            SELECT r.period_id, r.project_id, m.title, m.date_text
            FROM return_milestones m JOIN returns r ON r.id = m.return_id
            WHERE r.period_id IN (\(inPeriods)) AND r.project_id IN (
                SELECT r2.project_id FROM returns r2 JOIN return_milestones m2 ON m2.return_id = r2.id
                WHERE r2.period_id IN (\(inPeriods)) \(onlyProject)
                  AND (LOWER(m2.date_text) LIKE 'depend%'))
            """
        ) { row in
            (
                period: try row.uuid(0),
                milestone: WrittenMilestone(
                    projectID: try row.uuid(1), title: try row.text(2), dateText: try row.text(3))
            )
        }
        var latest: [DependencyEnd: (Int, WrittenMilestone)] = [:]
        for row in rows {
            let end = DependencyEnd(projectID: row.milestone.projectID, milestone: row.milestone.title)
            let at = order[row.period] ?? 0
            if let known = latest[end], known.0 > at { continue }
            latest[end] = (at, row.milestone)
        }
        let written = latest.values.map(\.1).filter { DateTextParser.event(dependedOn: $0.dateText) != nil }
            .sorted { ($0.projectID.uuidString, $0.title) < ($1.projectID.uuidString, $1.title) }
        guard !written.isEmpty else { return [] }
        return DependencySuggestions.suggest(
            written: written, milestones: try await reportedMilestones(db, periods: periods),
            recorded: recorded)
    }

    /// The latest published period and the open ones after it, oldest first.
    static func reportedPeriods(_ portfolio: PortfolioSummary) -> [UUID] {
        let published = portfolio.latestPublished
        return portfolio.periods.filter {
            $0.id == published?.id || ($0.status == .open && $0.asAt >= (published?.asAt ?? $0.asAt))
        }.map(\.id)
    }

    /// Each milestone reported in these periods, once, with its project's name.
    private static func reportedMilestones(
        _ db: Database, periods: [UUID]
    ) async throws -> [DependencySuggestion.Candidate] {
        try await db.sql().rows(
            """
            SELECT DISTINCT p.id, p.reference, p.title, m.title
            FROM return_milestones m JOIN returns r ON r.id = m.return_id JOIN projects p ON p.id = r.project_id
            WHERE r.period_id IN (\(SQLList(periods.map { SQLBind($0) })))
            """
        ) { row in
            DependencySuggestion.Candidate(
                projectID: try row.uuid(0), reference: try row.optionalText(1), title: try row.text(2),
                milestone: try row.text(3))
        }
    }

    /// The programme of each of these projects.
    public static func programmes(_ db: Database, projects: Set<UUID>) async throws -> [UUID: UUID] {
        guard !projects.isEmpty else { return [:] }
        let ids = SQLList(projects.sorted { $0.uuidString < $1.uuidString }.map { SQLBind($0) })
        let rows = try await db.sql().rows("SELECT id, programme_id FROM projects WHERE id IN (\(ids))") {
            (try $0.uuid(0), try $0.uuid(1))
        }
        return Dictionary(rows) { first, _ in first }
    }
}
