import NIOConcurrencyHelpers

/// A read that many callers need at once, done once for all of them, where each caller must have a value read after it
/// asked (never one already under way, which may predate a change the caller has been told of).
///
/// A caller who asks while no read is running starts one; a caller who asks while one is running waits for the next,
/// which starts as soon as the running one ends and serves everyone who asked in between. Under load that is one read
/// per round trip however many callers there are, and a lone caller pays one read.
public final class FreshRead<Value: Sendable>: Sendable {
    private struct State {
        var running = false
        var waiting: [CheckedContinuation<Value, any Error>] = []
    }

    private let state = NIOLockedValueBox(State())
    private let read: @Sendable () async throws -> Value

    public init(_ read: @escaping @Sendable () async throws -> Value) {
        self.read = read
    }

    public func value() async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let starts = state.withLockedValue { state in
                state.waiting.append(continuation)
                defer { state.running = true }
                return !state.running
            }
            if starts { Task { await self.readInRounds() } }
        }
    }

    /// Reads for everyone waiting, again and again, until a read ends with nobody having asked during it.
    private func readInRounds() async {
        while true {
            let round = state.withLockedValue { state in
                defer { state.waiting = [] }
                if state.waiting.isEmpty { state.running = false }
                return state.waiting
            }
            if round.isEmpty { return }
            let result: Result<Value, any Error>
            do { result = .success(try await read()) } catch { result = .failure(error) }
            for caller in round { caller.resume(with: result) }
        }
    }
}
