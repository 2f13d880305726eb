import Foundation

/// Something on a dashboard the PMO should look at, in plain words.
public struct Flag: Codable, Hashable, Sendable {
    /// Each kind is an assurance check a portfolio can switch off (all but a missing return).
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case overdueMilestone = "overdue-milestone"
        case rollUpContradiction = "roll-up-contradiction"
        case repeatedNarrative = "repeated-narrative"
        case milestoneSlipped = "milestone-slipped"
        case unreadableDate = "unreadable-date"
        case ratingOffScale = "rating-off-scale"
        case noSRO = "no-sro"
        case noLead = "no-lead"
        case trendDisagrees = "trend-disagrees"
        case arrowWithoutRating = "arrow-without-rating"
        case staleReturn = "stale-return"
        case noReturn = "no-return"
        case notUpdated = "not-updated"

        /// What the check looks for, in the words the exceptions page uses.
        public var title: String {
            switch self {
            case .overdueMilestone: "Milestone date passed, not complete, yet rated Green or Amber"
            case .rollUpContradiction: "Rated better than one of its milestones"
            case .repeatedNarrative: "Update identical to the previous period's"
            case .milestoneSlipped: "Milestone date moved since the last period or the baseline"
            case .unreadableDate: "Date that could not be read"
            case .ratingOffScale: "Rating not on the portfolio's scale"
            case .noSRO: "No SRO named"
            case .noLead: "No lead named"
            case .trendDisagrees: "Reported arrow disagrees with the ratings"
            case .arrowWithoutRating: "Arrow with no rating"
            case .staleReturn: "Return submitted long before the as-at date"
            case .noReturn: "No return this period"
            case .notUpdated: "Not updated this period (last return carried forward)"
            }
        }

        public var canBeSwitchedOff: Bool { self != .noReturn && self != .notUpdated }
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

/// The arrow a page shows, and where it came from.
public struct TrendCell: Codable, Hashable, Sendable {
    public let derived: Trend?
    public let reported: Trend?

    /// A derived arrow wins; where nothing in the system explains the change (no earlier rating),
    /// a legacy paper's arrow is shown as reported.
    public var shown: Trend? {
        if let derived, derived != .new { return derived }
        return reported ?? derived
    }

    public var isReported: Bool { shown != nil && shown == reported && (derived == nil || derived == .new) }

    public var display: String { shown?.symbol ?? "" }
}

public struct MilestoneRow: Codable, Hashable, Sendable {
    public let title: String
    public let date: DateText
    public let rating: RecordedRating?
}

public struct ProjectRow: Codable, Hashable, Sendable {
    public let project: ProjectInfo
    /// "a)" for a sub-item, nil for a project.
    public let itemLabel: String?
    public let hasReturn: Bool
    public let reportedRating: RecordedRating?
    /// The rating the project carries: the worst of its own rating, its milestones' and its sub-items'.
    public let effective: RatingLevel?
    public let trend: TrendCell
    public let update: String
    public let mitigation: String
    public let milestones: [MilestoneRow]
    public var children: [ProjectRow]
    public var flags: [Flag]
    public let submittedBy: String?
    /// Set where the return was carried forward at publication: shown as words in the row on every output.
    public var carriedForward: CarriedForward? = nil

    /// "Not updated since September 2016" for a carried-forward row (a snapshot older than the origin's record says
    /// "Not updated this period"), nil for a row updated this period.
    public var notUpdatedWords: String? {
        if let carriedForward { return carriedForward.words }
        return flags.contains { $0.kind == .notUpdated } ? CarriedForward(fromKey: nil).words : nil
    }

    /// Whether `notUpdatedWords` has any, without writing them (the counts ask it of every row).
    public var isNotUpdated: Bool { carriedForward != nil || flags.contains { $0.kind == .notUpdated } }

    /// What the RAG cell says: the scale's word, or the text as written where it is off the scale.
    public var ratingDisplay: String {
        if let effective { return effective.label }
        return reportedRating?.written ?? ""
    }

    public var allFlags: [Flag] { flags + children.flatMap(\.allFlags) }
}

public struct RatingCount: Codable, Hashable, Sendable {
    public let label: String
    public let level: RatingLevel?
    public let count: Int
    /// How many of `count` are carried forward, not updated this period (nil in snapshots older than this count).
    public var notUpdated: Int? = nil

    /// "Green 13, of which 9 not updated", or "Green 13".
    public var words: String {
        guard let notUpdated, notUpdated > 0 else { return "\(label) \(count)" }
        return "\(label) \(count), of which \(notUpdated) not updated"
    }
}

public struct ProgrammeReport: Codable, Hashable, Sendable {
    public let programme: ProgrammeInfo
    public let projects: [ProjectRow]
    public let counts: [RatingCount]
    public let worst: RatingLevel?
}

/// A period's dashboards as data. A published period stores this value, so its pages can be reproduced exactly
/// after people, names and projects have changed.
public struct PeriodReport: Codable, Hashable, Sendable {
    public let portfolio: PortfolioInfo
    public let period: PeriodInfo
    public let previousPeriodKey: String?
    public let programmes: [ProgrammeReport]
    public let counts: [RatingCount]
    public let worst: RatingLevel?

    public var allRows: [ProjectRow] { programmes.flatMap(\.projects) }
    public var allFlags: [(project: ProjectInfo, flag: Flag)] {
        func walk(_ row: ProjectRow) -> [(ProjectInfo, Flag)] {
            row.flags.map { (row.project, $0) } + row.children.flatMap(walk)
        }
        return allRows.flatMap(walk)
    }

    /// The same report carrying the period's new status (as published).
    public func with(period: PeriodInfo) -> PeriodReport {
        PeriodReport(
            portfolio: portfolio, period: period, previousPeriodKey: previousPeriodKey, programmes: programmes,
            counts: counts, worst: worst)
    }

    /// Each project's and sub-item's effective rating: what the next period's arrows compare against.
    public var effectiveRatings: [UUID: RatingLevel] {
        var result: [UUID: RatingLevel] = [:]
        func walk(_ row: ProjectRow) {
            if let level = row.effective { result[row.project.id] = level }
            row.children.forEach(walk)
        }
        allRows.forEach(walk)
        return result
    }

    public func row(reference: String) -> ProjectRow? {
        allRows.first { $0.project.reference == reference }
    }

    public func row(title: String) -> ProjectRow? {
        allRows.first { $0.project.title == title }
    }
}
