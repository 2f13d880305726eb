import FluentKit
import SQLKit

/// Every chaser and alert is written here first, in the transaction that caused it, then delivered by SMTP.
struct M009_CreateOutbox: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("outbox_messages")
            .id()
            .field("created_at", .datetime, .required)
            .field("kind", .string, .required)
            .field("dedupe_key", .string)
            .field("to_address", .string, .required)
            .field("to_name", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .field("next_attempt_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("period_id", .uuid)
            .field("project_id", .uuid)
            .unique(on: "dedupe_key")
            .create()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "outbox_due_idx").on("outbox_messages").column("status").column(
                "next_attempt_at"
            ).run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("outbox_messages").delete()
    }
}
