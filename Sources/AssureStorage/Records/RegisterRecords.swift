import Fluent
import Foundation

final class GlossaryRecord: Model, @unchecked Sendable {
    static let schema = "glossary_entries"
    @ID var id: UUID?
    @Field(key: "abbreviation") var abbreviation: String
    @Field(key: "expansion") var expansion: String
    init() {}
}

final class CriteriaSetRecord: Model, @unchecked Sendable {
    static let schema = "criteria_sets"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    /// `[Criterion]` as JSON.
    @Field(key: "criteria_json") var criteriaJSON: String
    @OptionalParent(key: "portfolio_id") var portfolio: PortfolioRecord?
    init() {}
}

final class BusinessCaseRecord: Model, @unchecked Sendable {
    static let schema = "business_cases"
    @ID var id: UUID?
    @Parent(key: "set_id") var set: CriteriaSetRecord
    @Field(key: "name") var name: String
    @Field(key: "position") var position: Int
    /// Criterion name → "H"/"M"/"L", as JSON.
    @Field(key: "ratings_json") var ratingsJSON: String
    @Field(key: "version") var version: Int
    init() {}
}

final class FundingRoundRecord: Model, @unchecked Sendable {
    static let schema = "funding_rounds"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "envelope_label") var envelopeLabel: String
    @Field(key: "envelope_pence") var envelopePence: Int64
    @Field(key: "version") var version: Int
    @OptionalParent(key: "portfolio_id") var portfolio: PortfolioRecord?
    init() {}
}

final class AllocationRecord: Model, @unchecked Sendable {
    static let schema = "allocations"
    @ID var id: UUID?
    @Parent(key: "round_id") var round: FundingRoundRecord
    @Field(key: "label") var label: String
    @Field(key: "amount_pence") var amountPence: Int64
    @Field(key: "comment") var comment: String
    @Field(key: "position") var position: Int
    init() {}
}

final class RiskRegisterRecord: Model, @unchecked Sendable {
    static let schema = "risk_registers"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    /// A `RiskScaleKind` raw value.
    @Field(key: "scale") var scale: String
    @Field(key: "amber_from") var amberFrom: Int
    @Field(key: "red_from") var redFrom: Int
    init() {}
}

final class RiskRecord: Model, @unchecked Sendable {
    static let schema = "risks"
    @ID var id: UUID?
    @Parent(key: "register_id") var register: RiskRegisterRecord
    @Field(key: "position") var position: Int
    @Field(key: "section") var section: String
    @Field(key: "level") var level: String
    @Field(key: "scope") var scope: String
    @Field(key: "description") var description: String
    @Field(key: "severity") var severity: String
    @Field(key: "likelihood") var likelihood: String
    @Field(key: "mitigation") var mitigation: String
    @Field(key: "owner") var owner: String
    @Field(key: "references_json") var referencesJSON: String
    @Field(key: "status") var status: String
    @OptionalField(key: "review_date") var reviewDate: String?
    @Field(key: "version") var version: Int
    init() {}
}

final class RiskReviewRecord: Model, @unchecked Sendable {
    static let schema = "risk_reviews"
    @ID var id: UUID?
    @Parent(key: "risk_id") var risk: RiskRecord
    @Field(key: "at") var at: Date
    @Field(key: "by") var by: String
    @Field(key: "severity") var severity: String
    @Field(key: "likelihood") var likelihood: String
    @Field(key: "status") var status: String
    init() {}
}

final class DeliverableRecord: Model, @unchecked Sendable {
    static let schema = "deliverables"
    @ID var id: UUID?
    @Field(key: "programme") var programme: String
    @Field(key: "workstream") var workstream: String
    @Field(key: "title") var title: String
    /// Financial years by their first calendar year, comma-separated ("2017,2018").
    @Field(key: "years") var years: String
    @Field(key: "status") var status: String
    @Field(key: "position") var position: Int
    @Field(key: "version") var version: Int
    init() {}
}

final class OutcomeMeasureRecord: Model, @unchecked Sendable {
    static let schema = "outcome_measures"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "programme") var programme: String
    @Field(key: "unit") var unit: String
    @Field(key: "direction") var direction: String
    @OptionalField(key: "baseline") var baseline: Double?
    @Field(key: "target") var target: Double
    @Field(key: "target_date") var targetDate: String
    @Field(key: "illustrative") var illustrative: Bool
    @Field(key: "version") var version: Int
    init() {}
}

final class OutcomeValueRecord: Model, @unchecked Sendable {
    static let schema = "outcome_values"
    @ID var id: UUID?
    @Parent(key: "measure_id") var measure: OutcomeMeasureRecord
    @Field(key: "period_key") var periodKey: String
    /// "trajectory" or "actual".
    @Field(key: "kind") var kind: String
    @Field(key: "value") var value: Double
    init() {}
}
