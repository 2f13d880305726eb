import FluentKit

/// The addresses the PMO registers to be told of events (a return submitted or approved, a period published, a rating
/// declined to Red). Each delivery is an outbox message (`webhook_id` says whose), so it is retried, and seen on the
/// outbox page, like any email. The secret signs each delivery; it is kept (not hashed) because it must sign.
struct M041_CreateWebhooks: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("webhooks")
            .id()
            .field("url", .string, .required)
            .field("events", .string, .required)
            .field("description", .string, .required)
            .field("secret", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("removed_at", .datetime)
            .create()
        try await database.schema("outbox_messages").field("webhook_id", .uuid).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("outbox_messages").deleteField("webhook_id").update()
        try await database.schema("webhooks").delete()
    }
}
