import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Structure {
    /// Renames, re-references, moves a project to another programme of its portfolio, or replaces its SRO or lead.
    public static func updateProject(_ db: Database, _ actor: Actor, id: UUID, changes: ProjectChanges) async throws {
        try await db.writeTransaction { db in
            guard let project = try await ProjectRecord.findForUpdate(id, on: db),
                let from = try await ProgrammeRecord.find(project.$programme.id, on: db)
            else {
                throw DomainError.notFound("project")
            }
            guard let to = try await ProgrammeRecord.find(changes.programmeID, on: db),
                to.$portfolio.id == from.$portfolio.id
            else {
                throw DomainError.invalid(["programme": "Choose a programme of the same portfolio."])
            }
            guard actor.canEdit(programme: try from.requireID()), actor.canEdit(programme: try to.requireID()) else {
                throw DomainError.forbidden("\(actor.name) may not change projects in \(from.name)")
            }
            var errors: [String: String] = [:]
            let title = changes.title.trimmingCharacters(in: .whitespacesAndNewlines)
            if title.isEmpty { errors["title"] = "Give the project a title." }
            if changes.title.unicodeScalars.count > 500 { errors["title"] = "Keep the title under 500 characters." }
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            guard project.version == changes.baseVersion else {
                throw DomainError.conflict(
                    "Someone else changed this project while you were editing it. Review and save again.")
            }
            let names = try await People.names(db)
            let before = try project.info(names: names)
            let refusals = SegregationOfDuties.accountabilityRefusals(
                actor,
                sroChanged: !SegregationOfDuties.samePerson(before.sro, changes.sro)
                    && (before.sro ?? changes.sro?.nilIfBlank) != nil,
                leadChanged: !SegregationOfDuties.samePerson(before.lead, changes.lead)
                    && (before.lead ?? changes.lead?.nilIfBlank) != nil,
                programmeChanged: try project.$programme.id != to.requireID())
            if !refusals.isEmpty { throw DomainError.invalid(refusals) }
            project.reference = changes.reference?.nilIfBlank
            project.title = title
            project.$sro.id = try await People.findOrCreate(db, name: changes.sro)
            project.$lead.id = try await People.findOrCreate(db, name: changes.lead)
            if try project.$programme.id != to.requireID() {
                project.$programme.id = try to.requireID()
                // Sub-items move with their project.
                try await ProjectRecord.query(on: db).filter(\.$parent.$id == id).set(
                    \.$programme.$id, to: to.requireID()
                )
                .update()
            }
            project.version += 1
            try await project.save(on: db)
            let after = try project.info(names: try await People.names(db))
            try await AuditLog.record(db, actor, "update", entity: "project", id: id, before: before, after: after)
        }
    }
}
