import AssureCore
import FluentKit
import Foundation
import SQLKit

/// What a signed-in person is shown of a period: the core's `Readership`, read from their role, the programmes they
/// edit and the projects they answer for (as SRO, or as the clinical lead of a programme whose project names no SRO).
public enum Readerships {
    public static func of(_ db: Database, _ actor: Actor) async throws -> Readership {
        if actor.canManagePortfolio { return .pmo }
        return Readership(
            isPMO: false, editableProgrammes: actor.role == .editor ? actor.programmeIDs : [],
            reviewedProjects: try await reviewedProjects(db, actor))
    }

    static func reviewedProjects(_ db: Database, _ actor: Actor) async throws -> Set<UUID> {
        guard let userID = actor.userID, let sql = db as? SQLDatabase else { return [] }
        return Set(try await sql.rows(accountableProjects(userID: userID), { try $0.uuid(0) }))
    }

    /// The projects a user answers for, as a query of their ids: their address is matched to people, and a project is
    /// theirs where they are its SRO, or where it has no SRO and they are its programme's clinical lead. Indexed lookups
    /// (M033), not a walk over every project (0.7 s a request at 100,000 projects).
    package static func accountableProjects(userID: UUID) -> SQLQueryString {
        let person: SQLQueryString = """
            SELECT s.id FROM people s JOIN users u ON LOWER(u.email) = LOWER(s.email) WHERE u.id = \(bind: userID)
            """
        return """
            SELECT p.id FROM projects p WHERE p.sro_id IN (\(person))
            UNION
            SELECT p.id FROM projects p JOIN programmes g ON g.id = p.programme_id
            WHERE p.sro_id IS NULL AND g.clinical_lead_id IN (\(person))
            """
    }
}
