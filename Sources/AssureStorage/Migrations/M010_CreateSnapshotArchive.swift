import FluentKit

/// Re-opening a published period moves its snapshot here with the reason, so what the board saw is never lost.
struct M010_CreateSnapshotArchive: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("period_snapshot_archive")
            .id()
            .field("period_id", .uuid, .required, .references("periods", "id"))
            .field("report_json", .string, .required)
            .field("published_at", .datetime, .required)
            .field("reopened_at", .datetime, .required)
            .field("reopened_by", .string, .required)
            .field("reason", .string, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("period_snapshot_archive").delete()
    }
}
