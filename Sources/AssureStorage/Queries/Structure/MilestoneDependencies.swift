import AssureCore
import FluentKit
import Foundation
import SQLKit

/// A dependency as kept, with both projects' names for the pages.
public struct StoredDependency: Sendable, Hashable {
    public let id: UUID
    public let dependency: MilestoneDependency
    /// The projects' references and titles.
    public let dependantName: String
    public let upstreamName: String
    public let dependantProgrammeID: UUID
    public let upstreamProgrammeID: UUID
}

/// Milestones and projects waiting on other projects' milestones (M044), read by portfolio or by project.
public enum MilestoneDependencies {
    private static let select: SQLQueryString = """
        SELECT d.id, d.dependant_project_id, d.dependant_milestone, d.upstream_project_id, d.upstream_milestone,
               a.reference, a.title, u.reference, u.title, a.programme_id, u.programme_id
        FROM milestone_dependencies d
        JOIN projects a ON a.id = d.dependant_project_id
        JOIN projects u ON u.id = d.upstream_project_id
        """

    private static func read(_ row: any PositionalRow) throws -> StoredDependency {
        func name(_ reference: String?, _ title: String) -> String {
            [reference, title].compactMap { $0 }.joined(separator: " ")
        }
        return StoredDependency(
            id: try row.uuid(0),
            dependency: MilestoneDependency(
                dependant: DependencyEnd(projectID: try row.uuid(1), milestone: try row.optionalText(2)),
                upstream: DependencyEnd(projectID: try row.uuid(3), milestone: try row.text(4))),
            dependantName: name(try row.optionalText(5), try row.text(6)),
            upstreamName: name(try row.optionalText(7), try row.text(8)),
            dependantProgrammeID: try row.uuid(9), upstreamProgrammeID: try row.uuid(10))
    }

    /// Every dependency whose dependant is in the portfolio, in the order they were added.
    public static func all(_ db: Database, portfolioID: UUID) async throws -> [StoredDependency] {
        try await db.sql().rows(
            """
            \(select)
            JOIN programmes g ON g.id = a.programme_id
            WHERE g.portfolio_id = \(bind: portfolioID)
            ORDER BY d.created_at, d.id
            """, read)
    }

    /// Those a project is at either end of.
    public static func touching(_ db: Database, projectID: UUID) async throws -> [StoredDependency] {
        try await db.sql().rows(
            """
            \(select)
            WHERE d.dependant_project_id = \(bind: projectID) OR d.upstream_project_id = \(bind: projectID)
            ORDER BY d.created_at, d.id
            """, read)
    }

    public static func find(_ db: Database, id: UUID) async throws -> StoredDependency? {
        try await db.sql().rows("\(select) WHERE d.id = \(bind: id)", read).first
    }

    package static func insert(_ db: Database, _ dependency: MilestoneDependency, by name: String) async throws -> UUID
    {
        let id = UUID.random()
        try await db.sql().insert(into: "milestone_dependencies")
            .columns(
                "id", "dependant_project_id", "dependant_milestone", "upstream_project_id", "upstream_milestone",
                "created_by", "created_at"
            )
            .values(
                SQLBind(id), SQLBind(dependency.dependant.projectID), SQLBind(dependency.dependant.milestone),
                SQLBind(dependency.upstream.projectID), SQLBind(dependency.upstream.milestone),
                SQLBind(name), SQLBind(WallClock.now())
            )
            .run()
        return id
    }

    package static func delete(_ db: Database, id: UUID) async throws {
        try await db.sql().delete(from: "milestone_dependencies").where("id", .equal, id).run()
    }

    /// The latest date of each milestone of these projects as published (the baselines folded at the last
    /// publication): what a dependency is judged on, never a return still being written.
    public static func publishedDates(
        _ db: Database, portfolioID: UUID, projects: Set<UUID>
    ) async throws -> [DependencyEnd: CalendarDate] {
        guard !projects.isEmpty else { return [:] }
        let ids = SQLList(projects.sorted { $0.uuidString < $1.uuidString }.map { SQLBind($0) })
        let rows = try await db.sql().rows(
            """
            SELECT project_id, title, latest_due_by FROM milestone_baselines
            WHERE portfolio_id = \(bind: portfolioID) AND project_id IN (\(ids))
            """
        ) { (end: DependencyEnd(projectID: try $0.uuid(0), milestone: try $0.text(1)), due: try $0.text(2)) }
        var dates: [DependencyEnd: CalendarDate] = [:]
        for row in rows { if let date = CalendarDate(iso: row.due) { dates[row.end] = date } }
        return dates
    }

    /// The dates of these projects' milestones in the returns submitted or approved in the portfolio's open periods
    /// after its latest published one (the latest open period's where there are two): what a dependency will be
    /// judged on once they are published.
    public static func openDates(
        _ db: Database, portfolio: PortfolioSummary, projects: Set<UUID>
    ) async throws -> [DependencyEnd: CalendarDate] {
        let published = portfolio.latestPublished?.asAt
        let open = portfolio.periods.filter { period in
            period.status == .open && published.map { period.asAt > $0 } ?? true
        }
        guard !projects.isEmpty, !open.isEmpty else { return [:] }
        let order = Dictionary(open.enumerated().map { ($1.id, $0) }) { first, _ in first }
        let ids = SQLList(projects.sorted { $0.uuidString < $1.uuidString }.map { SQLBind($0) })
        let rows = try await db.sql().rows(
            """
            SELECT r.period_id, r.project_id, m.title, m.due_by
            FROM return_milestones m JOIN returns r ON r.id = m.return_id
            WHERE r.period_id IN (\(SQLList(open.map { SQLBind($0.id) }))) AND r.project_id IN (\(ids))
              AND r.state IN ('submitted', 'approved') AND m.due_by IS NOT NULL
            """
        ) { row in
            (
                at: order[try row.uuid(0)] ?? 0,
                end: DependencyEnd(projectID: try row.uuid(1), milestone: try row.text(2)), due: try row.text(3)
            )
        }
        var dates: [DependencyEnd: (Int, CalendarDate)] = [:]
        for row in rows {
            guard let date = CalendarDate(iso: row.due), (dates[row.end]?.0 ?? -1) <= row.at else { continue }
            dates[row.end] = (row.at, date)
        }
        return dates.mapValues(\.1)
    }

    /// Every title a project's milestones have been reported under, in any period.
    public static func milestoneTitles(_ db: Database, projectID: UUID) async throws -> Set<String> {
        Set(
            try await db.sql().rows(
                """
                SELECT DISTINCT m.title FROM return_milestones m JOIN returns r ON r.id = m.return_id
                WHERE r.project_id = \(bind: projectID)
                """
            ) { try $0.text(0) })
    }

    /// The projects of a portfolio whose reference or title is `text` (ignoring case).
    public static func projects(_ db: Database, portfolioID: UUID, named text: String) async throws -> [UUID] {
        let name = text.lowercased()
        return try await db.sql().rows(
            """
            SELECT p.id FROM projects p JOIN programmes g ON g.id = p.programme_id
            WHERE g.portfolio_id = \(bind: portfolioID)
              AND (LOWER(p.reference) = \(bind: name) OR LOWER(p.title) = \(bind: name))
            """
        ) { try $0.uuid(0) }
    }
}
