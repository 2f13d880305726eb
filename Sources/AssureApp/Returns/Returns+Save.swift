import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Returns {
    /// Saves a return as a draft or submits it. Refused when the actor may not edit the project's programme, when the
    /// period is published, when the return is approved, when a value is bad (field → message), or when someone else
    /// saved since the form was opened. Submitting a Red or declining rating queues an alert to the SRO.
    public static func save(
        _ db: Database, _ actor: Actor, periodID: UUID, projectID: UUID, form: ReturnForm,
        action: ReturnAction = .submit, links: NoticeLinks = .none
    ) async throws {
        precondition(!action.isReview, "reviews go through Returns.review")
        try await db.writeTransaction { db in
            try await saveInTransaction(
                db, actor, periodID: periodID, projectID: projectID, form: form, action: action, links: links)
        }
    }

    /// The body of `save`, for callers that write several returns in one transaction (a workbook upload).
    static func saveInTransaction(
        _ db: Database, _ actor: Actor, periodID: UUID, projectID: UUID, form: ReturnForm,
        action: ReturnAction, links: NoticeLinks
    ) async throws {
        let period = try await PeriodRecord.requireWritable(db, periodID: periodID)
        guard let project = try await ProjectRecord.find(projectID, on: db),
            let programme = try await ProgrammeRecord.find(project.$programme.id, on: db),
            programme.$portfolio.id == period.$portfolio.id,
            let portfolio = try await PortfolioRecord.find(period.$portfolio.id, on: db)
        else {
            throw DomainError.notFound("project in this period's portfolio")
        }
        guard actor.canEdit(programme: try programme.requireID()) else {
            throw DomainError.forbidden("\(actor.name) may not write returns for \(programme.name)")
        }
        guard period.status == PeriodStatus.open.rawValue else {
            throw DomainError.invalid(["period": "Period \(period.label) is \(period.status), not open for returns."])
        }
        let errors = form.validate(
            on: try portfolio.info.scale, submitting: action == .submit, requireUpdate: portfolio.requireUpdate)
        if !errors.isEmpty { throw DomainError.invalid(errors) }

        let existing = try await ReturnRecord.query(on: db).filter(\.$period.$id == periodID)
            .filter(\.$project.$id == projectID).with(\.$milestones).first()
        let standing = ReturnWorkflow.Standing(canEdit: true, isAccountable: false, isPMO: actor.canManagePortfolio)
        let state = try ReturnWorkflow.next(from: existing?.returnState ?? .notStarted, action, standing: standing)
            .mapError { DomainError.invalid(["state": $0.reason]) }.get()
        let before = try existing.map { try $0.info(milestones: $0.milestones) }
        let record = try await write(
            db, existing: existing, periodID: periodID, projectID: projectID, form: form,
            actor: actor, state: state)
        try await ReturnMilestoneRecord.query(on: db).filter(\.$parentReturn.$id == record.requireID()).delete()
        for (position, line) in form.cleanedMilestones.enumerated() {
            try await ReturnMilestoneRecord(returnID: record.requireID(), position: position, line: line).create(on: db)
        }
        let after = try record.info(
            milestones: form.cleanedMilestones.enumerated().map {
                ReturnMilestoneRecord(returnID: try record.requireID(), position: $0.offset, line: $0.element)
            })
        try await AuditLog.record(
            db, actor, existing == nil ? "create" : "update", entity: "return", id: record.id,
            before: before, after: after)
        if state == .submitted {
            try await Alerts.queueIfNeeded(
                db, period: period, project: project, portfolio: portfolio, submitted: after, by: actor,
                links: links)
            try await ReturnEventData.emit(
                .returnSubmitted, db, period: period, project: project, programme: programme,
                saved: record, by: actor)
        }
    }

    /// The conditional update (WHERE version = the form's version) lets exactly one of two concurrent saves win,
    /// on SQLite and PostgreSQL alike; the loser reads back a revision that is not its own.
    private static func write(
        _ db: Database, existing: ReturnRecord?, periodID: UUID, projectID: UUID,
        form: ReturnForm, actor: Actor, state: ReturnState
    ) async throws -> ReturnRecord {
        let revision = UUID.random()
        let conflict = DomainError.conflict(
            "Someone else saved this return while you were editing it. Your changes are below, beside theirs: review them and save again."
        )
        guard let existing else {
            if form.baseVersion != 0 { throw conflict }
            let record = ReturnRecord()
            record.$period.id = periodID
            record.$project.id = projectID
            apply(form, actor: actor, to: record)
            record.state = state.rawValue
            if state == .submitted {
                record.submittedBy = actor.name
                record.submittedAt = WallClock.now()
            }
            record.version = 1
            record.revision = revision
            do { try await record.create(on: db) } catch { throw conflict }
            return record
        }
        guard existing.version == form.baseVersion else { throw conflict }
        let existingID = try existing.requireID()
        let update = ReturnRecord.query(on: db).filter(\.$id == existingID).filter(\.$version == form.baseVersion)
            .set(\.$rating, to: form.rating.trimmingCharacters(in: .whitespaces))
            .set(\.$update, to: form.update).set(\.$mitigation, to: form.mitigation)
            .set(\.$savedBy, to: actor.name).set(\.$savedAt, to: WallClock.now()).set(\.$state, to: state.rawValue)
            .set(\.$version, to: form.baseVersion + 1).set(\.$revision, to: revision)
        if state == .submitted { update.set(\.$submittedBy, to: actor.name).set(\.$submittedAt, to: WallClock.now()) }
        try await update.update()
        guard let saved = try await ReturnRecord.find(existing.requireID(), on: db), saved.revision == revision else {
            throw conflict
        }
        return saved
    }

    private static func apply(_ form: ReturnForm, actor: Actor, to record: ReturnRecord) {
        record.rating = form.rating.trimmingCharacters(in: .whitespaces)
        record.update = form.update
        record.mitigation = form.mitigation
        record.savedBy = actor.name
        record.savedAt = WallClock.now()
    }
}
