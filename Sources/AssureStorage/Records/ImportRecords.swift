import Fluent
import Foundation

final class ProjectAttributeRecord: Model, @unchecked Sendable {
    static let schema = "project_attributes"
    @ID var id: UUID?
    @Parent(key: "project_id") var project: ProjectRecord
    @Field(key: "name") var name: String
    /// An `AttributeKind` raw value.
    @Field(key: "kind") var kind: String
    @Field(key: "text_value") var text: String
    @OptionalField(key: "number_value") var number: Double?
    init() {}
}

final class ImportMappingRecord: Model, @unchecked Sendable {
    static let schema = "import_mappings"
    @ID var id: UUID?
    @Parent(key: "portfolio_id") var portfolio: PortfolioRecord
    @Field(key: "name") var name: String
    /// Header → choice ("rating", "attribute:money", "ignore"), as JSON.
    @Field(key: "columns_json") var columnsJSON: String
    @Field(key: "saved_by") var savedBy: String
    @Field(key: "saved_at") var savedAt: Date
    init() {}
}
