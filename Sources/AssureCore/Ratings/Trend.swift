/// Status since last report. Derived by comparing a rating with the one in the previous published period;
/// legacy papers may also carry a *reported* arrow, kept as written.
public enum Trend: String, Codable, Hashable, Sendable, CaseIterable {
    case improved, declined, unchanged, new

    public var symbol: String {
        switch self {
        case .improved: "↑"
        case .declined: "↓"
        case .unchanged: "↔"
        case .new: "new"
        }
    }

    public var words: String {
        switch self {
        case .improved: "Improvement"
        case .declined: "Decline"
        case .unchanged: "No change"
        case .new: "New this period"
        }
    }

    /// The arrow between two ratings. No current rating: no arrow. No previous rating: new.
    public static func derive(current: RatingLevel?, previous: RatingLevel?) -> Trend? {
        guard let current else { return nil }
        guard let previous else { return .new }
        if current.rank < previous.rank { return .improved }
        if current.rank > previous.rank { return .declined }
        return .unchanged
    }

    /// Reads an arrow as typed in a paper or a spreadsheet.
    public init?(written: String) {
        switch written.trimmed(newlines: true).lowercased() {
        case "↑", "up", "improved", "improvement", "^": self = .improved
        case "↓", "down", "declined", "decline", "v": self = .declined
        case "↔", "↔️", "same", "no change", "unchanged", "=", "<->": self = .unchanged
        case "new": self = .new
        default: return nil
        }
    }
}
