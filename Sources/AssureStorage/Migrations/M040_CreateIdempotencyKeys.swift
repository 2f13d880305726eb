import FluentKit

/// The answers to API writes sent with an `Idempotency-Key`, kept for a day: a client that retries after a lost
/// answer gets the first answer again instead of a second period, allocation or meeting. A row with no status is a
/// request still being handled (by whichever server has it); `request_hash` tells a retry from a different request
/// reusing the key.
struct M040_CreateIdempotencyKeys: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("api_idempotency_keys")
            .id()
            .field("user_id", .uuid, .required)
            .field("idempotency_key", .string, .required)
            .field("request_hash", .string, .required)
            .field("status", .int)
            .field("headers_json", .string)
            .field("body", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "idempotency_key")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("api_idempotency_keys").delete()
    }
}
