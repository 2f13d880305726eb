import Foundation

/// The time now, for everything storage stamps or compares with the present: returns' saved and submitted times,
/// audit entries, chasers, the throttle's window. One place to read it, settable for a task (`WallClock.$now
/// .withValue`). The web app reads its own clock (`AppSettings.clock`), which a test moves on instead of waiting, and
/// hands it to storage where time decides (the sign-in throttle).
public enum WallClock {
    @TaskLocal public static var now: @Sendable () -> Date = { Date() }
}
