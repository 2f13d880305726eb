import FluentKit
import Foundation
import SQLKit

/// A record written in bulk by multi-row inserts. Fluent's `[Model].create(on:)` finds each record's fields by
/// reflection, several times over: at 10,000 rows an import spent more than half its time there. A bulk-insertable
/// record names its columns once and hands over its values in that order (`BulkInsertTests` checks the columns
/// against the record's fields, so a field added to the record and forgotten here fails a test).
package protocol BulkInsertable: Model where IDValue == UUID {
    static var bulkColumns: [String] { get }
    var bulkValues: [any Encodable & Sendable] { get }
}

package extension Array where Element: BulkInsertable {
    /// Inserts the records (giving an id to any without one), as many rows to a statement as keeps the bound values
    /// well inside SQLite's limit of 32,766 and PostgreSQL's of 65,535. The records are not marked as saved: they are
    /// written once, not saved again.
    func insert(on db: Database) async throws {
        guard !isEmpty else { return }
        let sql = try db.sql()
        for record in self where record.id == nil { record.id = UUID.random() }
        for batch in batches(of: Swift.max(1, 20_000 / Element.bulkColumns.count)) {
            let insert = sql.insert(into: Element.schema).columns(Element.bulkColumns)
            for record in batch { insert.values(record.bulkValues) }
            try await insert.run()
        }
    }
}

extension ProjectRecord: BulkInsertable {
    package static let bulkColumns = [
        "id", "programme_id", "parent_id", "reference", "title", "description", "sro_id", "lead_id", "commencement",
        "project_plan", "project_timescale", "sort_order", "version",
    ]
    package var bulkValues: [any Encodable & Sendable] {
        [
            id, $programme.id, $parent.id, reference, title, description, $sro.id, $lead.id, commencement, projectPlan,
            projectTimescale, sortOrder, version,
        ]
    }
}

extension ReturnRecord: BulkInsertable {
    package static let bulkColumns = [
        "id", "period_id", "project_id", "rating", "reported_trend", "update_text", "mitigation", "submitted_by",
        "submitted_at", "version", "revision", "state", "saved_by", "saved_at", "reviewed_by", "reviewed_at",
        "review_comment", "carried_from_key", "carried_periods",
    ]
    package var bulkValues: [any Encodable & Sendable] {
        [
            id, $period.id, $project.id, rating, reportedTrend, update, mitigation, submittedBy, submittedAt, version,
            revision, state, savedBy, savedAt, reviewedBy, reviewedAt, reviewComment, carriedFromKey, carriedPeriods,
        ]
    }
}

extension ReturnMilestoneRecord: BulkInsertable {
    package static let bulkColumns = [
        "id", "return_id", "position", "title", "date_text", "due_by", "precision", "rating",
    ]
    package var bulkValues: [any Encodable & Sendable] {
        [id, $parentReturn.id, position, title, dateText, dueBy, precision, rating]
    }
}

extension ProjectAttributeRecord: BulkInsertable {
    package static let bulkColumns = ["id", "project_id", "name", "kind", "text_value", "number_value"]
    package var bulkValues: [any Encodable & Sendable] { [id, $project.id, name, kind, text, number] }
}

extension AuditRecord: BulkInsertable {
    package static let bulkColumns = [
        "id", "at", "user_id", "actor", "action", "entity", "entity_id", "before_json", "after_json", "sequence",
        "previous_hash", "hash", "client_address",
    ]
    package var bulkValues: [any Encodable & Sendable] {
        [id, at, userID, actor, action, entity, entityID, before, after, sequence, previousHash, hash, clientAddress]
    }
}
