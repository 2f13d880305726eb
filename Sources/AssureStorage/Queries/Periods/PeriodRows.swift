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
        struct Row: Decodable {
            let id: RowUUID, programme_id: RowUUID, parent_id: RowUUID?, reference: String?, title: String,
                description: String?
            let sro_id: RowUUID?, lead_id: RowUUID?, commencement: String?, project_plan: String?,
                project_timescale: String?
        }
        let rows = try await sql.raw(
            """
            SELECT p.id, p.programme_id, p.parent_id, p.reference, p.title, p.description, p.sro_id, p.lead_id,
                   p.commencement, p.project_plan, p.project_timescale
            FROM projects p JOIN programmes g ON g.id = p.programme_id
            WHERE g.portfolio_id = \(bind: portfolioID)\(SQLQueryString.andProject("p.id", in: scope))
            ORDER BY g.sort_order, p.sort_order
            """
        ).all(decoding: Row.self)
        return rows.filter { !topLevelOnly || $0.parent_id == nil }.map { row in
            (
                ProjectInfo(
                    id: row.id.value, programmeID: row.programme_id.value, parentID: row.parent_id?.value,
                    reference: row.reference,
                    title: row.title, description: row.description, sro: row.sro_id.flatMap { names[$0.value] },
                    lead: row.lead_id.flatMap { names[$0.value] },
                    commencement: row.commencement, projectPlan: row.project_plan,
                    projectTimescale: row.project_timescale),
                row.lead_id?.value
            )
        }
    }

    /// A period's returns with their milestones, by project: two queries, read as plain rows (decoding ten thousand
    /// Fluent models costs more than the queries).
    static func returns(_ db: Database, periodID: UUID, scope: RowScope? = nil) async throws -> [UUID: ReturnInfo] {
        let sql = try db.sql()
        struct ReturnRow: Decodable {
            let project_id: RowUUID
            let rating: String?
            let reported_trend: String?
            let update_text: String
            let mitigation: String
            let submitted_by: String?
            let submitted_at: Date?
            let state: String
            let carried_from_key: String?
            let carried_periods: Int?
        }
        struct MilestoneRow: Decodable {
            let project_id: RowUUID
            let title: String
            let date_text: String
            let rating: String?
        }
        let returns = try await sql.raw(
            """
            SELECT project_id, rating, reported_trend, update_text, mitigation, submitted_by, submitted_at, state,
                   carried_from_key, carried_periods FROM returns
            WHERE period_id = \(bind: periodID)\(SQLQueryString.andProject("project_id", in: scope))
            """
        ).all(decoding: ReturnRow.self)
        let milestones = try await sql.raw(
            """
            SELECT r.project_id, m.title, m.date_text, m.rating FROM return_milestones m
            JOIN returns r ON r.id = m.return_id
            WHERE r.period_id = \(bind: periodID)\(SQLQueryString.andProject("r.project_id", in: scope))
            ORDER BY m.position
            """
        ).all(decoding: MilestoneRow.self)
        let byProject = Dictionary(grouping: milestones, by: \.project_id.value)
        var result: [UUID: ReturnInfo] = [:]
        for row in returns {
            result[row.project_id.value] = ReturnInfo(
                projectID: row.project_id.value, rating: row.rating,
                reportedTrend: try row.reported_trend.map { try Trend(stored: $0, "returns.reported_trend") },
                update: row.update_text, mitigation: row.mitigation,
                milestones: (byProject[row.project_id.value] ?? []).map {
                    MilestoneLine(title: $0.title, date: $0.date_text, rating: $0.rating)
                },
                submittedBy: row.submitted_by, submittedAt: row.submitted_at, state: try ReturnState(stored: row.state),
                carriedForward: row.state == ReturnState.carriedForward.rawValue
                    ? CarriedForward(fromKey: row.carried_from_key, periods: row.carried_periods ?? 1) : nil)
        }
        return result
    }
}
