import Foundation

/// How a business case is rated against one criterion: High, Medium or Low, scored 3, 2, 1 (seed 002).
public enum CaseRating: String, Codable, CaseIterable, Sendable {
    case high = "H", medium = "M", low = "L"

    public var points: Int {
        switch self {
        case .high: 3
        case .medium: 2
        case .low: 1
        }
    }

    /// "H", "h", "High", "medium": anything else is not a rating.
    public init?(written: String) {
        switch written.trimmingCharacters(in: .whitespaces).lowercased() {
        case "h", "high": self = .high
        case "m", "medium", "med": self = .medium
        case "l", "low": self = .low
        default: return nil
        }
    }
}

/// One criterion of a prioritisation, with its weight (1 unless the panel weights it).
public struct Criterion: Codable, Hashable, Sendable {
    public var name: String
    public var weight: Double

    public init(name: String, weight: Double = 1) {
        self.name = name
        self.weight = weight
    }
}

/// A bid for funding, rated against each criterion of its set.
public struct BusinessCase: Codable, Hashable, Sendable {
    public var id: UUID
    public var name: String
    /// Criterion name → rating; a criterion not yet rated is missing.
    public var ratings: [String: CaseRating]
    public var version: Int

    public init(id: UUID = UUID.random(), name: String, ratings: [String: CaseRating], version: Int = 1) {
        self.id = id
        self.name = name
        self.ratings = ratings
        self.version = version
    }
}

/// A case's total and its place: ties share a rank (1, 2, 2, 4).
public struct ScoredCase: Codable, Hashable, Sendable {
    public var businessCase: BusinessCase
    public var score: Double
    public var rank: Int
    /// Criteria it has no rating for: its score is not comparable until they are rated.
    public var unrated: [String]
}

/// A prioritisation: its criteria, its cases, scored and ranked.
public struct CriteriaSet: Codable, Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var criteria: [Criterion]
    public var cases: [BusinessCase]
    /// The portfolio whose papers show it; nil for one not yet given a portfolio (never in a paper).
    public var portfolioID: UUID?

    public init(id: UUID = UUID.random(), name: String, criteria: [Criterion], cases: [BusinessCase], portfolioID: UUID? = nil)
    {
        self.portfolioID = portfolioID
        self.id = id
        self.name = name
        self.criteria = criteria
        self.cases = cases
    }

    /// Each case's weighted total of points, in the order the cases were entered, with its rank by score.
    public var scored: [ScoredCase] {
        let scores = cases.map { item in
            criteria.reduce(0.0) { total, criterion in
                total + criterion.weight * Double(item.ratings[criterion.name]?.points ?? 0)
            }
        }
        return zip(cases, scores).map { item, score in
            ScoredCase(
                businessCase: item, score: score, rank: 1 + scores.filter { $0 > score }.count,
                unrated: criteria.map(\.name).filter { item.ratings[$0] == nil })
        }
    }

    /// Seed 002's prioritisation table: a row per case, H/M/L per criterion, and the score.
    public var table: ReportTable {
        ReportTable(
            title: name, columns: ["Business Case"] + criteria.map(\.name) + ["Score"],
            rows: scored.map { scored in
                [.init(scored.businessCase.name)]
                    + criteria.map { .init(scored.businessCase.ratings[$0.name]?.rawValue ?? "") }
                    + [.init(TableCell.number(scored.score).text)]
            })
    }

    /// Field → message for a case as typed into the form (criterion name → "H"/"M"/"L" or blank).
    public static func validate(name: String, ratings: [String: String], criteria: [Criterion]) -> [String: String] {
        var errors: [String: String] = [:]
        if name.trimmingCharacters(in: .whitespaces).isEmpty { errors["name"] = "Name the business case." }
        if name.count > 300 { errors["name"] = "Keep the name under 300 characters." }
        for criterion in criteria {
            let written = ratings[criterion.name]?.trimmingCharacters(in: .whitespaces) ?? ""
            if !written.isEmpty, CaseRating(written: written) == nil {
                errors["rating-\(criterion.name)"] = "“\(written)” is not a rating: use H, M or L."
            }
        }
        return errors
    }
}
