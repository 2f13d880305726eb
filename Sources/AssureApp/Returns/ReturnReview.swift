import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Returns {
    /// The SRO or the PMO approves a submitted return, or returns it to the lead with a comment.
    /// `baseVersion` is the version the reviewer read: a return changed since then is a conflict, not silently approved.
    @discardableResult
    public static func review(
        _ db: Database, _ actor: Actor, periodID: UUID, projectID: UUID, action: ReturnAction,
        comment: String, baseVersion: Int
    ) async throws -> ReturnState {
        precondition(action.isReview, "saving goes through Returns.save")
        return try await db.writeTransaction { db in
            let period = try await PeriodRecord.requireWritable(db, periodID: periodID)
            guard let project = try await ProjectRecord.find(projectID, on: db),
                let programme = try await ProgrammeRecord.find(project.$programme.id, on: db),
                programme.$portfolio.id == period.$portfolio.id
            else {
                throw DomainError.notFound("project in this period's portfolio")
            }
            guard
                let record = try await ReturnRecord.query(on: db).filter(\.$period.$id == periodID)
                    .filter(\.$project.$id == projectID).first()
            else {
                throw DomainError.invalid(["state": "There is no return to review yet."])
            }
            var standing = try await Accountability.standing(db, actor, project: project, programme: programme)
            standing.isAuthor = SegregationOfDuties.isAuthor(
                actor, savedBy: record.savedBy, submittedBy: record.submittedBy)
            let trimmed = comment.trimmingCharacters(in: .whitespacesAndNewlines)
            let state: ReturnState
            switch ReturnWorkflow.next(from: try record.returnState, action, comment: trimmed, standing: standing) {
            case .success(let next): state = next
            case .failure(let refusal) where !standing.mayReview:
                throw DomainError.forbidden(refusal.reason)
            case .failure(let refusal): throw DomainError.invalid(["comment": refusal.reason])
            }
            guard comment.unicodeScalars.count <= ReturnForm.maxTextLength else {
                throw DomainError.invalid(["comment": "Keep the comment under \(ReturnForm.maxTextLength) characters."]
                )
            }
            let before = ["state": record.state, "reviewComment": record.reviewComment ?? ""]
            guard record.version == baseVersion else {
                throw DomainError.conflict(
                    "This return changed since you opened it: read it again before you \(action == .approve ? "approve" : "return") it."
                )
            }
            let revision = UUID.random()
            try await ReturnRecord.query(on: db).filter(\.$id == record.requireID()).filter(\.$version == baseVersion)
                .set(\.$state, to: state.rawValue).set(\.$reviewedBy, to: actor.name).set(
                    \.$reviewedAt, to: WallClock.now()
                )
                .set(\.$reviewComment, to: trimmed.isEmpty ? nil : trimmed)
                .set(\.$version, to: baseVersion + 1).set(\.$revision, to: revision).update()
            guard let saved = try await ReturnRecord.find(record.requireID(), on: db), saved.revision == revision else {
                throw DomainError.conflict("This return changed since you opened it: read it again.")
            }
            try await AuditLog.record(
                db, actor, action.rawValue, entity: "return", id: record.id, before: before,
                after: ["state": state.rawValue, "reviewComment": trimmed])
            if state == .approved {
                try await ReturnEventData.emit(
                    .returnApproved, db, period: period, project: project, programme: programme,
                    saved: saved, by: actor)
            }
            return state
        }
    }
}
