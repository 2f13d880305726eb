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
    let programme: String
    let portfolio: String
    let sro: String?
    let lead: String?
    /// The plan column as written, and whether it says there is a plan (nil where it says neither).
    let projectPlan: String?
    let hasProjectPlan: Bool?
    let periods: [APIProjectPeriod]
}
