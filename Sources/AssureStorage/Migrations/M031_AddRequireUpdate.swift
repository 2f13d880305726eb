import FluentKit

/// Each portfolio says whether a return may be submitted with no update written; refused unless the PMO allows it.
struct M031_AddRequireUpdate: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("portfolios").field("require_update", .bool, .required, .sql(.default(true)))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("portfolios").deleteField("require_update").update()
    }
}
