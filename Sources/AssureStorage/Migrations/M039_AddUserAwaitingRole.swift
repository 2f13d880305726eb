import FluentKit

/// An account made at someone's first sign-in through their organisation's provider, whose groups map to no role: it
/// exists (the PMO sees who asked) but opens nothing until the PMO grants a role.
struct M039_AddUserAwaitingRole: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("users").field("awaiting_role", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("users").deleteField("awaiting_role").update()
    }
}
