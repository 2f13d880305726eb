import FluentKit
import FluentPostgresDriver
import SQLKit

/// After a bulk load into PostgreSQL (a generated portfolio, say), the work autovacuum would otherwise do for minutes
/// afterwards, done at once: table statistics for the planner, and the visibility map. Until it is done every write of
/// autovacuum's moves the write-ahead log's end, which ends every kept answer, so a load test run straight after a load
/// measures autovacuum rather than the server.
public enum BulkLoadSettling {
    /// True when there was something to do (PostgreSQL); SQLite keeps no such debt.
    @discardableResult
    public static func settle(_ db: Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase, sql is any PostgresDatabase else { return false }
        try await sql.raw("VACUUM (ANALYZE)").run()
        return true
    }
}
