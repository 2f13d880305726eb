import FluentKit

/// Funding rounds (an envelope) and their recommended allocations, in whole pence.
struct M018_CreateFundingRounds: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("funding_rounds")
            .id()
            .field("name", .string, .required)
            .field("envelope_label", .string, .required)
            .field("envelope_pence", .int64, .required)
            .field("version", .int, .required)
            .unique(on: "name")
            .create()
        try await database.schema("allocations")
            .id()
            .field("round_id", .uuid, .required, .references("funding_rounds", "id"))
            .field("label", .string, .required)
            .field("amount_pence", .int64, .required)
            .field("comment", .string, .required)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("allocations").delete()
        try await database.schema("funding_rounds").delete()
    }
}
