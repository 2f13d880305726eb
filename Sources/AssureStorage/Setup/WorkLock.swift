import FluentKit
import SQLKit

/// Work that several servers each start on a schedule, but that only one should do at a time (queuing the day's
/// chasers): a PostgreSQL advisory lock held until the transaction ends. SQLite has one writer, so its write
/// transaction is already the lock.
public enum WorkLock {
    /// Takes the lock named `name` for the rest of the transaction `db` is in, if no other server holds it.
    public static func take(_ db: Database, _ name: String) async throws -> Bool {
        let sql = try db.sql()
        guard sql.dialect.name == "postgresql" else { return true }
        struct Taken: Decodable { let taken: Bool }
        return try await sql.raw("SELECT pg_try_advisory_xact_lock(hashtextextended(\(bind: name), 0)) AS taken")
            .first(decoding: Taken.self)?.taken ?? false
    }
}
