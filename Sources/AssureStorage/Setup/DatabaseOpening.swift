import AssureCore
import FluentKit
import Foundation
import NIOCore
import NIOPosix

extension Storage {
    /// Opens the target with FluentKit alone (no web framework), runs `body`, and always closes it. `migrations`,
    /// when given, are brought up to date first, as a server's start-up would.
    public static func withOpenDatabase<T: Sendable>(
        _ target: DatabaseTarget, logLevel: Logger.Level = .warning, migrations: [any Migration]? = nil,
        _ body: (any Database) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "assure.storage")
        logger.logLevel = logLevel
        let group = MultiThreadedEventLoopGroup.singleton
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
        let eventLoop = group.any()
        do {
            // One database on one event loop, so one pool: twice a server loop's, for a command or test that writes
            // from several tasks at once. On SQLite those tasks share one connection, and each waits its turn for as
            // long as the others' work takes: four chaser workers at once under a loaded CI run waited over 30 s.
            databases.use(
                try configuration(for: target, connections: 8, waitForConnection: .minutes(5)), as: target.databaseID)
            guard let database = databases.database(logger: logger, on: eventLoop) else {
                throw DomainError.invalid(["database": "\(target) could not be opened."])
            }
            if let migrations {
                try await prepare(database)
                let list = Migrations()
                list.add(migrations)
                let migrator = Migrator(
                    databases: databases, migrations: list, logger: logger, on: eventLoop, migrationLogLevel: .debug)
                try await migrator.setupIfNeeded().get()
                try await migrator.prepareBatch().get()
            }
            let result = try await body(database)
            await databases.shutdownAsync()
            return result
        } catch {
            await databases.shutdownAsync()
            throw error
        }
    }
}

extension DatabaseTarget {
    /// A server's database connections on each event loop: SQLite has one writer, so one; PostgreSQL four.
    public var connectionsPerEventLoop: Int {
        if case .postgres = self { return 4 }
        return 1
    }

    public var databaseID: DatabaseID {
        if case .postgres = self { return .psql }
        return .sqlite
    }
}
