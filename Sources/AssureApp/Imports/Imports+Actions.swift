import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Imports {
    /// Refuses, before any work, an import into a period that the import itself would refuse (the same rule).
    public static func requireImportable(_ db: Database, portfolioID: UUID, periodKey: String) async throws {
        guard let key = PeriodKey(periodKey)?.key,
            let period = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == portfolioID).filter(
                \.$key == key
            ).first()
        else { return }
        if let refusal = ImportWriter.refusal(period) { throw refusal }
    }

    /// Saves (or replaces) a mapping by name, for the PMO's next import.
    public static func saveMapping(
        _ db: Database, _ actor: Actor, portfolioID: UUID, name: String, columns: [String: String]
    ) async throws {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) saves import mappings")
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else {
            throw DomainError.invalid(["mapping": "Name the mapping (up to 100 characters)."])
        }
        try await db.writeTransaction { db in
            let record =
                try await ImportMappingRecord.query(on: db).filter(\.$portfolio.$id == portfolioID)
                .filter(\.$name == name).first() ?? ImportMappingRecord()
            let before = record.id == nil ? nil : record.columnsJSON
            record.$portfolio.id = portfolioID
            record.name = name
            record.columnsJSON = String(decoding: try Reports.encoder.encode(columns), as: UTF8.self)
            record.savedBy = actor.name
            record.savedAt = WallClock.now()
            try await record.save(on: db)
            try await AuditLog.record(
                db, actor, before == nil ? "create" : "update", entity: "import-mapping", id: record.id,
                before: before, after: record.columnsJSON)
        }
    }
}
