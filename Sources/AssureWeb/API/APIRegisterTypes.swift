import AssureCore
import Foundation

/// A prioritisation as the API gives it: its criteria and cases, and each case's score and rank.
struct APIPrioritisation: Encodable {
    let set: CriteriaSet
    let scored: [ScoredCase]
}

/// A funding round with its total, headroom and whether it is over the envelope.
struct APIFundingRound: Encodable {
    let round: FundingRound
    let total: Money
    let headroom: Money
    let isOver: Bool
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
