import FluentKit

/// API tokens for scripts: only a SHA-256 of each secret is kept, so a copy of the database holds no usable token.
struct M026_CreateAPITokens: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("secret_hash", .string, .required)
            .field("scope", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "secret_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("api_tokens").delete()
    }
}
