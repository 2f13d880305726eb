import FluentKit

/// Chasers and alerts need an address for each person, a deadline for each period, and how early to chase.
struct M008_AddContactsAndDeadlines: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("people").field("email", .string).update()
        try await database.schema("periods").field("returns_due", .string).update()
        try await database.schema("portfolios").field("chase_days_before", .int).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("portfolios").deleteField("chase_days_before").update()
        try await database.schema("periods").deleteField("returns_due").update()
        try await database.schema("people").deleteField("email").update()
    }
}
