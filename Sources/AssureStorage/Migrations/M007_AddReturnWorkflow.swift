import FluentKit

/// Returns move through draft → submitted → approved (or returned for changes, or carried forward).
/// Returns written before this migration were entered as final, so they start as submitted.
struct M007_AddReturnWorkflow: AsyncMigration {
    func prepare(on database: Database) async throws {
        // One column per ALTER: SQLite adds a single column at a time.
        try await database.schema("returns").field("state", .string, .required, .sql(.default("submitted"))).update()
        try await database.schema("returns").field("saved_by", .string).update()
        try await database.schema("returns").field("saved_at", .datetime).update()
        try await database.schema("returns").field("reviewed_by", .string).update()
        try await database.schema("returns").field("reviewed_at", .datetime).update()
        try await database.schema("returns").field("review_comment", .string).update()
    }

    func revert(on database: Database) async throws {
        for field in ["review_comment", "reviewed_at", "reviewed_by", "saved_at", "saved_by", "state"] {
            try await database.schema("returns").deleteField(.string(field)).update()
        }
    }
}
