import FluentKit

/// A PMO disables a user who leaves (or whose account is suspect) rather than deleting them: the audit log keeps
/// naming them, and they can be re-enabled. A disabled user cannot sign in, and no session or token of theirs opens.
struct M030_AddUserDisabled: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("users").field("disabled_at", .datetime).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("users").deleteField("disabled_at").update()
    }
}
