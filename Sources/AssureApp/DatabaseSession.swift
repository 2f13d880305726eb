import AssureStorage
import Fluent
import Foundation

extension Storage {
    /// Opens the database, brings its schema up to date (the web's sessions table included, so that the command line
    /// can end a user's sessions before a server ever ran), runs `body`, and closes it: for the command line and tests.
    public static func withDatabase<T: Sendable>(
        _ target: DatabaseTarget, logLevel: Logger.Level = .warning,
        _ body: (any Database) async throws -> T
    ) async throws -> T {
        try await withOpenDatabase(
            target, logLevel: logLevel, migrations: migrations + [SessionRecord.migration], body)
    }
}
