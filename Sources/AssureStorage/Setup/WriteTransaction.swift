import AssureCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

package extension Database {
    /// Every write goes through here. SQLite begins transactions deferred: one that has read, and then finds that another
    /// connection (the outbox worker, another request) committed since, cannot start writing and fails at once with
    /// SQLITE_BUSY. Nothing of it was written, so it is run again from the start, a few times, on a fresh snapshot.
    /// PostgreSQL never fails this way at its default isolation, so there it runs once.
    ///
    /// `serializable`: the body reads something, decides on it, and writes (a write that names the version of an item
    /// a client read). On PostgreSQL the transaction is then SERIALIZABLE, so that a concurrent change to what it read
    /// fails it (40001) rather than being overwritten, and it too is run again from the start, where it reads the
    /// change. SQLite has one writer at a time, and the retry above already gives it that guarantee.
    ///
    /// Inside another transaction the body simply joins it: the outer one retries as a whole.
    ///
    /// The caller's clock goes in with the body: the drivers run a transaction's body on a task of their own, which
    /// would otherwise stamp with the default clock instead of the app's.
    func writeTransaction<T: Sendable>(
        serializable: Bool = false, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        if inTransaction { return try await body(self) }
        let clock = WallClock.now
        var attempt = 0
        while true {
            do {
                return try await transaction { db in
                    if serializable, let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
                        try await sql.raw("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE").run()
                    }
                    return try await WallClock.using(clock) { try await body(db) }
                }
            } catch  where Self.mayRunAgain(error) && attempt < 8 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(20 * attempt))
            }
        }
    }

    private static func mayRunAgain(_ error: any Error) -> Bool {
        if let sqlite = error as? SQLiteError {
            switch sqlite.reason {
            case .busy, .busyInSnapshot, .busyInRecovery, .busyTimeout, .locked: return true
            default: return false
            }
        }
        // serialization_failure and deadlock_detected: the transaction was rolled back whole and may be run again.
        if let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState] {
            return state == "40001" || state == "40P01"
        }
        return false
    }
}
