import AssureCore
import AssureOutput
import Foundation

struct APIPortfolio: Codable, Sendable {
    let id: UUID
    let name: String
    let scale: String
    let ratings: [String]
    let periods: [APIPeriod]
}

struct APIProject: Codable, Sendable {
    let id: UUID
    let reference: String?
    let title: String
    let programmeID: UUID
    let programme: String
    let portfolio: String
    let sro: String?
    let lead: String?
    /// The plan column as written, and whether it says there is a plan (nil where it says neither).
    let projectPlan: String?
    let hasProjectPlan: Bool?
    let periods: [APIProjectPeriod]
}

/// A programme (or clinical delivery group) of a portfolio.
struct APIProgramme: Codable, Sendable {
    let id: UUID
    let name: String
    let kind: String
    let clinicalLead: String?
    let headOfService: String?

    init(_ programme: ProgrammeInfo) {
        id = programme.id
        name = programme.name
        kind = programme.kind.rawValue
        clinicalLead = programme.clinicalLead
        headOfService = programme.headOfService
    }
}

/// A new portfolio: its name and rating scale (`three-point` or `five-point`), which it keeps.
struct APIPortfolioInput: Codable, Sendable {
    let name: String
    let scale: String

    func scaleKind() throws -> RatingScaleKind { try choice(scale, field: "scale") }
}

/// A new programme: `programme`, or `clinical-delivery-group` (led by a clinical lead and a head of service).
struct APIProgrammeInput: Codable, Sendable {
    let name: String
    let kind: String?
    let clinicalLead: String?
    let headOfService: String?

    func programmeKind() throws -> ProgrammeKind {
        try choice(kind ?? ProgrammeKind.programme.rawValue, field: "kind")
    }
}

/// A new project in a programme, or a sub-item of one of its projects (`parent`).
struct APIProjectInput: Codable, Sendable {
    let programme: UUID
    let parent: UUID?
    let reference: String?
    let title: String
    let sro: String?
    let lead: String?
}

/// A project's details as they should be: the whole of them (a field left out is cleared, as on the form), with
/// `programme` to move it within its portfolio.
struct APIProjectChanges: Codable, Sendable {
    let reference: String?
    let title: String
    let programme: UUID?
    let sro: String?
    let lead: String?
}

extension APIProgramme: SchemaRefined {
    static let refinements: [String: Refinement] = ["kind": .oneOf(ProgrammeKind.self)]
}

extension APIPortfolioInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "name": .length(1...500), "scale": .oneOf(RatingScaleKind.self),
    ]
}

extension APIProgrammeInput: SchemaRefined {
    static let refinements: [String: Refinement] = ["name": .length(1...500), "kind": .oneOf(ProgrammeKind.self)]
}

extension APIProjectInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "title": .length(1...500), "parent": .described("The project this is a sub-item of"),
    ]
}

extension APIProjectChanges: SchemaRefined {
    static let refinements: [String: Refinement] = ["title": .length(1...500)]
}
