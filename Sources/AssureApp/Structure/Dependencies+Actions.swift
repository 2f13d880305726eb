import AssureCore
import AssureStorage
import Fluent
import Foundation

/// Adding and removing dependencies between milestones: whoever edits the waiting project's programme (or the PMO),
/// checked against the milestones as reported, refused where it would close a loop, audited.
public enum Dependencies {
    /// One of the project's milestones (or, with none named, the project as a whole) waits on another project's
    /// milestone, named by that project's reference or title and the milestone's title as reported.
    @discardableResult
    public static func add(
        _ db: Database, _ actor: Actor, projectID: UUID, draft: DependencyDraft
    ) async throws -> StoredDependency {
        let detail = try await Structure.project(db, id: projectID)
        guard actor.canEdit(programme: detail.programme.id) else {
            throw DomainError.forbidden("you may not change projects in \(detail.programme.name)")
        }
        return try await db.writeTransaction { db in
            let dependency = try await validate(db, draft, detail)
            let graph = DependencyGraph(
                try await MilestoneDependencies.all(db, portfolioID: detail.portfolio.id).map(\.dependency))
            if graph.dependencies.contains(dependency) {
                throw DomainError.invalid(["upstreamMilestone": "This dependency is already recorded."])
            }
            if let loop = graph.loop(adding: dependency) {
                let names = try await names(db, loop)
                throw DomainError.invalid([
                    "upstreamMilestone":
                        "This would close a loop: " + loop.map { names[$0] ?? "?" }.joined(separator: " → ")
                        + ". A milestone cannot wait, even through others, on itself."
                ])
            }
            let id = try await MilestoneDependencies.insert(db, dependency, by: actor.name)
            guard let stored = try await MilestoneDependencies.find(db, id: id) else {
                throw DomainError.notFound("dependency")
            }
            try await AuditLog.record(db, actor, "add-dependency", entity: "dependency", id: id, after: dependency)
            return stored
        }
    }

    /// Removes a dependency of the project's; the audit log keeps it.
    public static func remove(_ db: Database, _ actor: Actor, projectID: UUID, dependencyID: UUID) async throws {
        let detail = try await Structure.project(db, id: projectID)
        guard actor.canEdit(programme: detail.programme.id) else {
            throw DomainError.forbidden("you may not change projects in \(detail.programme.name)")
        }
        try await db.writeTransaction { db in
            guard let stored = try await MilestoneDependencies.find(db, id: dependencyID),
                stored.dependency.dependant.projectID == projectID
            else { throw DomainError.notFound("dependency") }
            try await MilestoneDependencies.delete(db, id: dependencyID)
            try await AuditLog.record(
                db, actor, "remove-dependency", entity: "dependency", id: dependencyID, before: stored.dependency,
                after: String?.none)
        }
    }

    private static func validate(
        _ db: Database, _ draft: DependencyDraft, _ detail: ProjectDetail
    ) async throws -> MilestoneDependency {
        var errors: [String: String] = [:]
        let own = draft.milestone.trimmingCharacters(in: .whitespaces)
        let upstreamName = draft.upstreamProject.trimmingCharacters(in: .whitespaces)
        let upstreamTitle = draft.upstreamMilestone.trimmingCharacters(in: .whitespaces)
        if !own.isEmpty,
            !(try await MilestoneDependencies.milestoneTitles(db, projectID: detail.project.id)).contains(own)
        {
            errors["milestone"] = "This project has reported no milestone called “\(own)”."
        }
        var upstream: UUID?
        if upstreamName.isEmpty {
            errors["upstreamProject"] = "Name the project waited on, by its reference or title."
        } else {
            let found = try await MilestoneDependencies.projects(
                db, portfolioID: detail.portfolio.id, named: upstreamName)
            if found.isEmpty {
                errors["upstreamProject"] = "No project in \(detail.portfolio.name) is called “\(upstreamName)”."
            } else if found.count > 1 {
                errors["upstreamProject"] = "More than one project is called “\(upstreamName)”: give its reference."
            } else if found[0] == detail.project.id {
                errors["upstreamProject"] = "A project cannot wait on itself: name another project."
            } else {
                upstream = found[0]
            }
        }
        if upstreamTitle.isEmpty {
            errors["upstreamMilestone"] = "Name the milestone waited on, as its project reports it."
        } else if let upstream,
            !(try await MilestoneDependencies.milestoneTitles(db, projectID: upstream)).contains(upstreamTitle)
        {
            errors["upstreamMilestone"] = "“\(upstreamName)” has reported no milestone called “\(upstreamTitle)”."
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        return MilestoneDependency(
            dependant: DependencyEnd(projectID: detail.project.id, milestone: own.isEmpty ? nil : own),
            upstream: DependencyEnd(projectID: upstream!, milestone: upstreamTitle))
    }

    /// Each end as a reader names it: "MAT001 Maternity: Business case", or the project alone for the whole of it.
    private static func names(_ db: Database, _ ends: [DependencyEnd]) async throws -> [DependencyEnd: String] {
        var names: [DependencyEnd: String] = [:]
        for end in Set(ends) {
            let project = try await Structure.project(db, id: end.projectID).project
            let name = [project.reference, project.title].compactMap { $0 }.joined(separator: " ")
            names[end] = end.milestone.map { "\(name): \($0)" } ?? name
        }
        return names
    }
}
