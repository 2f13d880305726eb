import AssureCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import SQLKit

/// Where the data lives: an SQLite file (the embedded default) or a PostgreSQL server.
public enum DatabaseTarget: Equatable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultPath = "assure.sqlite"

    /// "postgres://…" or "postgresql://…" is a server; anything else is an SQLite file path.
    public init(_ text: String?) {
        let value = (text ?? "").trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            self = .postgres(url: value)
        } else {
            self = .sqlite(path: value.isEmpty ? Self.defaultPath : value)
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path):
            return "SQLite file \(path)"
        case .postgres(let url):
            // Never print a password.
            guard var parts = URLComponents(string: url) else { return "PostgreSQL" }
            if parts.password != nil { parts.password = "****" }
            return "PostgreSQL \(parts.string ?? "")"
        }
    }
}

public enum Storage {
    public static var migrations: [any Migration] {
        [
            M001_CreateOrganisationsAndPeople(), M002_CreatePortfoliosProgrammesProjects(),
            M003_CreatePeriodsAndReturns(),
            M004_CreateUsersAndAudit(), M005_CreateIndexes(), M006_AddPortfolioDisabledChecks(),
            M007_AddReturnWorkflow(), M008_AddContactsAndDeadlines(), M009_CreateOutbox(), M010_CreateSnapshotArchive(),
            M011_CreateMilestoneBaselines(), M012_CreatePeriodRatings(), M013_CreateDisplayOrderIndexes(),
            M014_CreateProjectAttributes(), M015_CreateImportMappings(), M016_CreateGlossary(),
            M017_CreateBusinessCases(),
            M018_CreateFundingRounds(), M019_CreateRiskRegisters(), M020_CreateDeliverables(),
            M021_CreateMeetings(), M022_CreateOutcomeMeasures(), M023_CreatePaperTexts(),
            M024_AddAuditChain(), M025_CreateLoginAttempts(), M026_CreateAPITokens(),
            M027_AddCarriedForwardOrigin(), M028_AddPublishedFindings(),
            M029_ScopeRegistersToPortfolios(), M030_AddUserDisabled(), M031_AddRequireUpdate(),
            M032_CreatePublishedRows(), M033_IndexAccountablePeople(), M034_CreateBoardSummaryCounts(),
            M035_CreateImportDrafts(), M036_CreateImportJobs(), M037_AddAuditClientAddress(),
            M038_AddOutboxSendingServer(), M039_AddUserAwaitingRole(), M040_CreateIdempotencyKeys(),
            M041_CreateWebhooks(), M042_CreateSignInGroupRoles(), M043_CreateSlipForecasts(),
            M044_CreateMilestoneDependencies(), M045_CreateMilestoneObservations(), M046_IndexPublishedRowsByPeriod(),
            M047_IndexSubItemParents(),
        ]
    }

    /// The Fluent configuration for a target. A bad PostgreSQL URL is reported with the setting's name.
    /// `connections` is PostgreSQL's pool per event loop: a server spreads its requests over every loop's pool.
    /// `waitForConnection` is how long SQLite's work waits for its one connection before it fails.
    public static func configuration(
        for target: DatabaseTarget, connections: Int? = nil, waitForConnection: TimeAmount = .seconds(30)
    ) throws -> DatabaseConfigurationFactory {
        let connections = connections ?? target.connectionsPerEventLoop
        switch target {
        case .sqlite(let path):
            // One connection a loop, and SQLite writes one at a time: a request waits its turn rather than failing after
            // the pool's default 10 s, which four servers' chaser workers at once on two busy cores once reached.
            return .sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: waitForConnection)
        case .postgres(let url):
            do {
                var config = try SQLPostgresConfiguration(url: url)
                config.searchPath = ["public"]
                return .postgres(configuration: config, maxConnectionsPerEventLoop: connections)
            } catch {
                throw DomainError.invalid([
                    "database": "“\(url)” is not a PostgreSQL URL (postgres://user:password@host:port/database)."
                ])
            }
        }
    }

    /// Settings that make SQLite safe for a web server: write-ahead log, waits instead of "database is locked". And a
    /// page cache of 64 MB instead of SQLite's 2 MB: a publication writes some 20 MB of rows at 10,000 projects, and with
    /// the small cache it spills pages to the log mid-transaction (a third of its writing time, BENCHMARKS.md).
    /// Each setting but the log's is the connection's own: `prepareEveryConnection` runs this on every pool's.
    public static func prepare(_ database: Database) async throws {
        guard let sql = database as? SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA busy_timeout=5000").run()
        try await sql.raw("PRAGMA foreign_keys=ON").run()
        try await sql.raw("PRAGMA cache_size=-65536").run()
    }

    /// `prepare` on the connection of each event loop's pool: a server's SQLite pools hold one connection each, kept
    /// open for the server's life.
    public static func prepareEveryConnection(
        _ databases: Databases, _ id: DatabaseID, on loops: any EventLoopGroup, logger: Logger
    ) async throws {
        for loop in loops.makeIterator() {
            guard let database = databases.database(id, logger: logger, on: loop) else { continue }
            try await prepare(database)
        }
    }
}
