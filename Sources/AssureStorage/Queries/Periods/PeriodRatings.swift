import AssureCore
import FluentKit
import Foundation
import SQLKit

/// Each project's effective rating in a published period, written beside its snapshot. The arrows of the next period and
/// the SRO alerts read these rows.
package enum PeriodRatings {
    private struct Row: Decodable {
        let project_id: RowUUID
        let code: String
        let label: String
        let rank: Int
        let meaning: String
    }

    package static func write(_ sql: SQLDatabase, periodID: UUID, _ ratings: [UUID: RatingLevel]) async throws {
        try await sql.delete(from: "period_ratings").where("period_id", .equal, periodID).run()
        // In key order: the rows then go to the end of the primary key's index instead of all over it. (Upper-case hex
        // text sorts as the id's bytes do, so the ids are sorted by their bytes, before any text is made of them.)
        let ratings = ratings.sorted { before($0.key, $1.key) }
        let columns = ["period_id", "project_id", "code", "label", "rank", "meaning"]
        let period = periodID.upperText
        let rows: [[String?]] = ratings.map { project, level in
            [period, project.upperText, level.code, level.label, String(level.rank), level.meaning]
        }
        try await BulkCopy.copy(sql, into: "period_ratings", columns: columns) { send in try await send(rows) }
    }

    private static func before(_ first: UUID, _ second: UUID) -> Bool {
        withUnsafeBytes(of: first.uuid) { first in
            withUnsafeBytes(of: second.uuid) { second in
                first.lexicographicallyPrecedes(second)
            }
        }
    }

    /// The ratings of a published period for the projects named (a page of a list), by key.
    package static func read(_ db: Database, periodID: UUID, projects: [UUID]) async throws -> [UUID: RatingLevel] {
        guard !projects.isEmpty else { return [:] }
        return try await read(db, periodID: periodID, only: " AND project_id IN (\(binds: projects))")
    }

    /// The ratings of a published period: all of them, one programme's, or one project's.
    package static func read(
        _ db: Database, periodID: UUID, projectID: UUID? = nil, scope: RowScope? = nil
    ) async throws -> [UUID: RatingLevel] {
        let oneProject: SQLQueryString = projectID.map { " AND project_id = \(bind: $0)" } ?? ""
        return try await read(
            db, periodID: periodID, only: oneProject + SQLQueryString.andProject("project_id", in: scope))
    }

    private static func read(_ db: Database, periodID: UUID, only: SQLQueryString) async throws -> [UUID: RatingLevel] {
        let sql = try db.sql()
        let rows = try await sql.rows(
            """
            SELECT project_id, code, label, rank, meaning FROM period_ratings WHERE period_id = \(bind: periodID)\(only)
            """
        ) { row in
            (
                try row.uuid(0),
                RatingLevel(
                    code: try row.text(1), label: try row.text(2), rank: try row.int(3), meaning: try row.text(4))
            )
        }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }
}
