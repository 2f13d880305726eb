import AssureCore
import FluentKit
import Foundation
import SQLKit

/// What an import wrote.
public struct ImportOutcome: Codable, Sendable, Hashable {
    public var periodKey: String?
    public var periodCreated: Bool
    public var createdProgrammes: Int
    public var createdProjects: Int
    public var updatedProjects: Int
    public var returnsWritten: Int
    public var attributesWritten: Int

    package init(
        periodKey: String?, periodCreated: Bool, createdProgrammes: Int, createdProjects: Int, updatedProjects: Int,
        returnsWritten: Int, attributesWritten: Int
    ) {
        self.periodKey = periodKey
        self.periodCreated = periodCreated
        self.createdProgrammes = createdProgrammes
        self.createdProjects = createdProjects
        self.updatedProjects = updatedProjects
        self.returnsWritten = returnsWritten
        self.attributesWritten = attributesWritten
    }
    /// Whether the period was published as history in the same transaction.
    public var published: Bool = false
    /// Rows matched to a project Assure already had (`updatedProjects` of them had details that changed).
    public var matchedProjects: Int = 0

    /// What was written, in a sentence: the same words on the web's progress page and from the command line.
    public var summary: String {
        "\(Wording.counted(createdProgrammes, "programme")) and \(Wording.counted(createdProjects, "project")) created; "
            + "\(Wording.counted(matchedProjects, "project")) matched to existing ones, \(updatedProjects) with changed details; "
            + "\(Wording.counted(returnsWritten, "return")); \(Wording.counted(attributesWritten, "custom value"))."
    }
}

/// Where a project sits: its programme, its parent, its reference and its place in the display order.
public struct ProjectPlace: Sendable {
    public let id: UUID
    public let programmeID: UUID
    public let parentID: UUID?
    public let reference: String?
    public let sortOrder: Int

    public init(id: UUID, programmeID: UUID, parentID: UUID?, reference: String?, sortOrder: Int) {
        (self.id, self.programmeID, self.parentID, self.reference, self.sortOrder) =
            (id, programmeID, parentID, reference, sortOrder)
    }

    package init(_ record: ProjectRecord) throws {
        self.init(
            id: try record.requireID(), programmeID: record.$programme.id, parentID: record.$parent.id,
            reference: record.reference, sortOrder: record.sortOrder)
    }
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
        // By position: an import into 10,000 projects read them through Fluent's models in a tenth of its time.
        let projects =
            names.isEmpty
            ? []
            : try await db.sql().rows(
                """
                SELECT id, programme_id, parent_id, reference, title FROM projects
                WHERE programme_id IN (\(binds: Array(names.keys)))
                """
            ) { row in
                KnownProject(
                    id: try row.uuid(0), programme: names[try row.uuid(1)] ?? "", parentID: try row.optionalUUID(2),
                    reference: try row.optionalText(3), title: try row.text(4))
            }
        return ImportContext(
            scale: try portfolio.info.scale, programmes: programmes.map(\.name), projects: projects,
            keepOffScaleRatings: keepOffScaleRatings)
    }

    /// Where each project of the programmes sits: what an import needs to place new projects and sub-items among them.
    public static func places(_ db: Database, programmes: [UUID]) async throws -> [ProjectPlace] {
        guard !programmes.isEmpty else { return [] }
        return try await db.sql().rows(
            """
            SELECT id, programme_id, parent_id, reference, sort_order FROM projects
            WHERE programme_id IN (\(binds: programmes))
            """
        ) { row in
            ProjectPlace(
                id: try row.uuid(0), programmeID: try row.uuid(1), parentID: try row.optionalUUID(2),
                reference: try row.optionalText(3), sortOrder: try row.int(4))
        }
    }

    // MARK: Saved mappings

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

package extension ProjectAttributeRecord {
    var value: AttributeValue {
        get throws {
            try AttributeValue(
                name: name, kind: try AttributeKind(stored: kind, "project_attributes.kind"), text: text, number: number
            )
        }
    }
}
