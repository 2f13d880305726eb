import Foundation

/// The time now, for everything storage stamps or compares with the present: returns' saved and submitted times,
/// audit entries, chasers, the throttle's window. One place to read it, settable for a task (`WallClock.using`). The web
/// app sets it to its own clock (`AppSettings.clock`, which a test moves on instead of waiting) for each request, so
/// every layer of a request reads the same time.
public enum WallClock {
    /// The task-local value is a class reference, bound from a local constant: binding a closure value directly made the
    /// optimised (release) build crash in `swift_task_localValuePush` on the first request (Swift 6.3).
    public final class Source: Sendable {
        let now: @Sendable () -> Date
        init(_ now: @escaping @Sendable () -> Date) { self.now = now }
    }

    @TaskLocal static var source = Source { Date() }

    public static var now: @Sendable () -> Date { source.now }

    /// Runs `body` with `clock` as every layer's time.
    public static func using<T>(
        _ clock: @escaping @Sendable () -> Date, _ body: () async throws -> T
    ) async rethrows -> T {
        let bound = Source(clock)
        return try await $source.withValue(bound) { try await body() }
    }
}
