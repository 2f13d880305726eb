import AssureCore
import AssureStorage
import Fluent
import Foundation

/// At publication, a missing return is replaced by the project's last one, marked carried forward. Whatever draft was
/// there is kept in the audit log entry that replaces it.
enum CarryForward {
    static func apply(_ db: Database, _ actor: Actor, periodID: UUID, projects: [UUID]) async throws {
        guard let period = try await PeriodRecord.find(periodID, on: db) else {
            throw DomainError.notFound("reporting period")
        }
        let subItems = try await ProjectRecord.query(on: db).filter(\.$parent.$id ~~ projects).all()
        let family = projects + subItems.compactMap(\.id)
        let current = try await ReturnRecord.query(on: db).filter(\.$period.$id == periodID)
            .filter(\.$project.$id ~~ family).with(\.$milestones).all()
        let currentByProject = Dictionary(current.map { ($0.$project.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A sub-item is carried with its project only where it has nothing of its own this period.
        let targets = projects + subItems.compactMap(\.id).filter { currentByProject[$0] == nil }
        let last = try await Returns.latestEarlierWithPeriod(db, before: period, projects: targets)
        for projectID in targets {
            guard let (previous, previousKey) = last[projectID] else { continue }
            let carried = Publication.carriedForward(previous, reportedIn: previousKey)
            let existing = currentByProject[projectID]
            let before = try existing.map { try $0.info(milestones: $0.milestones) }
            let record = existing ?? ReturnRecord()
            if existing == nil {
                record.$period.id = periodID
                record.$project.id = projectID
                record.version = 0
            }
            record.rating = carried.rating
            record.reportedTrend = nil
            record.update = carried.update
            record.mitigation = carried.mitigation
            record.submittedBy = carried.submittedBy
            record.submittedAt = carried.submittedAt
            record.state = ReturnState.carriedForward.rawValue
            record.carriedFromKey = carried.carriedForward?.fromKey
            record.carriedPeriods = carried.carriedForward?.periods
            record.savedBy = actor.name
            record.savedAt = WallClock.now()
            record.version += 1
            record.revision = UUID.random()
            try await record.save(on: db)
            try await ReturnMilestoneRecord.query(on: db).filter(\.$parentReturn.$id == record.requireID()).delete()
            for (position, line) in carried.milestones.enumerated() {
                try await ReturnMilestoneRecord(returnID: record.requireID(), position: position, line: line).create(
                    on: db)
            }
            try await AuditLog.record(
                db, actor, "carry-forward", entity: "return", id: record.id, before: before, after: carried)
        }
    }
}
