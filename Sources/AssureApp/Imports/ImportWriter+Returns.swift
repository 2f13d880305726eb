import AssureCore
import AssureStorage
import Fluent
import Foundation

extension ImportWriter {
    /// Each project's return: blank cells leave a value as it was; milestones given replace the return's milestones.
    /// An approved return is locked and stops the import.
    mutating func writeReturns(period: PeriodRecord) async throws {
        let imported = plan.allProjects.filter(\.hasReturn)
        let ids = imported.compactMap { projectIDs[$0.row] }
        var existing: [UUID: ReturnRecord] = [:]
        try await ids.inBatches(of: 1000) { batch in
            for record in try await ReturnRecord.query(on: db).filter(\.$period.$id == period.requireID())
                .filter(\.$project.$id ~~ batch).with(\.$milestones).all()
            {
                existing[record.$project.id] = record
            }
        }
        var locked: [String: String] = [:]
        for project in imported {
            if let id = projectIDs[project.row], existing[id]?.state == ReturnState.approved.rawValue {
                locked["row \(project.row)"] =
                    "The return for \(project.label) in \(period.label) is approved and locked."
            }
        }
        if !locked.isEmpty { throw DomainError.invalid(locked) }
        var newReturns: [ReturnRecord] = []
        var milestones: [ReturnMilestoneRecord] = []
        var replacedMilestones: [UUID] = []
        for project in imported {
            guard let projectID = projectIDs[project.row] else { continue }
            let record = existing[projectID] ?? ReturnRecord()
            let before = try existing[projectID].map { try $0.info(milestones: $0.milestones) }
            if record.id == nil {
                record.id = UUID.random()
                record.$period.id = try period.requireID()
                record.$project.id = projectID
                record.update = ""
                record.mitigation = ""
                record.version = 0
            }
            if let rating = project.rating { record.rating = rating }
            if let trend = project.trend { record.reportedTrend = trend.rawValue }
            if let update = project.update { record.update = update }
            if let mitigation = project.mitigation { record.mitigation = mitigation }
            record.state = ReturnState.submitted.rawValue
            record.submittedBy = actor.name
            record.submittedAt = WallClock.now()
            record.savedBy = actor.name
            record.savedAt = WallClock.now()
            record.version += 1
            record.revision = UUID.random()
            var lines = before?.milestones ?? []
            if !project.milestones.isEmpty {
                lines = project.milestones
                if before != nil { replacedMilestones.append(try record.requireID()) }
                milestones += try lines.enumerated().map {
                    ReturnMilestoneRecord(returnID: try record.requireID(), position: $0.offset, line: $0.element)
                }
            }
            if before == nil { newReturns.append(record) } else { try await record.save(on: db) }
            var after = ReturnInfo(
                projectID: projectID, rating: record.rating, update: record.update, mitigation: record.mitigation,
                milestones: lines, submittedBy: record.submittedBy, state: .submitted)
            after.reportedTrend = try record.reportedTrend.map { try Trend(stored: $0, "returns.reported_trend") }
            try log(before == nil ? "create" : "update", "return", record.id, before: before, after: after)
        }
        try await newReturns.insert(on: db)
        try await replacedMilestones.inBatches(of: 1000) { batch in
            try await ReturnMilestoneRecord.query(on: db).filter(\.$parentReturn.$id ~~ batch).delete()
        }
        try await milestones.insert(on: db)
        outcome.returnsWritten = imported.count
    }
}
