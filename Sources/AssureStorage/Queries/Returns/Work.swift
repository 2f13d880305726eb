import AssureCore
import FluentKit
import Foundation
import SQLKit

/// The work of the periods now open, for each role's home.
public enum Work {
    /// Each portfolio's open periods' return tracking, in portfolio order, latest period first.
    public static func openPeriods(_ db: Database) async throws -> [ReturnTracking] {
        let open = try await PeriodRecord.query(on: db).filter(\.$status == PeriodStatus.open.rawValue)
            .sort(\.$asAt, .descending).all()
        var result: [ReturnTracking] = []
        for period in open { result.append(try await Returns.tracking(db, periodID: try period.requireID())) }
        return result.sorted { $0.portfolio.name < $1.portfolio.name }
    }

    /// The signed-in user's address, which names them as a project's lead or SRO.
    public static func email(_ db: Database, _ actor: Actor) async throws -> String? {
        guard let id = actor.userID else { return nil }
        return try await UserRecord.find(id, on: db)?.email
    }

    /// How many submitted returns in open periods wait for this user's review as SRO or clinical lead (not their own):
    /// one query, for the count in the navigation.
    public static func waitingForReview(_ db: Database, _ actor: Actor) async throws -> Int {
        guard let userID = actor.userID, let sql = db as? SQLDatabase else { return 0 }
        struct Count: Decodable { let n: Int }
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM returns r
            JOIN periods pe ON pe.id = r.period_id JOIN users u ON u.id = \(bind: userID)
            WHERE r.project_id IN (\(Readerships.accountableProjects(userID: userID)))
            AND pe.status = \(bind: PeriodStatus.open.rawValue) AND r.state = \(bind: ReturnState.submitted.rawValue)
            AND COALESCE(r.saved_by, r.submitted_by, '') <> u.name
            """
        ).first(decoding: Count.self)
        return row?.n ?? 0
    }

    /// Chasers queued for a period and how many of them have gone.
    public static func chasers(_ db: Database, periodID: UUID) async throws -> (queued: Int, sent: Int) {
        let all = try await OutboxRecord.query(on: db).filter(\.$periodID == periodID).filter(\.$kind == "chaser")
            .all(\.$status)
        return (all.count, all.filter { $0 == "sent" }.count)
    }
}
