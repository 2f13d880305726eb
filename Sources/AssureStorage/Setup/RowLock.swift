import FluentKit
import Foundation
import SQLKit

package extension Model where IDValue == UUID {
    /// Finds a row that is about to be changed against the version a client read, and holds it for the rest of the
    /// transaction. On PostgreSQL (read committed) two transactions could otherwise both read version 3, both pass the
    /// version check, and the second overwrite the first: FOR UPDATE makes the second wait for the first to commit, and
    /// its read then sees version 4. SQLite has one writer at a time, and `writeTransaction` runs again from the start a
    /// transaction that read before another committed, so there a plain read is enough.
    static func findForUpdate(_ id: UUID, on db: any Database) async throws -> Self? {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT 1 FROM \(ident: schema) WHERE id = \(bind: id) FOR UPDATE").run()
        }
        return try await find(id, on: db)
    }
}
