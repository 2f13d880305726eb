import AssureCore
import AssureOutput
import AssureStorage
import Foundation

// The registers as the API gives them: every day an ISO 8601 date ("2016-06-30"), every moment an ISO 8601 time,
// every amount an `APIMoney`, and each item with the ids a client needs to address it.

/// An amount as a client expects it: a decimal string (never a binary float) and its currency.
struct APIMoney: Codable, Sendable, Equatable {
    let amount: String
    let currency: String

    init(_ money: Money) {
        amount = money.decimal
        currency = "GBP"
    }

    /// The amount as the application functions take it; refused unless it is pounds with at most two decimal places.
    func written(field: String) throws -> String {
        var errors: [String: String] = [:]
        if currency != "GBP" { errors[field + ".currency"] = "Amounts are in GBP." }
        if amount.wholeMatch(of: /-?[0-9]{1,13}(\.[0-9]{1,2})?/) == nil {
            errors[field + ".amount"] = "Give pounds as a decimal with at most two places, e.g. \"6800000.00\"."
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        return amount
    }
}

/// A prioritisation: its weighted criteria, and its cases, each with its score and rank.
struct APIPrioritisation: Codable, Sendable {
    let id: UUID
    let name: String
    let criteria: [Criterion]
    let cases: [APIBusinessCase]
    let portfolioID: UUID?

    init(_ set: CriteriaSet) {
        id = set.id
        name = set.name
        criteria = set.criteria
        cases = set.scored.map { APIBusinessCase($0, in: set) }
        portfolioID = set.portfolioID
    }
}

/// One business case with its score and rank in its prioritisation.
struct APIBusinessCase: Codable, Sendable {
    let id: UUID
    let prioritisationID: UUID
    let prioritisation: String
    let name: String
    /// Criterion → H, M or L.
    let ratings: [String: String]
    let score: Double
    let rank: Int
    /// The criteria not yet rated.
    let unrated: [String]
    let version: Int

    init(_ scored: ScoredCase, in set: CriteriaSet) {
        id = scored.businessCase.id
        prioritisationID = set.id
        prioritisation = set.name
        name = scored.businessCase.name
        ratings = scored.businessCase.ratings.mapValues(\.rawValue)
        score = scored.score
        rank = scored.rank
        unrated = scored.unrated
        version = scored.businessCase.version
    }

    init?(_ set: CriteriaSet, caseID: UUID) {
        guard let scored = set.scored.first(where: { $0.businessCase.id == caseID }) else { return nil }
        self.init(scored, in: set)
    }
}

/// A funding round with its total, headroom and whether it is over the envelope; every amount an `APIMoney`.
struct APIFundingRound: Codable, Sendable {
    struct Allocation: Codable, Sendable {
        let id: UUID
        let label: String
        let amount: APIMoney
        let comment: String
    }

    let id: UUID
    let name: String
    let envelopeLabel: String
    let envelope: APIMoney
    let allocations: [Allocation]
    let total: APIMoney
    let headroom: APIMoney
    let isOver: Bool
    let version: Int
    let portfolioID: UUID?

    init(_ round: FundingRound) {
        id = round.id
        name = round.name
        envelopeLabel = round.envelopeLabel
        envelope = APIMoney(round.envelope)
        allocations = round.allocations.map {
            Allocation(id: $0.id, label: $0.label, amount: APIMoney($0.amount), comment: $0.comment)
        }
        total = APIMoney(round.total)
        headroom = APIMoney(round.headroom)
        isOver = round.isOver
        version = round.version
        portfolioID = round.portfolioID
    }
}

/// A risk register: its scale and bands, its risks each with score and band, and the heat map's counts
/// (rows from the highest severity, columns from the lowest likelihood).
struct APIRiskRegister: Codable, Sendable {
    let id: UUID
    let name: String
    let scale: String
    let bands: RiskBands
    let risks: [APIRisk]
    let heatMap: [[Int]]

    init(_ register: RiskRegister) {
        id = register.id
        name = register.name
        scale = register.scale.rawValue
        bands = register.bands
        risks = register.risks.map { APIRisk($0, in: register) }
        heatMap = register.heatMap
    }
}

/// A risk with its score and band; read alone, with its reviews (newest first).
struct APIRisk: Codable, Sendable {
    struct Review: Codable, Sendable {
        let at: String
        let by: String
        let severity: String
        let likelihood: String
        let status: String
    }

    let id: UUID
    let registerID: UUID
    let register: String
    let section: String
    let level: String
    let scope: String
    let description: String
    let severity: String
    let likelihood: String
    let score: Int?
    let band: String?
    let mitigation: String
    let owner: String
    let references: [String]
    let status: String
    let reviewDate: String?
    let version: Int
    var history: [Review]?

