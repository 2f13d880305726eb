import Foundation

/// How many failed sign-ins are allowed before the next must wait. Counted per account from one address, so that a
/// guesser locks only their own way into an account and not the account's owner at another desk; per address across
/// accounts (one machine trying many accounts); and per account across every address (many machines trying one
/// account). Behind a proxy the address is the client's, as the proxy reports it (`--trusted-proxy`).
public struct LoginThrottle: Sendable {
    public var perAccount: Int
    public var perAddress: Int
    public var perAccountEverywhere: Int
    public var window: TimeInterval

    public init(
        perAccount: Int = 5, perAddress: Int = 20, perAccountEverywhere: Int = 50, window: TimeInterval = 15 * 60
    ) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.perAccountEverywhere = perAccountEverywhere
        self.window = window
    }

    public static let standard = LoginThrottle()

    public enum Reason: Sendable, Equatable {
        case account, address, accountEverywhere

        /// Who must wait, as the sign-in page says it.
        public var who: String {
            switch self {
            case .account: "this account from this address"
            case .address: "this address"
            case .accountEverywhere: "this account"
            }
        }
    }

    /// The failures the throttle counts, each list holding those before this attempt.
    public struct Failures: Sendable {
        /// This account from this address, since its last successful sign-in.
        public var accountHere: [Date]
        /// This address, any account.
        public var address: [Date]
        /// This account from any address, since its last successful sign-in.
        public var account: [Date]
        public init(accountHere: [Date] = [], address: [Date] = [], account: [Date] = []) {
            self.accountHere = accountHere
            self.address = address
            self.account = account
        }
    }

    /// When the next attempt may be made, and why; nil when it may be made now.
    public func retryAfter(_ failures: Failures, now: Date) -> (until: Date, reason: Reason)? {
        func blocked(_ failures: [Date], limit: Int) -> Date? {
            let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted(by: >)
            guard recent.count >= limit else { return nil }
            return recent[limit - 1].addingTimeInterval(window)
        }
        if let until = blocked(failures.accountHere, limit: perAccount) { return (until, .account) }
        if let until = blocked(failures.address, limit: perAddress) { return (until, .address) }
        if let until = blocked(failures.account, limit: perAccountEverywhere) { return (until, .accountEverywhere) }
        return nil
    }
}
