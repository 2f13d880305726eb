import FluentPostgresDriver
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// Reads which transactions PostgreSQL counts as committed (`VisibleCommits`) over a connection of its own, kept open: a
/// server asks on behalf of every request for a published page, so the read skips the pool's lease, the query builder
/// and the row decoder. Reads are one at a time (`FreshRead` asks for one round after another). A connection that fails
/// is dropped and the next read opens another; the read that failed throws, and no answer is kept or given on it.
package final class CommitWatch: Sendable {
    private let configuration: PostgresConnection.Configuration
    private let loop: any EventLoop
    private let logger: Logger
    private let connection = NIOLockedValueBox<PostgresConnection?>(nil)

    private let query: PostgresQuery
    private let patience: TimeAmount

    /// Nil when `url` is not a PostgreSQL URL. (`query` and `patience` are for tests: a read that hangs.)
    package init?(
        url: String, on loop: any EventLoop, logger: Logger, query: PostgresQuery = VisibleCommits.query,
        patience: TimeAmount = .seconds(2)
    ) {
        guard let configuration = try? SQLPostgresConfiguration(url: url) else { return nil }
        self.configuration = configuration.coreConfiguration
        self.loop = loop
        self.logger = logger
        self.query = query
        self.patience = patience
    }

    package func snapshot() async throws -> String {
        let open: PostgresConnection
        if let kept = connection.withLockedValue({ $0 }), !kept.isClosed {
            open = kept
        } else {
            open = try await PostgresConnection.connect(
                on: loop, configuration: configuration, id: 0, logger: logger)
            connection.withLockedValue { $0 = open }
        }
        // How long a read may take before its connection is given up: every request for a kept page waits for it, so a
        // connection that stops answering (a server paused, a network half gone) must not hold them, nor a server's stop.
        // Closing fails the query still waiting. (A timer on the connection's event loop: a task group with a sleeping
        // task cost two tasks and a timer of the task pool on every read.)
        let giveUp = open.eventLoop.scheduleTask(in: patience) {
            let closing: EventLoopFuture<Void> = open.close()
            _ = closing
        }
        defer { giveUp.cancel() }
        do {
            // Every row and the query's end read, so the connection is ready for the next.
            var snapshot: String?
            let rows = try await open.query(query, logger: logger)
            for try await read in rows.decode(String.self) where snapshot == nil { snapshot = read }
            guard let snapshot else { throw VisibleCommits.Unreadable() }
            return snapshot
        } catch {
            connection.withLockedValue { if $0 === open { $0 = nil } }
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
