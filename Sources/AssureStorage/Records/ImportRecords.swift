import FluentKit
import Foundation

package final class ProjectAttributeRecord: Model, @unchecked Sendable {
    package static let schema = "project_attributes"
    @ID package var id: UUID?
    @Parent(key: "project_id") package var project: ProjectRecord
    @Field(key: "name") package var name: String
    /// An `AttributeKind` raw value.
    @Field(key: "kind") package var kind: String
    @Field(key: "text_value") package var text: String
    @OptionalField(key: "number_value") package var number: Double?
    package init() {}
}

package final class ImportMappingRecord: Model, @unchecked Sendable {
    package static let schema = "import_mappings"
    @ID package var id: UUID?
    @Parent(key: "portfolio_id") package var portfolio: PortfolioRecord
    @Field(key: "name") package var name: String
    /// Header → choice ("rating", "attribute:money", "ignore"), as JSON.
    @Field(key: "columns_json") package var columnsJSON: String
    @Field(key: "saved_by") package var savedBy: String
    @Field(key: "saved_at") package var savedAt: Date
    package init() {}
}

package final class ImportDraftRecord: Model, @unchecked Sendable {
    package static let schema = "import_drafts"
    @ID package var id: UUID?
    @OptionalField(key: "owner_id") package var ownerID: UUID?
    @Field(key: "portfolio_id") package var portfolioID: UUID
    @OptionalField(key: "filename") package var filename: String?
    @Field(key: "is_pasted") package var isPasted: Bool
    @Field(key: "content") package var content: Data
    @Field(key: "byte_count") package var byteCount: Int
    @Field(key: "created_at") package var createdAt: Date
    package init() {}
}

package final class ImportJobRecord: Model, @unchecked Sendable {
    package static let schema = "import_jobs"
    @ID package var id: UUID?
    @OptionalField(key: "owner_id") package var ownerID: UUID?
    @Field(key: "portfolio_id") package var portfolioID: UUID
    /// "running", "finished" or "failed".
    @Field(key: "status") package var status: String
    @Field(key: "done") package var done: Int
    @Field(key: "total") package var total: Int
    @OptionalField(key: "outcome_json") package var outcomeJSON: String?
    @OptionalField(key: "failure") package var failure: String?
    @Field(key: "server") package var server: String
    @Field(key: "started_at") package var startedAt: Date
    @Field(key: "heartbeat_at") package var heartbeatAt: Date
    package init() {}
}
