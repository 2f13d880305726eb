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
