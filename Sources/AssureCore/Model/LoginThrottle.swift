import Foundation

/// How many failed sign-ins are let through before the next attempt must wait: per account (against guessing one
/// password) and per address (against trying many accounts). Failures older than the window, or before the
/// account's last success, do not count.
public struct LoginThrottle: Sendable {
    public var perAccount: Int
    public var perAddress: Int
    public var window: TimeInterval

    public init(perAccount: Int = 5, perAddress: Int = 20, window: TimeInterval = 15 * 60) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    public static let standard = LoginThrottle()

    public enum Reason: Sendable, Equatable { case account, address }

    /// When the next attempt may be made, and why; nil when it may be made now.
    public func retryAfter(accountFailures: [Date], addressFailures: [Date], now: Date) -> (until: Date, reason: Reason)? {
        func blocked(_ failures: [Date], limit: Int) -> Date? {
            let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted(by: >)
            guard recent.count >= limit else { return nil }
            return recent[limit - 1].addingTimeInterval(window)
        }
        if let until = blocked(accountFailures, limit: perAccount) { return (until, .account) }
        if let until = blocked(addressFailures, limit: perAddress) { return (until, .address) }
        return nil
    }
}
