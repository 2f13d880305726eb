import FluentKit

/// Where each change was made from: the client's address (the one a trusted load balancer names), so that behind a
/// balancer the audit log does not record the balancer for everyone. Empty for the command line and older entries.
struct M037_AddAuditClientAddress: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("audit_entries").field("client_address", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("audit_entries").deleteField("client_address").update()
    }
}
