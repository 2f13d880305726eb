import FluentPostgresDriver

/// Which transactions PostgreSQL counts as committed now: `pg_current_snapshot()`, written `xmin:xmax:in-progress`. It
/// changes when a transaction that writes is given its id (`xmax` moves) and when one ends (it leaves the list, or
/// `xmin` moves), so an unchanged snapshot means nothing was committed since, on any server sharing the database. Unlike
/// the write-ahead log's end, which this replaced, it does not move with housekeeping that changes nothing a reader
/// sees (autovacuum, a page pruned while read, a checkpoint): after a publication's rolled-back rows were vacuumed,
/// the log's end moved under a page's load and ended its kept answer hundreds of times a second. `CommitWatch` reads it.
package enum VisibleCommits {
    package struct Unreadable: Error, CustomStringConvertible {
        package init() {}
        package var description: String { "PostgreSQL did not give its current snapshot" }
    }

    package static let query: PostgresQuery = "SELECT pg_current_snapshot()::text"
}
