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

/// A portfolio's dependencies with what puts each at risk, judged on the latest published dates and slip forecasts.
public struct DependencyPicture: Sendable {
    public let stored: [StoredDependency]
    public let graph: DependencyGraph
    public let risks: [DependencyEnd: [DependencyRisk]]
    public let riskByID: [UUID: DependencyRisk]
    /// Ends put at risk down a chain from a dependency at risk.
    public let knockOns: [DependencyEnd: DependencyKnockOn]

    /// The stored dependencies at risk, in the order they were added.
    public var atRisk: [(StoredDependency, DependencyRisk)] {
        stored.compactMap { item in riskByID[item.id].map { (item, $0) } }
    }

    /// Each project at an end of a dependency, as readers name it.
    public var names: [UUID: String] {
        var names: [UUID: String] = [:]
        for item in stored {
            names[item.dependency.dependant.projectID] = item.dependantName
            names[item.dependency.upstream.projectID] = item.upstreamName
        }
        return names
    }

    /// "MAT001 Maternity: Business case", or "MAT001 Maternity (the project as a whole)".
    public func name(_ end: DependencyEnd) -> String {
        Self.name(end, names: names)
    }

    public static func name(_ end: DependencyEnd, names: [UUID: String]) -> String {
        let project = names[end.projectID] ?? "?"
        return end.milestone.map { "\(project): \($0)" } ?? "\(project) (the project as a whole)"
    }

    /// `likely`: the portfolio's forecasts at 50% or more, when the caller has read them already.
    public static func read(
        _ db: Database, portfolio: PortfolioSummary, likely: [ShownSlipForecast]? = nil
    ) async throws -> DependencyPicture {
        let stored = try await MilestoneDependencies.all(db, portfolioID: portfolio.info.id)
        let graph = DependencyGraph(stored.map(\.dependency))
        guard !stored.isEmpty else {
            return DependencyPicture(stored: [], graph: graph, risks: [:], riskByID: [:], knockOns: [:])
        }
        let projects = Set(stored.flatMap { [$0.dependency.dependant.projectID, $0.dependency.upstream.projectID] })
        let dates = try await MilestoneDependencies.publishedDates(
            db, portfolioID: portfolio.info.id, projects: projects)
        var forecasts: [DependencyEnd: Int] = [:]
        var forecastsRead = likely ?? []
        if likely == nil {
            forecastsRead = try await SlipForecasts.latest(db, portfolio: portfolio, likelyOnly: true)
        }
        for forecast in forecastsRead
        where projects.contains(forecast.projectID) {
            forecasts[DependencyEnd(projectID: forecast.projectID, milestone: forecast.milestone)] = forecast.percent
        }
        let risks = graph.risks(due: dates, forecasts: forecasts)
        var byID: [UUID: DependencyRisk] = [:]
        let idOf = Dictionary(stored.map { ($0.dependency, $0.id) }) { first, _ in first }
        for risk in risks { if let id = idOf[risk.dependency] { byID[id] = risk } }
        return DependencyPicture(
            stored: stored, graph: graph, risks: Dictionary(grouping: risks, by: \.dependency.dependant),
            riskByID: byID, knockOns: graph.knockOns(of: risks))
    }
}
