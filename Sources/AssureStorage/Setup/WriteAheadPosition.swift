import FluentPostgresDriver

/// Where PostgreSQL's write-ahead log ends: it moves with every committed write to any table of the cluster (and with
/// some housekeeping, such as a page pruned while read), so an unchanged position means nothing was written since.
/// Servers sharing one database learn from it that another server wrote, without a notification's delay.
/// `WriteAheadWatch` reads it.
package enum WriteAheadPosition {
    package struct Unreadable: Error, CustomStringConvertible {
        package init() {}
        package var description: String { "PostgreSQL did not give its write-ahead log's position" }
    }

    /// The position as PostgreSQL writes it (`6/2BF96B18`). The insert position, not the write position: with
    /// asynchronous commit a committed transaction may not be written yet, but it has always been inserted.
    package static let query: PostgresQuery = "SELECT pg_current_wal_insert_lsn()::text"
}
