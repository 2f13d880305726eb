import AssureCore
import FluentKit
import Foundation
import SQLKit

// The rows a period's report is built from, read as plain SQL rows (decoding thousands of Fluent models cost more than
// the queries), for the whole portfolio or one programme.
package extension Reports {
    /// The portfolio's projects and sub-items by programme (in the portfolio's order), then by position: one query, read as
    /// plain rows. Each comes with its lead's person id, for those who need the lead's address.
    static func projectsInDisplayOrder(
        _ db: Database, portfolioID: UUID, names: [UUID: String], topLevelOnly: Bool = false,
        scope: RowScope? = nil
    ) async throws -> [(info: ProjectInfo, leadID: UUID?)] {
        let sql = try db.sql()
        let topLevel: SQLQueryString = topLevelOnly ? " AND p.parent_id IS NULL" : ""
        let rows = try await sql.rows(
            """
            SELECT p.id, p.programme_id, p.parent_id, p.reference, p.title, p.description, p.sro_id, p.lead_id,
                   p.commencement, p.project_plan, p.project_timescale
            FROM projects p JOIN programmes g ON g.id = p.programme_id
            WHERE g.portfolio_id = \(bind: portfolioID)\(SQLQueryString.andProject("p.id", in: scope))\(topLevel)
            ORDER BY g.sort_order, p.sort_order
            """
        ) { row -> (info: ProjectInfo, leadID: UUID?) in
            let leadID = try row.optionalUUID(7)
            return (
                ProjectInfo(
                    id: try row.uuid(0), programmeID: try row.uuid(1), parentID: try row.optionalUUID(2),
                    reference: try row.optionalText(3), title: try row.text(4), description: try row.optionalText(5),
                    sro: try row.optionalUUID(6).flatMap { names[$0] }, lead: leadID.flatMap { names[$0] },
                    commencement: try row.optionalText(8), projectPlan: try row.optionalText(9),
                    projectTimescale: try row.optionalText(10)),
                leadID
            )
        }
        return rows
    }

    /// A period's returns with their milestones, by project: two queries, read as plain rows (decoding ten thousand
    /// Fluent models costs more than the queries).
    static func returns(_ db: Database, periodID: UUID, scope: RowScope? = nil) async throws -> [UUID: ReturnInfo] {
        let sql = try db.sql()
        let milestones = try await sql.rows(
            """
            SELECT r.project_id, m.title, m.date_text, m.rating FROM return_milestones m
            JOIN returns r ON r.id = m.return_id
            WHERE r.period_id = \(bind: periodID)\(SQLQueryString.andProject("r.project_id", in: scope))
            ORDER BY m.position
            """
        ) { row in
            (
                project: try row.uuid(0),
                line: MilestoneLine(title: try row.text(1), date: try row.text(2), rating: try row.optionalText(3))
            )
        }
        let byProject = Dictionary(grouping: milestones, by: \.project)
        let returns = try await sql.rows(
            """
            SELECT project_id, rating, reported_trend, update_text, mitigation, submitted_by, submitted_at, state,
                   carried_from_key, carried_periods FROM returns
            WHERE period_id = \(bind: periodID)\(SQLQueryString.andProject("project_id", in: scope))
            """
        ) { row in
            let project = try row.uuid(0)
            let state = try row.text(7)
            return ReturnInfo(
                projectID: project, rating: try row.optionalText(1),
                reportedTrend: try row.optionalText(2).map { try Trend(stored: $0, "returns.reported_trend") },
                update: try row.text(3), mitigation: try row.text(4),
                milestones: (byProject[project] ?? []).map(\.line),
                submittedBy: try row.optionalText(5), submittedAt: try row.optionalDate(6),
                state: try ReturnState(stored: state),
                carriedForward: state == ReturnState.carriedForward.rawValue
                    ? CarriedForward(fromKey: try row.optionalText(8), periods: try row.optionalInt(9) ?? 1) : nil)
        }
        return Dictionary(returns.map { ($0.projectID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
