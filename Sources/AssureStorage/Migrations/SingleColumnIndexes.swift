import FluentKit
import SQLKit

/// A migration that adds single-column indexes, named, in plain SQL that SQLite and PostgreSQL both accept; its revert
/// drops them.
protocol SingleColumnIndexes: AsyncMigration {
    /// (index name, table, column)
    static var indexes: [(String, String, String)] { get }
}

extension SingleColumnIndexes {
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
