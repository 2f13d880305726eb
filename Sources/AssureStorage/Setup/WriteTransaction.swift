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
    /// `lockingKey`: the body reads an item, decides on it, and writes it (a write that names the version of the item a
    /// client read). On PostgreSQL the transaction first takes an advisory lock on the key (the item), so a second such
    /// write to the same item waits for the first to commit and then reads what it wrote; writes to other items do not
    /// wait. (SERIALIZABLE would do it too, but every write updates the audit chain's head, so any two concurrent writes
    /// would fail one another.) SQLite has one writer at a time, and the retry above already gives it that guarantee:
    /// a transaction that read before another committed is run again from the start.
    ///
    /// Inside another transaction the body simply joins it: the outer one retries as a whole.
    ///
    /// The caller's clock goes in with the body: the drivers run a transaction's body on a task of their own, which
    /// would otherwise stamp with the default clock instead of the app's.
    func writeTransaction<T: Sendable>(
        lockingKey: String? = nil, _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        if inTransaction { return try await body(self) }
        let clock = WallClock.now
        var attempt = 0
        while true {
            do {
                return try await transaction { db in
                    if let lockingKey, let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
                        // Two-key advisory locks are a space of their own: the login throttle's one-key lock is apart.
                        try await sql.raw(
                            "SELECT pg_advisory_xact_lock(\(literal: Self.itemLocks), hashtext(\(bind: lockingKey)))"
                        ).run()
                    }
                    return try await WallClock.using(clock) { try await body(db) }
                }
            } catch  where Self.mayRunAgain(error) && attempt < 8 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(20 * attempt))
            }
        }
    }

    /// The first key of every item lock: "ITEM".
    private static var itemLocks: Int { 0x4954_454D }

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
