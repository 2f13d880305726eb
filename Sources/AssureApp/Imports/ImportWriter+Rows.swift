import AssureCore
import AssureStorage
import Fluent
import Foundation

extension ImportWriter {
    mutating func writeProjects(progress: @Sendable (Int, Int) -> Void) async throws {
        let all = plan.allProjects
        let existingIDs = all.compactMap { if case .existing(let id) = $0.match { id } else { nil } }
        var existing: [UUID: ProjectRecord] = [:]
        try await existingIDs.inBatches(of: 1000) { batch in
            for record in try await ProjectRecord.query(on: db).filter(\.$id ~~ batch).all() {
                existing[try record.requireID()] = record
            }
        }
        guard existing.count == Set(existingIDs).count else {
            throw Self.changedSinceReading("The portfolio's projects")
        }
        let programmeList = Array(Set(programmeIDs.values))
        let known = try await Imports.places(db, programmes: programmeList)
        let references = Set(known.compactMap { $0.reference?.lowercased() })
        var lastOrder = Dictionary(known.map { ($0.programmeID, $0.sortOrder) }, uniquingKeysWith: max)
        var created: [ProjectRecord] = []
        var done = 0
        for project in plan.projects {
            let parentID: UUID
            if case .existing(let id) = project.match, let record = existing[id] {
                try await update(record, with: project)
                parentID = id
            } else {
                if let reference = project.reference?.lowercased(), references.contains(reference) {
                    throw Self.changedSinceReading("The reference \(project.reference!)")
                }
                let programmeID = try await programme(project.programme ?? "Imported")
                let order = (lastOrder[programmeID] ?? 0) + 1000
                lastOrder[programmeID] = order
                let record = try await newRecord(project, programmeID: programmeID, parentID: nil, order: order)
                created.append(record)
                parentID = try record.requireID()
            }
            projectIDs[project.row] = parentID
            let parentRecord = existing[parentID] ?? created.last!
            for child in project.children {
                if case .existing(let id) = child.match, let record = existing[id] {
                    try await update(record, with: child)
                    projectIDs[child.row] = id
                } else {
                    let order = try await childOrder(parent: parentRecord, known: known, created: created)
                    let record = try await newRecord(
                        child, programmeID: parentRecord.$programme.id, parentID: parentID, order: order)
                    created.append(record)
                    projectIDs[child.row] = try record.requireID()
                }
            }
            done += 1 + project.children.count
            if done % 500 < 1 + project.children.count { progress(done, all.count) }
            if created.count >= 500 { try await flush(&created) }
        }
        try await flush(&created)
        progress(all.count, all.count)
    }

    private mutating func flush(_ created: inout [ProjectRecord]) async throws {
        guard !created.isEmpty else { return }
        try await created.insert(on: db)
        for record in created {
            try log("create", "project", record.id, before: String?.none, after: record.info(names: names))
        }
        outcome.createdProjects += created.count
        created = []
    }

    private mutating func newRecord(
        _ project: ImportedProject, programmeID: UUID, parentID: UUID?, order: Int
    ) async throws -> ProjectRecord {
        let record = ProjectRecord()
        record.id = UUID.random()
        record.$programme.id = programmeID
        record.$parent.id = parentID
        record.reference = project.reference
        record.title = project.title ?? project.reference ?? "Untitled"
        record.description = project.description
        record.$sro.id = try await person(project.sro)
        record.$lead.id = try await person(project.lead)
        record.commencement = project.commencement
        record.projectPlan = project.projectPlan
        record.projectTimescale = project.projectTimescale
        record.sortOrder = order
        record.version = 1
        return record
    }

    /// A new sub-item of an existing project goes after its last sub-item, in the gap before the next project.
    private func childOrder(parent: ProjectRecord, known: [ProjectPlace], created: [ProjectRecord]) async throws -> Int
    {
        let siblings = (known + (try created.map(ProjectPlace.init))).filter { $0.programmeID == parent.$programme.id }
        let family = siblings.filter { $0.id == parent.id || $0.parentID == parent.id }.map(\.sortOrder)
        let last = family.max() ?? parent.sortOrder
        let next = siblings.map(\.sortOrder).filter { $0 > last }.min()
        guard let next else { return last + 1 }
        guard next - last > 1 else {
            throw DomainError.conflict("No room to insert a sub-item of \(parent.title); add it on its page.")
        }
        return last + max(1, min(10, (next - last) / 2))
    }

    private mutating func update(_ record: ProjectRecord, with project: ImportedProject) async throws {
        let before = try record.info(names: names)
        if let title = project.title, record.$parent.id != nil || project.reference != nil { record.title = title }
        if let reference = project.reference, record.reference == nil { record.reference = reference }
        if let value = project.description { record.description = value }
        if let value = project.sro { record.$sro.id = try await person(value) }
        if let value = project.lead { record.$lead.id = try await person(value) }
        if let value = project.commencement { record.commencement = value }
        if let value = project.projectPlan { record.projectPlan = value }
        if let value = project.projectTimescale { record.projectTimescale = value }
        let after = try record.info(names: names)
        guard after != before else { return }
        record.version += 1
        try await record.save(on: db)
        outcome.updatedProjects += 1
        try log("update", "project", record.id, before: before, after: after)
    }

    mutating func writeAttributes() async throws {
        let rows = plan.allProjects.filter { !$0.attributes.isEmpty }
        guard !rows.isEmpty else { return }
        let names = Set(rows.flatMap { $0.attributes.map(\.name) })
        var records: [ProjectAttributeRecord] = []
        for project in rows {
            guard let id = projectIDs[project.row] else { continue }
            for value in project.attributes {
                let record = ProjectAttributeRecord()
                record.$project.id = id
                record.name = value.name
                record.kind = value.kind.rawValue
                record.text = value.text
                record.number = value.number
                records.append(record)
            }
        }
        let ids = rows.compactMap { projectIDs[$0.row] }
        try await ids.inBatches(of: 1000) { batch in
            try await ProjectAttributeRecord.query(on: db).filter(\.$project.$id ~~ batch).filter(
                \.$name ~~ Array(names)
            ).delete()
        }
        try await records.insert(on: db)
        outcome.attributesWritten = records.count
        try log(
            "set-attributes", "portfolio", portfolioID, before: String?.none,
            after: ["projects": ids.count, "values": records.count])
    }
}
