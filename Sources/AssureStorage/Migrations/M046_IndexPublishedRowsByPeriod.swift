import FluentKit
import SQLKit

/// A published row's project and parent indexed after its period. Indexed by project alone, every publication added
/// its ten thousand entries all over an index of every period's rows, rewriting most of its pages (about 90 of a
/// 10,000-project publication's 200 ms on SQLite); led by the period, a publication's entries sit together at one
/// place. A project's page now seeks each period of the portfolio for it (`PublishedRows.read(_:projectID:)`).
struct M046_IndexPublishedRowsByPeriod: AsyncMigration {
    func prepare(on database: Database) async throws {
        let sql = try database.sql()
        try await sql.drop(index: "published_rows_project_idx").run()
        try await sql.drop(index: "published_rows_parent_idx").run()
        try await sql.create(index: "published_rows_period_project_idx").on("published_rows")
            .column("period_id").column("project_id").run()
        try await sql.create(index: "published_rows_period_parent_idx").on("published_rows")
            .column("period_id").column("parent_id").run()
    }

    func revert(on database: Database) async throws {
        let sql = try database.sql()
        try await sql.drop(index: "published_rows_period_project_idx").run()
        try await sql.drop(index: "published_rows_period_parent_idx").run()
        try await sql.create(index: "published_rows_project_idx").on("published_rows").column("project_id").run()
        try await sql.create(index: "published_rows_parent_idx").on("published_rows").column("parent_id").run()
    }
}
