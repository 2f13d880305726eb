import AssureCore
import FluentKit
import Foundation

/// Who answers for a project's return, and how to reach people. A user account is the person with the same email.
package enum Accountability {
    /// The project's SRO; a project without one answers to its programme's clinical lead (as the CDGs in seed 000 do).
    package static func accountablePersonID(project: ProjectRecord, programme: ProgrammeRecord) -> UUID? {
        project.$sro.id ?? programme.$clinicalLead.id
    }

    static func isAccountable(
        _ db: Database, _ actor: Actor, project: ProjectRecord, programme: ProgrammeRecord
    ) async throws -> Bool {
        guard let userID = actor.userID, let personID = accountablePersonID(project: project, programme: programme),
            let user = try await UserRecord.find(userID, on: db),
            let person = try await PersonRecord.find(personID, on: db), let email = person.email
        else { return false }
        return email.lowercased() == user.email.lowercased()
    }

    package static func standing(
        _ db: Database, _ actor: Actor, project: ProjectRecord,
        programme: ProgrammeRecord
    ) async throws -> ReturnWorkflow.Standing {
        ReturnWorkflow.Standing(
            canEdit: actor.canEdit(programme: try programme.requireID()),
            isAccountable: try await isAccountable(db, actor, project: project, programme: programme),
            isPMO: actor.canManagePortfolio)
    }
}

/// Builds the links that chasers and alerts carry. The web layer knows its routes and its public address;
/// storage only asks for them.
public struct NoticeLinks: Sendable {
    public var returnForm: @Sendable (_ periodID: UUID, _ projectID: UUID) -> String

    public init(returnForm: @escaping @Sendable (UUID, UUID) -> String) {
        self.returnForm = returnForm
    }

    /// For callers with no web address to offer.
    public static let none = NoticeLinks { _, _ in "(open the return in Assure)" }
}

package extension Returns {
    /// What the actor may do with a project's return: the return page offers exactly these.
    public static func standing(_ db: Database, _ actor: Actor, projectID: UUID) async throws -> ReturnWorkflow.Standing
    {
        guard let project = try await ProjectRecord.find(projectID, on: db),
            let programme = try await ProgrammeRecord.find(project.$programme.id, on: db)
        else { throw DomainError.notFound("project") }
        return try await Accountability.standing(db, actor, project: project, programme: programme)
    }
}
