import AssureCore
import AssureStorage
import Fluent
import Foundation

extension GlossaryEntries {
    /// Adds an entry, or changes one when `id` is given. Refused for anyone but the PMO, for a blank or long value,
    /// and for an abbreviation the glossary already has.
    @discardableResult
    public static func save(
        _ db: Database, _ actor: Actor, id: UUID? = nil, abbreviation: String, expansion: String
    ) async throws -> StoredGlossaryEntry {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) edits the glossary") }
        let errors = GlossaryEntry.validate(abbreviation: abbreviation, expansion: expansion)
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let entry = GlossaryEntry(
            abbreviation: abbreviation.trimmingCharacters(in: .whitespaces),
            expansion: expansion.trimmingCharacters(in: .whitespaces))
        return try await db.writeTransaction { db in
            let clash = try await GlossaryRecord.query(on: db).filter(\.$abbreviation == entry.abbreviation).first()
            if let clash, clash.id != id {
                throw DomainError.invalid(["abbreviation": "\(entry.abbreviation) is already in the glossary."])
            }
            let record: GlossaryRecord
            if let id {
                guard let found = try await GlossaryRecord.find(id, on: db) else {
                    throw DomainError.notFound("glossary entry")
                }
                record = found
            } else {
                record = GlossaryRecord()
            }
            let before = id == nil ? nil : GlossaryEntry(abbreviation: record.abbreviation, expansion: record.expansion)
            record.abbreviation = entry.abbreviation
            record.expansion = entry.expansion
            try await record.save(on: db)
            try await AuditLog.record(
                db, actor, id == nil ? "create" : "update", entity: "glossary-entry", id: record.id, before: before,
                after: entry)
            return StoredGlossaryEntry(id: try record.requireID(), entry: entry)
        }
    }

    public static func remove(_ db: Database, _ actor: Actor, id: UUID) async throws {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) edits the glossary") }
        try await db.writeTransaction { db in
            guard let record = try await GlossaryRecord.find(id, on: db) else {
                throw DomainError.notFound("glossary entry")
            }
            let before = GlossaryEntry(abbreviation: record.abbreviation, expansion: record.expansion)
            try await record.delete(on: db)
            try await AuditLog.record(
                db, actor, "delete", entity: "glossary-entry", id: id, before: before, after: String?.none)
        }
    }
}
