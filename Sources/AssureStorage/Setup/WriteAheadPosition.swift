import FluentKit
import SQLKit

/// Where PostgreSQL's write-ahead log ends: it moves with every committed write to any table of the cluster (and with
/// some housekeeping, such as a page pruned while read), so an unchanged position means nothing was written since.
/// Servers sharing one database learn from it that another server wrote, without a notification's delay.
package enum WriteAheadPosition {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String { "PostgreSQL did not give its write-ahead log's position" }
    }

    /// The position as PostgreSQL writes it (`6/2BF96B18`); nil on SQLite, whose file tells the same without a query.
    package static func read(_ db: any Database) async throws -> String? {
        let sql = try db.sql()
        guard sql.dialect.name == "postgresql" else { return nil }
        // The insert position, not the write position: with asynchronous commit a committed transaction may not be
        // written yet, but it has always been inserted.
        let positions = try await sql.rows("SELECT pg_current_wal_insert_lsn()::text") { try $0.text(0) }
        guard let position = positions.first else { throw Unreadable() }
        return position
    }
}
