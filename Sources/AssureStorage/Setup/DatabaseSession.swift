import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

public extension Storage {
    /// Opens the database, brings its schema up to date, runs `body`, and closes it: for the command line and tests.
    static func withDatabase<T: Sendable>(
        _ target: DatabaseTarget, logLevel: Logger.Level = .warning,
        _ body: (Database) async throws -> T
    ) async throws -> T {
        let app = try await Application.make(.init(name: "command", arguments: ["assure"]))
        app.logger.logLevel = logLevel
        do {
            app.databases.use(try configuration(for: target), as: target.databaseID)
            app.migrations.add(migrations)
            app.migrations.add(SessionRecord.migration)
            try await prepare(app.db)
            try await app.autoMigrate()
            let result = try await body(app.db)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

public extension DatabaseTarget {
    var databaseID: DatabaseID {
        if case .postgres = self { return .psql }
        return .sqlite
    }
}
