/// A rating kept exactly as it was written, with the scale level it resolved to.
/// A value that is not on the portfolio's scale (the seeds' "Yellow") keeps its text and has no level:
/// it is flagged, never silently mapped.
public struct RecordedRating: Codable, Hashable, Sendable {
    public let written: String
    public let level: RatingLevel?

    public init(written: String, level: RatingLevel?) {
        self.written = written
        self.level = level
    }

    /// Nil for a blank cell.
    public init?(_ written: String?, on scale: RatingScale) {
        // `trimmed`, not Foundation's `trimmingCharacters`: every rating of every dashboard comes through here, and
        // the bridge to NSString was a fifth of building a 100,000-project dashboard.
        let text = (written ?? "").trimmed(newlines: true)
        guard !text.isEmpty else { return nil }
        self.init(written: text, level: scale.level(for: text))
    }

    public var isOnScale: Bool { level != nil }
    /// What a page shows: the scale's own spelling where the value is on the scale, else the text as written.
    public var display: String { level?.label ?? written }
}

public extension Sequence where Element == RatingLevel {
    /// The worst level, for roll-ups.
    var worst: RatingLevel? { self.max { $0.rank < $1.rank } }
}

public extension ReturnInfo {
    /// The worst of the return's own rating and its milestones': what the project carries before its sub-items
    /// (the roll-up rule). The dashboards and the SRO alerts both read it here.
    func ownLevel(on scale: RatingScale) -> RatingLevel? {
        ([rating] + milestones.map(\.rating)).compactMap { RecordedRating($0, on: scale)?.level }.worst
    }
}
