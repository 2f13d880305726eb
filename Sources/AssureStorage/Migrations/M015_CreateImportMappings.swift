import FluentKit

/// Column mappings saved by name per portfolio, so next month's spreadsheet imports with the same choices.
struct M015_CreateImportMappings: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("import_mappings")
            .id()
            .field("portfolio_id", .uuid, .required, .references("portfolios", "id"))
            .field("name", .string, .required)
            .field("columns_json", .string, .required)
            .field("saved_by", .string, .required)
            .field("saved_at", .datetime, .required)
            .unique(on: "portfolio_id", "name")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("import_mappings").delete()
    }
}
