import Foundation

/// A rating beside the one before it, and the arrow between them, in the words a board reads.
public struct RatingChange: Sendable, Hashable {
    public let previous: RatingLevel?
    public let current: RatingLevel?
    /// The arrow; where no earlier rating is known to compare with, the one reported (if any).
    public let trend: Trend?
    /// The rating as written, for one not on the scale.
    public let written: String

    public init(previous: RatingLevel?, current: RatingLevel?, written: String = "", trend: Trend? = nil) {
        self.previous = previous
        self.current = current
        self.written = written
        self.trend = trend ?? Trend.derive(current: current, previous: previous)
    }

    /// "Declined from Green to Amber", "Red, no change", "Red, new this period".
    public var words: String {
        let now = current?.label ?? (written.isEmpty ? "Not rated" : written)
        switch trend {
        case .declined: return "Declined from \(previous?.label ?? "not rated") to \(now)"
        case .improved: return "Improved from \(previous?.label ?? "not rated") to \(now)"
        case .unchanged: return "\(now), no change"
        case .new: return "\(now), new this period"
        case nil: return now
        }
    }
}

/// A submitted return beside the last period's, as its reviewer reads it: the rating's move, each milestone's date
/// move in days, and whether the update was written afresh.
public struct ReturnComparison: Sendable {
    public struct Milestone: Sendable, Hashable {
        public let title: String
        public let date: String
        public let rating: String?
        /// The date last period, where the milestone was there.
        public let previousDate: String?
        /// Days the date moved (later is positive), where both dates can be read.
        public let daysMoved: Int?

        /// "New", "Moved 14 days later", "Moved 3 days earlier", "Unchanged", "Date rewritten".
        public var movement: String {
            guard let previousDate else { return "New this period" }
            if let days = daysMoved, days != 0 {
                return days > 0
                    ? "Moved \(days) day\(days == 1 ? "" : "s") later"
                    : "Moved \(-days) day\(days == -1 ? "" : "s") earlier"
            }
            return previousDate == date ? "Unchanged" : "Date rewritten (\(previousDate) → \(date))"
        }
    }

    public let previousPeriod: String?
    public let rating: RatingChange
    public let milestones: [Milestone]
    /// Milestones in last period's return and not in this one.
    public let dropped: [String]
    public let previousUpdate: String?
    public let previousMitigation: String?

    /// The update is last period's, word for word (spacing aside).
    public var updateRepeated: Bool { previousUpdate.map { Self.words($0) == Self.words(current.update) } ?? false }
    public var mitigationRepeated: Bool {
        previousMitigation.map { Self.words($0) == Self.words(current.mitigation) } ?? false
    }

    public let current: ReturnForm

    public init(current: ReturnForm, previous: ReturnForm?, previousPeriod: String?, scale: RatingScale) {
        self.current = current
        self.previousPeriod = previous == nil ? nil : previousPeriod
        rating = RatingChange(
            previous: previous.flatMap { scale.level(for: $0.rating) }, current: scale.level(for: current.rating),
            written: current.rating)
        let before = Dictionary(
            (previous?.milestones ?? []).map { ($0.title, $0) }, uniquingKeysWith: { first, _ in first })
        milestones = current.milestones.map { line in
            let earlier = before[line.title]
            var days: Int?
            if let then = earlier.flatMap({ DateText($0.date).parsed?.dueBy }),
                let now = DateText(line.date).parsed?.dueBy
            {
                days = then.days(until: now)
            }
            return Milestone(
                title: line.title, date: line.date, rating: line.rating, previousDate: earlier?.date, daysMoved: days)
        }
        let titles = Set(current.milestones.map(\.title))
        dropped = (previous?.milestones ?? []).map(\.title).filter { !titles.contains($0) }
        previousUpdate = previous?.update
        previousMitigation = previous?.mitigation
    }

    static func words(_ text: String) -> [Substring] { text.split(whereSeparator: \.isWhitespace) }
}
