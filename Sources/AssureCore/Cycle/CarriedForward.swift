/// Where a carried-forward return's values come from: the last period whose return was really written, and how many
/// periods running the return has now been carried. A board reads this as words in the project's own row.
public struct CarriedForward: Codable, Hashable, Sendable {
    /// The key ("2016-09") of the period whose return is shown; nil where an older snapshot did not record it.
    public var fromKey: String?
    /// 1 for the first period carried, 2 for the second running, and so on.
    public var periods: Int

    public init(fromKey: String?, periods: Int = 1) {
        self.fromKey = fromKey
        self.periods = max(1, periods)
    }

    /// The month the values are from, as a board reads it ("September 2016").
    public var sinceLabel: String? { fromKey.map { PeriodKey($0)?.label ?? $0 } }

    /// "Not updated since September 2016", and how many periods running where it is two or more.
    public var words: String {
        let since = sinceLabel.map { "Not updated since \($0)" } ?? "Not updated this period"
        return periods >= 2 ? "\(since) (carried forward \(periods) periods running)" : since
    }

    /// The origin of a return carried forward from `previous`, reported in the period `previousKey`: an earlier
    /// carried return passes its own origin on and adds one to the count.
    public static func from(_ previous: ReturnInfo, reportedIn previousKey: String) -> CarriedForward {
        if previous.state == .carriedForward {
            let earlier = previous.carriedForward ?? CarriedForward(fromKey: nil)
            return CarriedForward(fromKey: earlier.fromKey ?? previousKey, periods: earlier.periods + 1)
        }
        return CarriedForward(fromKey: previousKey, periods: 1)
    }
}
