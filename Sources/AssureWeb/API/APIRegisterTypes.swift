import AssureCore
import Foundation

/// A prioritisation as the API gives it: its criteria and cases, and each case's score and rank.
struct APIPrioritisation: Encodable {
    let set: CriteriaSet
    let scored: [ScoredCase]
}

/// An amount as a client expects it: a decimal string (never a binary float) and its currency.
struct APIMoney: Codable, Sendable, Equatable {
    let amount: String
    let currency: String

    init(_ money: Money) {
        amount = money.decimal
        currency = "GBP"
    }
}

/// A funding round with its total, headroom and whether it is over the envelope; every amount an `APIMoney`.
struct APIFundingRound: Encodable {
    struct Allocation: Encodable {
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

struct APIRiskScore: Encodable { let id: UUID; let score: Int?; let band: String? }

/// A register as the API gives it: the register, each risk's score and band, and the heat map's counts.
struct APIRiskRegister: Encodable {
    let register: RiskRegister
    let scores: [APIRiskScore]
    let heatMap: [[Int]]
}

struct APIOutcome: Encodable {
    let measure: OutcomeMeasure
    let latestRating: String?
}
