import AssureCore
import FluentKit
import Foundation
import SQLKit

/// Sign-in attempts kept in the database, so every app server sharing it applies the same throttle.
///
/// Counting the failures and recording this attempt are one step, taken one attempt at a time: on PostgreSQL under
/// a transaction-scoped advisory lock, on SQLite by writing first (one writer at a time). Of thirty attempts at once,
/// the first five are checked and the rest wait (counting, then checking, then recording let 29 through against a
/// limit of 5). An attempt is recorded as a failure until its password proves right.
public enum LoginAttempts {
    public enum Decision: Sendable {
        /// Check the password, then `finish` the attempt.
        case allowed(UUID)
        case blocked(until: Date, reason: LoginThrottle.Reason)
    }

    /// The advisory lock's key on PostgreSQL: any constant the rest of Assure does not use.
    static let lockKey = 0x4153_5355_5245

    public static func begin(
        _ db: Database, email: String, address: String, now: Date = WallClock.now(),
        throttle: LoginThrottle = .standard
    ) async throws -> Decision {
        let key = normalised(email)
        return try await db.writeTransaction { db in
            if let sql = db as? SQLDatabase, sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: lockKey))").run()
            }
            let attempt = LoginAttemptRecord()
            attempt.email = key
            attempt.address = address
            attempt.at = now
            attempt.succeeded = false
            try await attempt.create(on: db)
            let mine = try attempt.requireID()
            let since = now.addingTimeInterval(-throttle.window)
            let account = try await LoginAttemptRecord.query(on: db).filter(\.$email == key).filter(\.$at > since).all()
            let lastSuccess = account.filter(\.succeeded).map(\.at).max() ?? .distantPast
            let accountFailures = account.filter { !$0.succeeded && $0.at > lastSuccess && $0.id != mine }
            let addressFailures = try await LoginAttemptRecord.query(on: db).filter(\.$address == address).filter(
                \.$at > since
            )
            .filter(\.$succeeded == false).filter(\.$id != mine).all()
            let failures = LoginThrottle.Failures(
                accountHere: accountFailures.filter { $0.address == address }.map(\.at),
                address: addressFailures.map(\.at), account: accountFailures.map(\.at))
            guard let (until, reason) = throttle.retryAfter(failures, now: now) else { return .allowed(mine) }
            // A refused attempt is not a guess: kept, it would push the wait on for as long as someone kept knocking.
            try await attempt.delete(on: db)
            return .blocked(until: until, reason: reason)
        }
    }

    /// Records the password check's outcome; old attempts, of no more use to the throttle, go.
    public static func finish(
        _ db: Database, _ attempt: UUID, succeeded: Bool, now: Date = WallClock.now()
    ) async throws {
        try await db.writeTransaction { db in
            if succeeded {
                try await LoginAttemptRecord.query(on: db).filter(\.$id == attempt).set(\.$succeeded, to: true).update()
            }
            try await LoginAttemptRecord.query(on: db).filter(\.$at < now.addingTimeInterval(-86_400)).delete()
        }
    }

    /// Failures recorded for an account, for tests and the audit of a probe.
    public static func failures(_ db: Database, email: String) async throws -> Int {
        try await LoginAttemptRecord.query(on: db).filter(\.$email == normalised(email)).filter(\.$succeeded == false)
            .count()
    }

    static func normalised(_ email: String) -> String { email.trimmingCharacters(in: .whitespaces).lowercased() }
}
