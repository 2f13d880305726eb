import FluentKit

/// Each portfolio can switch assurance checks off; kept as a comma-separated list of check names.
struct M006_AddPortfolioDisabledChecks: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("portfolios").field("disabled_checks", .string, .required, .sql(.default("")))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("portfolios").deleteField("disabled_checks").update()
    }
}
