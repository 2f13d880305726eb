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
        struct Row: Decodable { let id: RowUUID }
        // One query: the user's address is matched to the accountable person's (SRO, else the clinical lead).
        let rows = try await sql.raw(
            """
            SELECT p.id FROM projects p JOIN programmes g ON g.id = p.programme_id
            JOIN people s ON s.id = COALESCE(p.sro_id, g.clinical_lead_id)
            JOIN users u ON LOWER(u.email) = LOWER(s.email)
            WHERE u.id = \(bind: userID)
            """
        ).all(decoding: Row.self)
        return Set(rows.map(\.id.value))
    }
}
