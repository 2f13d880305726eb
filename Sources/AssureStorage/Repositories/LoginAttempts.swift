import AssureCore
import Fluent
import Foundation

/// Sign-in attempts kept in the database, so every app server sharing it applies the same throttle.
public enum LoginAttempts {
    /// When the next attempt for this account from this address may be made; nil when now.
    public static func retryAfter(_ db: Database, email: String, address: String, now: Date = Date(),
                                  throttle: LoginThrottle = .standard) async throws -> (until: Date, reason: LoginThrottle.Reason)? {
        let since = now.addingTimeInterval(-throttle.window)
        let key = email.trimmingCharacters(in: .whitespaces).lowercased()
        let account = try await LoginAttemptRecord.query(on: db).filter(\.$email == key).filter(\.$at > since).all()
        let lastSuccess = account.filter(\.succeeded).map(\.at).max() ?? .distantPast
        let accountFailures = account.filter { !$0.succeeded && $0.at > lastSuccess }.map(\.at)
        let addressFailures = try await LoginAttemptRecord.query(on: db).filter(\.$address == address).filter(\.$at > since)
            .filter(\.$succeeded == false).all().map(\.at)
        return throttle.retryAfter(accountFailures: accountFailures, addressFailures: addressFailures, now: now)
    }

    public static func record(_ db: Database, email: String, address: String, succeeded: Bool, at: Date = Date()) async throws {
        let record = LoginAttemptRecord()
        record.email = email.trimmingCharacters(in: .whitespaces).lowercased()
        record.address = address
        record.at = at
        record.succeeded = succeeded
        try await db.writeTransaction { db in
            try await record.create(on: db)
            // Old attempts are of no use to the throttle: keep a day's.
            try await LoginAttemptRecord.query(on: db).filter(\.$at < at.addingTimeInterval(-86_400)).delete()
        }
    }
}
