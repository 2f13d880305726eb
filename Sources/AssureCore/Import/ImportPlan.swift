import Foundation

/// A project already in the portfolio, for matching imported rows to it.
public struct KnownProject: Hashable, Sendable {
    public var id: UUID
    public var programme: String
    public var parentID: UUID?
    public var reference: String?
    public var title: String

    public init(id: UUID, programme: String, parentID: UUID?, reference: String?, title: String) {
        self.id = id
        self.programme = programme
        self.parentID = parentID
        self.reference = reference
        self.title = title
    }
}

/// What an import reads against: the portfolio's scale and what it already holds.
public struct ImportContext: Sendable {
    public var scale: RatingScale
    public var programmes: [String]
    public var projects: [KnownProject]
    /// Legacy papers carry words like "Priority owned by M&FH" in the RAG column. Off by default: such a value stops
    /// the import; on, it is kept as written and the dashboard flags it, as for the seed papers.
    public var keepOffScaleRatings: Bool

    public init(
        scale: RatingScale, programmes: [String] = [], projects: [KnownProject] = [], keepOffScaleRatings: Bool = false
    ) {
        self.scale = scale
        self.programmes = programmes
        self.projects = projects
        self.keepOffScaleRatings = keepOffScaleRatings
    }
}

/// A custom attribute's value on one project.
public struct AttributeValue: Hashable, Sendable, Codable {
    public var name: String
    public var kind: AttributeKind
    /// The value as shown: the text, the number as written out, or the ISO day.
    public var text: String
    public var number: Double?

    /// As a page shows it: money with £ and thousands separators, days as the papers write them.
    public var display: String {
        switch kind {
        case .money: return number.map { "£" + Self.grouped($0) } ?? text
        case .number: return number.map(Self.grouped) ?? text
        case .date: return CalendarDate(iso: text)?.longDisplay ?? text
        case .text: return text
        }
    }

    static func grouped(_ value: Double) -> String {
        let whole = TableCell.number(value.rounded(.towardZero)).text
        let sign = whole.hasPrefix("-") ? "-" : ""
        let digits = Array(whole.drop { $0 == "-" })
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        let fraction = abs(value - value.rounded(.towardZero))
        return sign + result + (fraction > 0 ? String(TableCell.number(fraction).text.dropFirst()) : "")
    }

    public init(name: String, kind: AttributeKind, text: String, number: Double? = nil) {
        self.name = name
        self.kind = kind
        self.text = text
        self.number = number
    }
}

/// One project (or sub-item) as the imported rows describe it. Nil fields are left as they are.
public struct ImportedProject: Hashable, Sendable {
    public enum Match: Hashable, Sendable { case new, existing(UUID) }

    public var row: Int
    public var programme: String?
    public var reference: String?
    public var title: String?
    public var match: Match = .new
    public var description: String?
    public var sro: String?
    public var lead: String?
    public var commencement: String?
    public var projectPlan: String?
    public var projectTimescale: String?
    /// The rating's label on the scale, or the text as written where off-scale ratings are kept.
    public var rating: String?
    public var trend: Trend?
    public var update: String?
    public var mitigation: String?
    /// Empty leaves the return's milestones as they are.
    public var milestones: [MilestoneLine] = []
    public var attributes: [AttributeValue] = []
    public var children: [ImportedProject] = []

    public init(row: Int, programme: String?, reference: String?, title: String?) {
        self.row = row
        self.programme = programme
        self.reference = reference
        self.title = title
    }

    /// True when the rows give this project anything for the period's return.
    public var hasReturn: Bool {
        rating != nil || trend != nil || update != nil || mitigation != nil || !milestones.isEmpty
    }

    public var label: String { [reference, title].compactMap { $0 }.joined(separator: " ") }
}

/// The result of reading a table: what would be imported, and every problem found. Nothing is written unless
/// `isClean`; warnings are shown but do not stop it.
public struct ImportPlan: Sendable {
    public var mapping: ImportMapping
    public var projects: [ImportedProject]
    public var newProgrammes: [String]
    public var attributeKinds: [(name: String, kind: AttributeKind)]
    public var problems: [ImportProblem]
    public var dataRows: Int

    public var isClean: Bool { !problems.contains(where: \.isBlocking) }
    public var errors: [ImportProblem] { problems.filter(\.isBlocking) }
    public var warnings: [ImportProblem] { problems.filter { !$0.isBlocking } }

    /// Projects and sub-items, parents first.
    public var allProjects: [ImportedProject] { projects.flatMap { [$0] + $0.children } }
    public var newProjectCount: Int { allProjects.filter { $0.match == .new }.count }
    public var updatedProjectCount: Int { allProjects.count - newProjectCount }
    public var returnCount: Int { allProjects.filter(\.hasReturn).count }
}
