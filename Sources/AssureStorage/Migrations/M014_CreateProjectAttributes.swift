import FluentKit
import SQLKit

/// Custom attributes: every column of an imported spreadsheet that is not one of Assure's fields is kept on the
/// project under its header, with its type, so pages and exports can show it.
struct M014_CreateProjectAttributes: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("project_attributes")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("text_value", .string, .required)
            .field("number_value", .double)
            .unique(on: "project_id", "name")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("project_attributes").delete()
    }
}
