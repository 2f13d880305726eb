import AssureCore
import Fluent
import Foundation

/// What an import wrote.
public struct ImportOutcome: Codable, Sendable, Hashable {
    public var periodKey: String?
    public var periodCreated: Bool
    public var createdProgrammes: Int
    public var createdProjects: Int
    public var updatedProjects: Int
    public var returnsWritten: Int
    public var attributesWritten: Int
    /// Whether the period was published as history in the same transaction.
    public var published: Bool = false
}

/// Reading a table into a portfolio: the context a plan is read against, saved mappings, and custom attributes.
public enum Imports {
    public static func context(
        _ db: Database, portfolioID: UUID, keepOffScaleRatings: Bool = false
    ) async throws -> ImportContext {
        guard let portfolio = try await PortfolioRecord.find(portfolioID, on: db) else {
            throw DomainError.notFound("portfolio")
        }
        let programmes = try await ProgrammeRecord.query(on: db).filter(\.$portfolio.$id == portfolioID).all()
        let names = Dictionary(uniqueKeysWithValues: try programmes.map { (try $0.requireID(), $0.name) })
        let projects = try await ProjectRecord.query(on: db).filter(\.$programme.$id ~~ Array(names.keys)).all()
        return ImportContext(
            scale: try portfolio.info.scale, programmes: programmes.map(\.name),
            projects: try projects.map {
                KnownProject(
                    id: try $0.requireID(), programme: names[$0.$programme.id] ?? "", parentID: $0.$parent.id,
                    reference: $0.reference, title: $0.title)
            },
            keepOffScaleRatings: keepOffScaleRatings)
    }

    // MARK: Saved mappings

    /// Refuses, before any work, an import into a period that the import itself would refuse (the same rule).
    public static func requireImportable(_ db: Database, portfolioID: UUID, periodKey: String) async throws {
        guard let key = PeriodKey(periodKey)?.key,
            let period = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == portfolioID).filter(
                \.$key == key
            ).first()
        else { return }
        if let refusal = ImportWriter.refusal(period) { throw refusal }
    }

    public static func savedMappings(_ db: Database, portfolioID: UUID) async throws -> [String] {
        try await ImportMappingRecord.query(on: db).filter(\.$portfolio.$id == portfolioID).sort(\.$name).all().map(
            \.name)
    }

    public static func savedMapping(_ db: Database, portfolioID: UUID, name: String) async throws -> [String: String] {
        guard
            let record = try await ImportMappingRecord.query(on: db).filter(\.$portfolio.$id == portfolioID)
                .filter(\.$name == name).first()
        else {
            let known = try await savedMappings(db, portfolioID: portfolioID)
            throw DomainError.invalid([
                "mapping": "There is no saved mapping called “\(name)”"
                    + (known.isEmpty ? "." : "; saved: \(known.joined(separator: ", ")).")
            ])
        }
        return try JSONDecoder().decode([String: String].self, from: Data(record.columnsJSON.utf8))
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

    // MARK: Custom attributes

    /// Each project's custom attributes, and the attribute names in first-seen order (the columns of an export).
    public static func attributes(
        _ db: Database, portfolioID: UUID
    ) async throws -> (names: [String], values: [UUID: [AttributeValue]]) {
        let programmes = try await ProgrammeRecord.query(on: db).filter(\.$portfolio.$id == portfolioID).all()
            .compactMap(\.id)
        let projects = try await ProjectRecord.query(on: db).filter(\.$programme.$id ~~ programmes).sort(\.$sortOrder)
            .all().compactMap(\.id)
        var names: [String] = []
        var values: [UUID: [AttributeValue]] = [:]
        try await projects.inBatches(of: 1000) { batch in
            for record in try await ProjectAttributeRecord.query(on: db).filter(\.$project.$id ~~ batch).sort(\.$name)
                .all()
            {
                if !names.contains(record.name) { names.append(record.name) }
                values[record.$project.id, default: []].append(try record.value)
            }
        }
        return (names, values)
    }

    public static func attributes(_ db: Database, projectID: UUID) async throws -> [AttributeValue] {
        try await ProjectAttributeRecord.query(on: db).filter(\.$project.$id == projectID).sort(\.$name).all().map {
            try $0.value
        }
    }
}

extension ProjectAttributeRecord {
    var value: AttributeValue {
        get throws {
            try AttributeValue(
                name: name, kind: try AttributeKind(stored: kind, "project_attributes.kind"), text: text, number: number
            )
        }
    }
}
