import AssureCore
import FluentKit
import Foundation
import SQLKit

/// Published periods kept as rows: one per project and sub-item (`PublishedRows`), and the snapshot reduced to the
/// period's summary. Each snapshot written before is split the same way, one at a time; its pages, downloads and papers
/// read the same after as before (`PublishedRowsTests` compares them byte for byte).
struct M032_CreatePublishedRows: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("published_rows")
            .field("period_id", .uuid, .required, .references("periods", "id"))
            .field("position", .int, .required)
            .field("programme_id", .uuid, .required)
            .field("project_id", .uuid, .required)
            .field("parent_id", .uuid)
            .field("row_json", .string, .required)
            .compositeIdentifier(over: "period_id", "position")
            .create()
        let sql = try database.sql()
        try await sql.create(index: "published_rows_programme_idx").on("published_rows")
            .column("period_id").column("programme_id").column("position").run()
        try await sql.create(index: "published_rows_project_idx").on("published_rows").column("project_id").run()
        try await sql.create(index: "published_rows_parent_idx").on("published_rows").column("parent_id").run()
        try await PublishedRows.splitDocuments(database)
    }

    /// Puts each period back into one document, as it was kept before.
    func revert(on database: Database) async throws {
        try await PublishedRows.joinDocuments(database)
        try await database.schema("published_rows").delete()
    }
}
