import AssureCore
import FluentKit
import FluentPostgresDriver
import Foundation
import NIOCore
import NIOPosix
import SQLKit

/// Whether the database can serve requests now, for a load balancer's readiness check and for requests that fail
/// while it cannot.
public enum DatabaseHealth {
    /// Why the database cannot serve this server now, or nil when it can: it answers, and its migrations are exactly
    /// the ones this server knows (none missing, none from a newer version of Assure).
    public static func problem(_ db: Database, expectedMigrations: [String]) async -> String? {
        guard let sql = db as? SQLDatabase else { return "The database is not an SQL database." }
        struct Row: Decodable { let name: String }
        let applied: [String]
        do {
            applied = try await sql.raw("SELECT name FROM _fluent_migrations").all(decoding: Row.self).map(\.name)
        } catch {
            return "The database does not answer: \(String(describing: error).prefix(200))"
        }
        let (known, present) = (Set(expectedMigrations), Set(applied))
        if let missing = known.subtracting(present).sorted().first {
            return "The database's migrations are not current: \(missing) has not run."
        }
        if let unknown = present.subtracting(known).sorted().first {
            return "The database has a migration this server does not know (\(unknown)): a newer Assure migrated it."
        }
        return nil
    }

    /// Whether an error means the database could not be reached (down, restarting, or every connection busy past the
    /// pool's wait), rather than that the request was wrong: such a request can be tried again in a moment.
    public static func isUnreachable(_ error: any Error) -> Bool {
        if let psql = error as? PSQLError {
            switch psql.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
                return true
            default:
                return psql.serverInfo?[.sqlState].map(isUnavailableState) ?? false
            }
        }
        if error is ConnectionPoolTimeoutError || error is NIOConnectionError || error is ChannelError { return true }
        if let io = error as? IOError { return [ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT].contains(io.errnoCode) }
        return false
    }

    /// PostgreSQL's codes for a server shutting down, starting up or out of connections (class 57P and 53300).
    private static func isUnavailableState(_ state: String) -> Bool {
        state.hasPrefix("57P") || state == "53300"
    }
}
