import NIOConcurrencyHelpers
import Vapor

/// Work a request starts and does not wait for (the board's counts of a period just published): it runs beside the
/// server, a failure is logged, and the server waits for it when stopping so that nothing is cut off half-written.
final class BackgroundWork: LifecycleHandler, Sendable {
    private let tasks = NIOLockedValueBox<[UUID: Task<Void, Never>]>([:])

    func start(_ name: String, logger: Logger, _ work: @escaping @Sendable () async throws -> Void) {
        let id = UUID.random()
        // The lock is held while the task is created and kept, so the task's own removal always comes after.
        tasks.withLockedValue { tasks in
            tasks[id] = Task { [self] in
                do { try await work() } catch { logger.warning("\(name) failed: \(error)") }
                _ = self.tasks.withLockedValue { $0.removeValue(forKey: id) }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        for task in tasks.withLockedValue({ Array($0.values) }) { await task.value }
    }
}

private struct BackgroundWorkKey: StorageKey { typealias Value = BackgroundWork }

extension Application {
    /// The server's background work; created and registered with the lifecycle on first use.
    var backgroundWork: BackgroundWork {
        if let work = storage[BackgroundWorkKey.self] { return work }
        let work = BackgroundWork()
        storage[BackgroundWorkKey.self] = work
        lifecycle.use(work)
        return work
    }
}