    init(_ risk: Risk, in register: RiskRegister, history: [RiskReview]? = nil) {
        id = risk.id
        registerID = register.id
        self.register = register.name
        section = risk.section
        level = risk.level.rawValue
        scope = risk.scope
        description = risk.description
        severity = risk.severity
        likelihood = risk.likelihood
        score = register.score(risk)
        band = register.band(risk)
        mitigation = risk.mitigation
        owner = risk.owner
        references = risk.references
        status = risk.status.rawValue
        reviewDate = risk.reviewDate?.iso
        version = risk.version
        self.history = history?.map {
            Review(
                at: ISOTime.string($0.at), by: $0.by, severity: $0.severity, likelihood: $0.likelihood,
                status: $0.status.rawValue)
        }
    }
}

/// An outcome measure: its target, the trajectory and actuals by period (YYYY-MM), and the latest actual's rating.
struct APIOutcomeMeasure: Codable, Sendable {
    let id: UUID
    let name: String
    let programme: String
    let unit: String
    let direction: String
    let baseline: Double?
    let target: Double
    let targetDate: String
    let trajectory: [String: Double]
    let actuals: [String: Double]
    /// True while the actuals are the seed paper's illustration rather than real figures.
    let actualsAreIllustrative: Bool
    let latestRating: String?
    let version: Int

    init(_ measure: OutcomeMeasure) {
        id = measure.id
        name = measure.name
        programme = measure.programme
        unit = measure.unit
        direction = measure.direction.rawValue
        baseline = measure.baseline
        target = measure.target
        targetDate = measure.targetDate.iso
        trajectory = measure.trajectory
        actuals = measure.actuals
        actualsAreIllustrative = measure.actualsAreIllustrative
        latestRating = measure.latestRating
        version = measure.version
    }
}

/// A key deliverable, with the financial years it falls in written as "17/18".
struct APIDeliverable: Codable, Sendable {
    let id: UUID
    let programme: String
    let workstream: String
    let title: String
    let years: [String]
    let status: String
    let version: Int

    init(_ item: Deliverable) {
        id = item.id
        programme = item.programme
        workstream = item.workstream
        title = item.title
        years = item.years.sorted().map(\.label)
        status = item.status.rawValue
        version = item.version
    }
}

/// A committee's meeting with its agenda (and what was decided on each item) and its actions.
struct APIMeeting: Codable, Sendable {
    struct Action: Codable, Sendable {
        let id: UUID
        let description: String
        let owner: String
        let due: String?
        let done: Bool
    }

    let id: UUID
    let committee: String
    let date: String
    let time: String
    let venue: String
    let members: [String]
    let items: [APIAgendaItem]
    let actions: [Action]
    let portfolioID: UUID?
    let version: Int

    init(_ meeting: Meeting) {
        id = meeting.id
        committee = meeting.committee
        date = meeting.date.iso
        time = meeting.time
        venue = meeting.venue
        members = meeting.members
        items = meeting.items.map { APIAgendaItem($0, of: meeting) }
        actions = meeting.actions.map {
            Action(id: $0.id, description: $0.description, owner: $0.owner, due: $0.due?.iso, done: $0.done)
        }
        portfolioID = meeting.portfolioID
        version = meeting.version
    }
}

/// An agenda item, with the meeting it is on.
struct APIAgendaItem: Codable, Sendable {
    let id: UUID
    let meetingID: UUID
    let number: String
    let title: String
    let organisation: String
    let format: String?
    let purpose: String
    let raisedBy: String
    let pages: String
    let note: String
    /// "Noted", "Resolved", or empty until the meeting has decided.
    let outcome: String
    let resolutions: [String]

    init(_ item: AgendaItem, of meeting: Meeting) {
        id = item.id
        meetingID = meeting.id
        number = item.number
        title = item.title
        organisation = item.organisation
        format = item.format?.rawValue
        purpose = item.purpose.rawValue
        raisedBy = item.raisedBy
        pages = item.pages
        note = item.note
        outcome = item.outcome
        resolutions = item.resolutions
    }
}

extension APIMoney: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "amount": Refinement(
            description: "Pounds as a decimal string: at most two places when sent, always two in answers",
            pattern: "^-?[0-9]{1,13}(\\.[0-9]{1,2})?$"),
        "currency": .oneOf(["GBP"]),
    ]
}

extension APIBusinessCase: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "ratings": Refinement.each(.oneOf(CaseRating.self)).described("Criterion → H, M or L")
    ]
}

extension APIRiskRegister: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "scale": .oneOf(RiskScaleKind.self),
        "heatMap": .described(
            "Open risks counted by severity (rows, highest first) and likelihood (columns, lowest first)"),
    ]
}

extension APIRisk: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "band": .oneOf(["Green", "Amber", "Red"]), "reviewDate": .date, "level": .oneOf(RiskLevel.self),
        "status": .oneOf(RiskStatus.self),
    ]
}

extension APIRisk.Review: SchemaRefined {
    static let refinements: [String: Refinement] = ["at": .dateTime]
}

extension APIOutcomeMeasure: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "direction": .oneOf(OutcomeDirection.self), "targetDate": .date,
        "trajectory": .described("By period, YYYY-MM"), "actuals": .described("By period, YYYY-MM"),
    ]
}

extension APIDeliverable: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "status": .oneOf(DeliverableStatus.self), "years": .each(.described("A financial year, e.g. 17/18")),
    ]
}

extension APIMeeting: SchemaRefined {
    static let refinements: [String: Refinement] = ["date": .date]
}

extension APIMeeting.Action: SchemaRefined {
    static let refinements: [String: Refinement] = ["due": .date]
}
