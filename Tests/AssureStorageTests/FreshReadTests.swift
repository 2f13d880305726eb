import AssureTestSupport
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOPosix
import SQLKit
import Testing

@testable import AssureStorage

/// Many requests at once ask whether the database has changed; one read answers all who asked before it began, and
/// none is given a read that began before it asked.
@Suite("A read shared by everyone who asked before it began")
struct FreshReadTests {
    /// A read that waits until the test lets it finish, and answers with how many reads had begun when it did.
    final class HeldReads: Sendable {
        private let begun = NIOLockedValueBox(0)
        private let gates = NIOLockedValueBox<[CheckedContinuation<Void, Never>]>([])

        var count: Int { begun.withLockedValue { $0 } }

        func read() async -> Int {
            let number = begun.withLockedValue {
                $0 += 1; return $0
            }
            await withCheckedContinuation { gate in gates.withLockedValue { $0.append(gate) } }
            return number
        }

        /// Lets every read now waiting finish.
        func release() {
            for gate in gates.withLockedValue({ gates in
                defer { gates = [] }; return gates
            }) { gate.resume() }
        }

        func waitUntilBegun(_ reads: Int) async throws {
            for _ in 0..<2000 where count < reads { try await Task.sleep(for: .milliseconds(1)) }
            #expect(count == reads)
        }
    }

    @Test("Given a read under way, when more callers ask, then they share the next read, not the one under way")
    func callersDuringARead() async throws {
        let reads = HeldReads()
        let fresh = FreshRead { await reads.read() }
        // given a first caller whose read has begun
        async let first = fresh.value()
        try await reads.waitUntilBegun(1)
        // when three more callers ask while it runs
        async let second = fresh.value()
        async let third = fresh.value()
        async let fourth = fresh.value()
        try await Task.sleep(for: .milliseconds(50))
        #expect(reads.count == 1)
        reads.release()
        // then the first is answered by the first read, and the others by one second read, begun after they asked
        #expect(try await first == 1)
        try await reads.waitUntilBegun(2)
        reads.release()
        #expect(try await [second, third, fourth] == [2, 2, 2])
        // and a lone caller afterwards starts a read of its own
        async let fifth = fresh.value()
        try await reads.waitUntilBegun(3)
        reads.release()
        #expect(try await fifth == 3)
    }

    @Test("Given a read that fails, then everyone waiting on it is told, and the next caller reads again")
    func failedRead() async throws {
        struct Refused: Error {}
        let attempts = NIOLockedValueBox(0)
        let fresh = FreshRead<Int> {
            let attempt = attempts.withLockedValue {
                $0 += 1; return $0
            }
            if attempt == 1 { throw Refused() }
            return attempt
        }
        await #expect(throws: Refused.self) { try await fresh.value() }
        #expect(try await fresh.value() == 2)
    }

    @Test("Callers on event loops wait for the same rounds as tasks, without a task of their own")
    func callersOnLoops() async throws {
        let reads = HeldReads()
        let fresh = FreshRead { await reads.read() }
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        // given a read under way for a task
        async let first = fresh.value()
        try await reads.waitUntilBegun(1)
        // when a request on an event loop asks, and another task
        let onLoop = fresh.value(on: loop)
        async let task = fresh.value()
        try await Task.sleep(for: .milliseconds(50))
        #expect(reads.count == 1)
        reads.release()
        // then both share the second read, begun after they asked
        #expect(try await first == 1)
        try await reads.waitUntilBegun(2)
        reads.release()
        #expect(try await onLoop.get() == 2)
        #expect(try await task == 2)
    }

    @Test(
        "Given PostgreSQL, the watch's own connection sees what is committed change with a write, and a new connection after its own is ended",
        arguments: Backend.all)
    func snapshotMovesWithAWrite(backend: Backend) async throws {
        try await withDatabaseTarget(backend) { target in
            guard case .postgres(let url) = target else {
                // SQLite has no snapshot to watch: its file tells the same without a query
                #expect(
                    CommitWatch(
                        url: "assure.sqlite", on: MultiThreadedEventLoopGroup.singleton.any(),
                        logger: Logger(label: "test")) == nil)
                return
            }
            let watch = try #require(
                CommitWatch(
                    url: url, on: MultiThreadedEventLoopGroup.singleton.any(), logger: Logger(label: "test")))
            defer { Task { await watch.close() } }
            try await Storage.withDatabase(target) { db in
                let sql = try db.sql()
                let before = try await watch.snapshot()
                try await sql.raw("CREATE TABLE position_probe (n BIGINT NOT NULL)").run()
                let created = try await watch.snapshot()
                try await sql.raw("INSERT INTO position_probe VALUES (1)").run()
                let inserted = try await watch.snapshot()
                #expect(created != before && inserted != created)
                // when its connection is ended (PostgreSQL restarted, say), then within a read or two it reads again, on
                // a connection of its own opened afresh
                let watching = """
                    SELECT pid FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()
                      AND query LIKE '%pg_current_snapshot%'
                    """
                let ended = try await sql.rows(SQLQueryString(watching)) { try $0.int(0) }
                #expect(ended.count == 1)
                try await sql.raw("SELECT pg_terminate_backend(CAST(\(bind: try #require(ended.first)) AS integer))")
                    .run()
                var read: String?
                for _ in 0..<2 where read == nil { read = try? await watch.snapshot() }
                #expect(read != nil)
                let now = try await sql.rows(SQLQueryString(watching)) { try $0.int(0) }
                #expect(now.count == 1 && now != ended)
            }
        }
    }

    @Test(
        "Given PostgreSQL, a read of what is committed that hangs is given up after its patience, so no request waits on it"
    )
    func hangingRead() async throws {
        try await withDatabaseTarget(.postgres) { target in
            guard case .postgres(let url) = target else { return }
            // given a watch whose read takes 20 s, and a patience of a third of a second
            let watch = try #require(
                CommitWatch(
                    url: url, on: MultiThreadedEventLoopGroup.singleton.any(), logger: Logger(label: "test"),
                    query: "SELECT pg_sleep(20)::text", patience: .milliseconds(300)))
            defer { Task { await watch.close() } }
            // when it is asked, then it fails long before the read would have ended
            let started = ContinuousClock.now
            await #expect(throws: (any Error).self) { try await watch.snapshot() }
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }
}
