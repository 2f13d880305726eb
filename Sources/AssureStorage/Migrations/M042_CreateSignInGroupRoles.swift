import FluentKit

/// The roles the PMO gives to groups of an organisation's sign-in service: someone whose ID token lists the group (in
/// the provider's groups claim) gets the role at their first sign-in, or while awaiting one. The settings file may map
/// groups too; these are the PMO's own, kept, changed and audited in Assure.
struct M042_CreateSignInGroupRoles: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("sign_in_group_roles")
            .id()
            .field("provider", .string, .required)
            .field("group_name", .string, .required)
            .field("role", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "provider", "group_name")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("sign_in_group_roles").delete()
    }
}
