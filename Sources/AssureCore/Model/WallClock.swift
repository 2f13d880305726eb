import Foundation

/// The time now, for everything storage stamps or compares with the present: returns' saved and submitted times,
/// audit entries, chasers, the throttle's window. One place to read it, settable for a task (`WallClock.$now
/// .withValue`). The web app sets it to its own clock (`AppSettings.clock`, which a test moves on instead of waiting)
/// for each request, so every layer of a request reads the same time.
public enum WallClock {
    @TaskLocal public static var now: @Sendable () -> Date = { Date() }
}
