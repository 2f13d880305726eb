import AssureTestSupport
import Fluent
import Foundation
import NIOConcurrencyHelpers
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

    @Test(
        "Given PostgreSQL, when a table is written, then the write-ahead log's position moves; SQLite has none",
        arguments: Backend.all)
    func positionMovesWithAWrite(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let before = try await WriteAheadPosition.read(db)
            guard backend == .postgres else {
                #expect(before == nil)
                return
            }
            let sql = try db.sql()
            try await sql.raw("CREATE TABLE position_probe (n BIGINT NOT NULL)").run()
            let created = try await WriteAheadPosition.read(db)
            try await sql.raw("INSERT INTO position_probe VALUES (1)").run()
            let inserted = try await WriteAheadPosition.read(db)
            #expect(before != nil && created != before && inserted != created)
        }
    }
}
