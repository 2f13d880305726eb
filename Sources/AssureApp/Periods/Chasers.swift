import AssureCore
import AssureStorage
import Fluent
import Foundation

/// Chasers for returns not yet in: one message per person, listing every return they owe.
public enum Chasers {
    public struct Result: Equatable, Sendable {
        /// Addresses a chaser was queued for.
        public var queued: [String] = []
        /// Addresses already chased today (or, for automatic chasers, already chased for this period).
        public var alreadyChased: [String] = []
        /// Returns with no one to send to: no lead with an email and no editor.
        public var unreachable: [String] = []
    }

    /// The PMO chases now. At most one chaser per person per day, so a double click sends one.
    public static func chase(
        _ db: Database, _ actor: Actor, periodID: UUID, links: NoticeLinks,
        today: CalendarDate = .today
    ) async throws -> Result {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) sends chasers") }
        return try await db.writeTransaction { db in
            let result = try await queue(
                db, periodID: periodID, links: links, key: { "chaser:\(periodID):\($0):\(today.iso)" })
            try await AuditLog.record(
                db, actor, "chase", entity: "period", id: periodID, after: ["queued": result.queued])
            return result
        }
    }

    /// The automatic chaser: for each open period with a due date, once, when the portfolio's chase day arrives.
    public static func chaseScheduled(
        _ db: Database, links: NoticeLinks, today: CalendarDate = .today
    ) async throws -> Result {
        var total = Result()
        let portfolios = try await PortfolioRecord.query(on: db).filter(\.$chaseDaysBefore != nil).all()
        for portfolio in portfolios {
            let periods = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == portfolio.requireID())
                .filter(\.$status == PeriodStatus.open.rawValue).filter(\.$returnsDue != nil).all()
            for period in periods {
                guard let due = period.returnsDue.flatMap(CalendarDate.init(iso:)),
                    let days = portfolio.chaseDaysBefore,
                    today >= due.adding(days: -days), today <= due
                else { continue }
                let periodID = try period.requireID()
                // Every server checks the schedule; the one that takes the lock queues, and the others leave it.
                let result = try await db.writeTransaction { db in
                    guard try await WorkLock.take(db, "chasers:\(periodID)") else { return Result() }
                    return try await queue(
                        db, periodID: periodID, links: links, key: { "chaser-auto:\(periodID):\($0)" })
                }
                total.queued += result.queued
                total.alreadyChased += result.alreadyChased
                total.unreachable += result.unreachable
            }
        }
        return total
    }

    private static func queue(
        _ db: Database, periodID: UUID, links: NoticeLinks,
        key: (String) -> String
    ) async throws -> Result {
        let tracking = try await Returns.tracking(db, periodID: periodID)
        guard tracking.period.status == .open else {
            throw DomainError.invalid([
                "period":
                    "Period \(tracking.period.label) is \(tracking.period.status.rawValue): only an open period is chased."
            ])
        }
        var result = Result()
        var owed: [String: (name: String, returns: [Notices.ChasedReturn])] = [:]
        for row in tracking.missing {
            let reachable = row.owners.filter { $0.email != nil }
            if reachable.isEmpty { result.unreachable.append(row.project.displayName) }
            for owner in reachable {
                let address = owner.email!.lowercased()
                let item = Notices.ChasedReturn(
                    project: row.project, state: row.state,
                    link: links.returnForm(periodID, row.project.id))
                owed[address, default: (owner.name, [])].returns.append(item)
            }
        }
        for (address, owing) in owed.sorted(by: { $0.key < $1.key }) {
            let message = Notices.chaser(
                to: address, name: owing.name, portfolio: tracking.portfolio.name,
                period: tracking.period, due: tracking.returnsDue, returns: owing.returns)
            let queued = try await Outbox.enqueue(
                db, kind: "chaser", message, dedupeKey: key(address), periodID: periodID, projectID: nil)
            if queued { result.queued.append(address) } else { result.alreadyChased.append(address) }
        }
        return result
    }
}
