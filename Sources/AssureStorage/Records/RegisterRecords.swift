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
