import AssureStorage
import AssureTestSupport
import AssureWeb
import Fluent
import SQLKit
import Testing
import Vapor

/// A server's SQLite pools hold one connection per event loop, and most of SQLite's settings are a connection's own.
@Suite("Settings of a server's SQLite connections")
struct ConnectionSettingsTests {
    @Test(
        "Given a server on SQLite, every event loop's connection waits when the file is busy and has the larger cache")
    func everyConnection() async throws {
        try await withWebApp(.sqlite, demo: false) { app in
            var loops = 0
            for loop in app.eventLoopGroup.makeIterator() {
                loops += 1
                let sql = try #require(app.databases.database(.sqlite, logger: app.logger, on: loop) as? SQLDatabase)
                let timeout = try await sql.rows("PRAGMA busy_timeout") { try $0.int(0) }.first
                let cache = try await sql.rows("PRAGMA cache_size") { try $0.int(0) }.first
                // a second connection without them answered "database is locked" at once, and spilled pages early
                #expect(timeout == 5000, "loop \(loops)")
                #expect(cache == -65536, "loop \(loops)")
            }
            #expect(loops > 1, "the test needs more than one event loop to mean anything")
        }
    }
}
