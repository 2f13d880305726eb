import FluentPostgresDriver
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// Reads where PostgreSQL's write-ahead log ends (`WriteAheadPosition`) over a connection of its own, kept open: a
/// server asks on behalf of every request for a published page, so the read skips the pool's lease, the query builder
/// and the row decoder. Reads are one at a time (`FreshRead` asks for one round after another). A connection that fails
/// is dropped and the next read opens another; the read that failed throws, and no answer is kept or given on it.
package final class WriteAheadWatch: Sendable {
    private let configuration: PostgresConnection.Configuration
    private let loop: any EventLoop
    private let logger: Logger
    private let connection = NIOLockedValueBox<PostgresConnection?>(nil)

    /// Nil when `url` is not a PostgreSQL URL.
    package init?(url: String, on loop: any EventLoop, logger: Logger) {
        guard let configuration = try? SQLPostgresConfiguration(url: url) else { return nil }
        self.configuration = configuration.coreConfiguration
        self.loop = loop
        self.logger = logger
    }

    package func position() async throws -> String {
        let open: PostgresConnection
        if let kept = connection.withLockedValue({ $0 }), !kept.isClosed {
            open = kept
        } else {
            open = try await PostgresConnection.connect(
                on: loop, configuration: configuration, id: 0, logger: logger)
            connection.withLockedValue { $0 = open }
        }
        do {
            let rows = try await open.query(WriteAheadPosition.query, logger: logger)
            for try await (position) in rows.decode(String.self) { return position }
            throw WriteAheadPosition.Unreadable()
        } catch {
            connection.withLockedValue { $0 = nil }
            try? await open.close()
            throw error
        }
    }

    /// Closes the connection, when the server stops.
    package func close() async {
        let open = connection.withLockedValue { kept -> PostgresConnection? in
            defer { kept = nil }
            return kept
        }
        try? await open?.close()
    }
}
