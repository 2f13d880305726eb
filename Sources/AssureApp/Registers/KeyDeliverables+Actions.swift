import AssureCore
import AssureStorage
import Fluent
import Foundation

extension KeyDeliverables {
    /// Adds a deliverable (no `id`) or changes one; years are written as 17/18. A stale version is a conflict.
    @discardableResult
    public static func save(
        _ db: Database, _ actor: Actor, id: UUID? = nil, programme: String, workstream: String, title: String,
        years: [String], status: DeliverableStatus, baseVersion: Int = 0
    ) async throws -> Deliverable {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) edits key deliverables")
        }
        let errors = Deliverable.validate(programme: programme, title: title, years: years)
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let item = Deliverable(
            programme: programme.trimmingCharacters(in: .whitespaces),
            workstream: workstream.trimmingCharacters(in: .whitespaces),
            title: title.trimmingCharacters(in: .whitespacesAndNewlines),
            years: Set(years.compactMap(FinancialYear.init(written:))),
            status: status)
        return try await db.writeTransaction { db in
            let record: DeliverableRecord
            var before: Deliverable?
            if let id {
                guard let found = try await DeliverableRecord.findForUpdate(id, on: db) else {
                    throw DomainError.notFound("deliverable")
                }
                guard found.version == baseVersion else {
                    throw DomainError.conflict(
                        "Someone else changed this deliverable while you were editing it; its saved values are shown.")
                }
                before = try deliverable(found)
                record = found
                record.version += 1
            } else {
                record = DeliverableRecord()
                record.position = (try await DeliverableRecord.query(on: db).max(\.$position) ?? 0) + 1
                record.version = 1
            }
            apply(item, to: record)
            try await record.save(on: db)
            let after = try deliverable(record)
            try await AuditLog.record(
                db, actor, id == nil ? "create" : "update", entity: "deliverable", id: record.id, before: before,
                after: after)
            return after
        }
    }
}
