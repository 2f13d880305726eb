import FluentKit

struct M004_CreateUsersAndAudit: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("users")
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "email")
            .create()
        try await database.schema("programme_editors")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .unique(on: "user_id", "programme_id")
            .create()
        try await database.schema("audit_entries")
            .id()
            .field("at", .datetime, .required)
            .field("user_id", .uuid)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("before_json", .string)
            .field("after_json", .string)
            .create()
    }

    func revert(on database: Database) async throws {
        for table in ["audit_entries", "programme_editors", "users"] { try await database.schema(table).delete() }
    }
}
