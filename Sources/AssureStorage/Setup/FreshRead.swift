import NIOConcurrencyHelpers
import NIOCore

/// A read that many callers need at once, done once for all of them, where each caller must have a value read after it
/// asked (never one already under way, which may predate a change the caller has been told of).
///
/// A caller who asks while no read is running starts one; a caller who asks while one is running waits for the next,
/// which starts as soon as the running one ends and serves everyone who asked in between. Under load that is one read
/// per round trip however many callers there are, and a lone caller pays one read.
public final class FreshRead<Value: Sendable>: Sendable {
    /// A caller waiting: a task, or a request on an event loop (which then waits without a task of its own).
    private enum Waiter {
        case task(CheckedContinuation<Value, any Error>)
        case loop(EventLoopPromise<Value>)

        func give(_ result: Result<Value, any Error>) {
            switch self {
            case .task(let continuation): continuation.resume(with: result)
            case .loop(let promise): promise.completeWith(result)
            }
        }
    }

    private struct State {
        var running = false
        var waiting: [Waiter] = []
    }

    private let state = NIOLockedValueBox(State())
    private let read: @Sendable () async throws -> Value

    public init(_ read: @escaping @Sendable () async throws -> Value) {
        self.read = read
    }

    public func value() async throws -> Value {
        try await withCheckedThrowingContinuation { ask(.task($0)) }
    }

    /// The same, as a future on `loop`: a caller on an event loop waits for it without starting a task.
    public func value(on loop: any EventLoop) -> EventLoopFuture<Value> {
        let promise = loop.makePromise(of: Value.self)
        ask(.loop(promise))
        return promise.futureResult
    }

    private func ask(_ waiter: Waiter) {
        let starts = state.withLockedValue { state in
            state.waiting.append(waiter)
            defer { state.running = true }
            return !state.running
        }
        if starts { Task { await self.readInRounds() } }
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
            for caller in round { caller.give(result) }
        }
    }
}
