import FluentKit

/// Files uploaded for an import, kept between the preview and the import. They were kept in the server's memory, so a
/// preview made on one server behind a load balancer could not be imported on another; in the database any server
/// reads them.
struct M035_CreateImportDrafts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("import_drafts")
            .id()
            .field("owner_id", .uuid)
            .field("portfolio_id", .uuid, .required, .references("portfolios", "id"))
            .field("filename", .string)
            .field("is_pasted", .bool, .required)
            .field("content", .data, .required)
            .field("byte_count", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("import_drafts").delete()
    }
}
