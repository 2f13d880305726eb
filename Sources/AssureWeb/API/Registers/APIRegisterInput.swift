import AssureCore
import AssureStorage
import Foundation

// What a client sends to change a register: each the fields of the page's form, typed, with ISO 8601 dates and
// amounts as `APIMoney`. An optional field left out (or null) is what the form leaves blank.

/// A new risk register: its name, its scale (`h-m-l` or `1-5`) and, optionally, the scores from which a risk is amber
/// and red (the scale's own otherwise).
struct APIRiskRegisterInput: Codable, Sendable {
    let name: String
    let scale: String
    let amberFrom: Int?
    let redFrom: Int?

    func scaleKind() throws -> RiskScaleKind { try choice(scale, field: "scale") }

    func bands() throws -> RiskBands? {
        switch (amberFrom, redFrom) {
        case (nil, nil): nil
        case (let amber?, let red?): RiskBands(amberFrom: amber, redFrom: red)
        default: throw DomainError.invalid(["redFrom": "Give both amberFrom and redFrom, or neither."])
        }
    }
}

/// A risk as it should stand: a new one, or a review of one (the whole of it, as on the review form).
struct APIRiskInput: Codable, Sendable {
    let section: String?
    let level: String?
    let scope: String?
    let description: String
    let severity: String
    let likelihood: String
    let mitigation: String?
    let owner: String?
    let references: [String]?
    let status: String?
    let reviewDate: String?

    func input() throws -> RiskInput {
        if let references, references.contains(where: { $0.contains(";") || $0.contains(where: \.isNewline) }) {
            throw DomainError.invalid(["references": "A reference has no semicolon or line break."])
        }
        return RiskInput(
            section: section ?? "", level: try choice(level ?? RiskLevel.system.rawValue, field: "level"),
            scope: scope ?? "", description: description, severity: severity, likelihood: likelihood,
            mitigation: mitigation ?? "", owner: owner ?? "", references: (references ?? []).joined(separator: ";"),
            status: try choice(status ?? RiskStatus.open.rawValue, field: "status"), reviewDate: reviewDate ?? "")
    }
}

/// A new prioritisation: its criteria (each weighted; 1 unless the panel weights it) and, optionally, the portfolio
/// whose board papers use it.
struct APIPrioritisationInput: Codable, Sendable {
    let name: String
    let criteria: [Criterion]
    let portfolio: UUID?
}

/// A business case as it should stand: its name and its rating (H, M or L) against each criterion.
struct APIBusinessCaseInput: Codable, Sendable {
    let name: String
    let ratings: [String: String]
}

/// A new funding round: its envelope and where the envelope comes from.
struct APIFundingRoundInput: Codable, Sendable {
    let name: String
    let envelopeLabel: String
    let envelope: APIMoney
    let portfolio: UUID?
}

/// An allocation recommended from a funding round.
struct APIAllocationInput: Codable, Sendable {
    let label: String
    let amount: APIMoney
    let comment: String?
}

/// A new outcome measure: `direction` says whether up or down is better; `targetDate` is an ISO 8601 date.
struct APIOutcomeMeasureInput: Codable, Sendable {
    let name: String
    let programme: String?
    let unit: String
    let direction: String
    let baseline: Double?
    let target: Double
    let targetDate: String

    func directionKind() throws -> OutcomeDirection { try choice(direction, field: "direction") }
}

/// A period's trajectory or actual for a measure (`period` as YYYY-MM), replacing what that period had.
struct APIOutcomeValueInput: Codable, Sendable {
    let period: String
    let kind: String
    let value: Double
}

/// A key deliverable as it should stand; `years` written as "17/18".
struct APIDeliverableInput: Codable, Sendable {
    let programme: String
    let workstream: String?
    let title: String
    let years: [String]
    let status: String

    func statusKind() throws -> DeliverableStatus { try choice(status, field: "status") }
}

/// A new meeting of a committee (the committee is made if new). `forwardPlan` marks a planned meeting, whose date
/// may not be past.
struct APIMeetingInput: Codable, Sendable {
    let committee: String
    let date: String
    let time: String?
    let venue: String?
    let members: [String]?
    let forwardPlan: Bool?
    let portfolio: UUID?
}

/// An item for a meeting's agenda.
struct APIAgendaItemInput: Codable, Sendable {
    let number: String?
    let title: String
    let organisation: String?
    let format: String?
    let purpose: String?
    let raisedBy: String?
    let pages: String?
    let note: String?

    func item() throws -> AgendaItem {
        AgendaItem(
            number: number ?? "", title: title, organisation: organisation ?? "",
            format: try format.map { try choice($0, field: "format") },
            purpose: try choice(purpose ?? AgendaPurpose.business.rawValue, field: "purpose"), raisedBy: raisedBy ?? "",
            pages: pages ?? "", note: note ?? "")
    }
}

/// What a meeting decided on an item: "Noted", or "Resolved" with its resolutions.
struct APIAgendaOutcomeInput: Codable, Sendable {
    let outcome: String
    let resolutions: [String]?
}

/// An action from a meeting, for someone to do, optionally by a day.
struct APIMeetingActionInput: Codable, Sendable {
    let description: String
    let owner: String
    let due: String?
}

extension APIRiskRegisterInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "name": .required, "scale": .oneOf(RiskScaleKind.self),
        "amberFrom": Refinement(minimum: (1, exclusive: false)), "redFrom": Refinement(minimum: (2, exclusive: false)),
    ]
}

extension APIRiskInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "description": Refinement(description: "Under 2,000 characters", minLength: 1),
        "severity": .required, "likelihood": .required, "level": .oneOf(RiskLevel.self),
        "status": .oneOf(RiskStatus.self), "reviewDate": .date,
    ]
}

extension APIPrioritisationInput: SchemaRefined {
    static let refinements: [String: Refinement] = ["name": .required, "criteria": Refinement(minItems: 1)]
}

extension APIBusinessCaseInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "name": .required, "ratings": Refinement.each(.oneOf(CaseRating.self)).described("Criterion → H, M or L"),
    ]
}

extension APIFundingRoundInput: SchemaRefined {
    static let refinements: [String: Refinement] = ["name": .required, "envelopeLabel": .required]
}

extension APIAllocationInput: SchemaRefined {
    static let refinements: [String: Refinement] = ["label": .required]
}

extension APIOutcomeMeasureInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "name": .required, "unit": .required, "direction": .oneOf(OutcomeDirection.self), "targetDate": .date,
    ]
}

extension APIOutcomeValueInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "period": .described("The month, YYYY-MM"), "kind": .oneOf(Outcomes.Kind.self),
    ]
}

extension APIDeliverableInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "programme": .required, "title": .required, "status": .oneOf(DeliverableStatus.self),
        "years": .each(.described("A financial year, e.g. 17/18")),
    ]
}

extension APIMeetingInput: SchemaRefined {
    static let refinements: [String: Refinement] = ["committee": .required, "date": .date]
}

extension APIAgendaItemInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "title": .required, "format": .oneOf(AgendaFormat.self), "purpose": .oneOf(AgendaPurpose.self),
    ]
}

extension APIAgendaOutcomeInput: SchemaRefined {
    static let refinements: [String: Refinement] = ["outcome": .required]
}

extension APIMeetingActionInput: SchemaRefined {
    static let refinements: [String: Refinement] = ["description": .required, "owner": .required, "due": .date]
}
