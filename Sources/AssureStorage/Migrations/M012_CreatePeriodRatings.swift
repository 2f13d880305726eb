import AssureCore
import FluentKit
import Foundation
import SQLKit

/// Each project's effective rating in a published period, written with its snapshot: the next period's arrows, the SRO
/// alerts and the project list read these rows rather than decoding the whole snapshot. Periods published before this
/// migration get theirs from their snapshots.
struct M012_CreatePeriodRatings: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("period_ratings")
            .field("period_id", .uuid, .required, .references("periods", "id"))
            .field("project_id", .uuid, .required)
            .field("code", .string, .required)
            .field("label", .string, .required)
            .field("rank", .int, .required)
            .field("meaning", .string, .required)
            .compositeIdentifier(over: "period_id", "project_id")
            .create()
        let sql = try database.sql()
        for snapshot in try await PeriodSnapshotRecord.query(on: database).all() {
            let report = try Reports.decoder.decode(PeriodReport.self, from: Data(snapshot.reportJSON.utf8))
            try await PeriodRatings.write(sql, periodID: snapshot.$period.id, report.effectiveRatings)
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("period_ratings").delete()
    }
}
