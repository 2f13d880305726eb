import AssureCore
import FluentKit
import FluentSQLiteDriver
import Foundation

package extension Database {
    /// Every write goes through here. SQLite begins transactions deferred: one that has read, and then finds that another
    /// connection (the outbox worker, another request) committed since, cannot start writing and fails at once with
    /// SQLITE_BUSY. Nothing of it was written, so it is run again from the start, a few times, on a fresh snapshot.
    /// PostgreSQL never fails this way, so there it runs once.
    ///
    /// The caller's clock goes in with the body: the drivers run a transaction's body on a task of their own, which
    /// would otherwise stamp with the default clock instead of the app's.
    func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let clock = WallClock.now
        var attempt = 0
        while true {
            do {
                return try await transaction { db in try await WallClock.using(clock) { try await body(db) } }
            } catch let error as SQLiteError where Self.isBusy(error) && attempt < 8 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(20 * attempt))
            }
        }
    }

    private static func isBusy(_ error: SQLiteError) -> Bool {
        switch error.reason {
        case .busy, .busyInSnapshot, .busyInRecovery, .busyTimeout, .locked: true
        default: false
        }
    }
}
