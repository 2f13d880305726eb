import FluentKit
import Foundation

package final class GlossaryRecord: Model, @unchecked Sendable {
    package static let schema = "glossary_entries"
    @ID package var id: UUID?
    @Field(key: "abbreviation") package var abbreviation: String
    @Field(key: "expansion") package var expansion: String
    package init() {}
}

package final class CriteriaSetRecord: Model, @unchecked Sendable {
    package static let schema = "criteria_sets"
    @ID package var id: UUID?
    @Field(key: "name") package var name: String
    /// `[Criterion]` as JSON.
    @Field(key: "criteria_json") package var criteriaJSON: String
    @OptionalParent(key: "portfolio_id") package var portfolio: PortfolioRecord?
    package init() {}
}

package final class BusinessCaseRecord: Model, @unchecked Sendable {
    package static let schema = "business_cases"
    @ID package var id: UUID?
    @Parent(key: "set_id") package var set: CriteriaSetRecord
    @Field(key: "name") package var name: String
    @Field(key: "position") package var position: Int
    /// Criterion name → "H"/"M"/"L", as JSON.
    @Field(key: "ratings_json") package var ratingsJSON: String
    @Field(key: "version") package var version: Int
    package init() {}
}

package final class FundingRoundRecord: Model, @unchecked Sendable {
    package static let schema = "funding_rounds"
    @ID package var id: UUID?
    @Field(key: "name") package var name: String
    @Field(key: "envelope_label") package var envelopeLabel: String
    @Field(key: "envelope_pence") package var envelopePence: Int64
    @Field(key: "version") package var version: Int
    @OptionalParent(key: "portfolio_id") package var portfolio: PortfolioRecord?
    package init() {}
}

package final class AllocationRecord: Model, @unchecked Sendable {
    package static let schema = "allocations"
    @ID package var id: UUID?
    @Parent(key: "round_id") package var round: FundingRoundRecord
    @Field(key: "label") package var label: String
    @Field(key: "amount_pence") package var amountPence: Int64
    @Field(key: "comment") package var comment: String
    @Field(key: "position") package var position: Int
    package init() {}
}

package final class RiskRegisterRecord: Model, @unchecked Sendable {
    package static let schema = "risk_registers"
    @ID package var id: UUID?
    @Field(key: "name") package var name: String
    /// A `RiskScaleKind` raw value.
    @Field(key: "scale") package var scale: String
    @Field(key: "amber_from") package var amberFrom: Int
    @Field(key: "red_from") package var redFrom: Int
    package init() {}
}

package final class RiskRecord: Model, @unchecked Sendable {
    package static let schema = "risks"
    @ID package var id: UUID?
    @Parent(key: "register_id") package var register: RiskRegisterRecord
    @Field(key: "position") package var position: Int
    @Field(key: "section") package var section: String
    @Field(key: "level") package var level: String
    @Field(key: "scope") package var scope: String
    @Field(key: "description") package var description: String
    @Field(key: "severity") package var severity: String
    @Field(key: "likelihood") package var likelihood: String
    @Field(key: "mitigation") package var mitigation: String
    @Field(key: "owner") package var owner: String
    @Field(key: "references_json") package var referencesJSON: String
    @Field(key: "status") package var status: String
    @OptionalField(key: "review_date") package var reviewDate: String?
    @Field(key: "version") package var version: Int
    package init() {}
}

package final class RiskReviewRecord: Model, @unchecked Sendable {
    package static let schema = "risk_reviews"
    @ID package var id: UUID?
    @Parent(key: "risk_id") package var risk: RiskRecord
    @Field(key: "at") package var at: Date
    @Field(key: "by") package var by: String
    @Field(key: "severity") package var severity: String
    @Field(key: "likelihood") package var likelihood: String
    @Field(key: "status") package var status: String
    package init() {}
}

package final class DeliverableRecord: Model, @unchecked Sendable {
    package static let schema = "deliverables"
    @ID package var id: UUID?
    @Field(key: "programme") package var programme: String
    @Field(key: "workstream") package var workstream: String
    @Field(key: "title") package var title: String
    /// Financial years by their first calendar year, comma-separated ("2017,2018").
    @Field(key: "years") package var years: String
    @Field(key: "status") package var status: String
    @Field(key: "position") package var position: Int
    @Field(key: "version") package var version: Int
    package init() {}
}

package final class OutcomeMeasureRecord: Model, @unchecked Sendable {
    package static let schema = "outcome_measures"
    @ID package var id: UUID?
    @Field(key: "name") package var name: String
    @Field(key: "programme") package var programme: String
    @Field(key: "unit") package var unit: String
    @Field(key: "direction") package var direction: String
    @OptionalField(key: "baseline") package var baseline: Double?
    @Field(key: "target") package var target: Double
    @Field(key: "target_date") package var targetDate: String
    @Field(key: "illustrative") package var illustrative: Bool
    @Field(key: "version") package var version: Int
    package init() {}
}

package final class OutcomeValueRecord: Model, @unchecked Sendable {
    package static let schema = "outcome_values"
    @ID package var id: UUID?
    @Parent(key: "measure_id") package var measure: OutcomeMeasureRecord
    @Field(key: "period_key") package var periodKey: String
    /// "trajectory" or "actual".
    @Field(key: "kind") package var kind: String
    @Field(key: "value") package var value: Double
    package init() {}
}
