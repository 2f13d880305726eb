import FluentKit
import SQLKit

/// Indexes for the queries every dashboard makes. Plain SQL that SQLite and PostgreSQL both accept.
struct M005_CreateIndexes: AsyncMigration {
    static let indexes = [
        ("projects_programme_idx", "projects", "programme_id"),
        ("returns_period_idx", "returns", "period_id"),
        ("returns_project_idx", "returns", "project_id"),
        ("return_milestones_return_idx", "return_milestones", "return_id"),
        ("audit_entries_at_idx", "audit_entries", "at"),
    ]

    func prepare(on database: Database) async throws {
        let sql = try database.sql()
        for (name, table, column) in Self.indexes {
            try await sql.create(index: name).on(table).column(column).run()
        }
    }

    func revert(on database: Database) async throws {
        let sql = try database.sql()
        for (name, _, _) in Self.indexes { try await sql.drop(index: name).run() }
    }
}
