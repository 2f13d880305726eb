import AssureCore
import AssureStorage
import Fluent
import Foundation
import SQLKit

/// The steps of a publication, in order, as a benchmark times them.
public enum PublicationStep: String, CaseIterable, Sendable {
    case settle = "settling missing returns"
    case read = "reading the period"
    case build = "building the report"
    case summary = "writing the summary"
    case rows = "writing the rows"
    case ratings = "writing the ratings"
    case baselines = "folding the milestone baselines"
    case announce = "queueing webhooks"
}

/// Creating, opening, closing and publishing reporting periods. Publishing freezes the report as a snapshot.
public enum PeriodLifecycle {
    /// Creates a period from what a person wrote: every field checked (each bad one named), then created.
    public static func create(
        _ db: Database, _ actor: Actor, portfolioID: UUID, draft: PeriodDraft
    ) async throws -> PeriodInfo {
        let period = try draft.validated()
        return try await create(
            db, actor, portfolioID: portfolioID, key: period.key, frequency: period.frequency, asAt: period.asAt,
            publishOn: period.publishOn, returnsDue: period.returnsDue)
    }

    public static func create(
        _ db: Database, _ actor: Actor, portfolioID: UUID, key: String,
        frequency: PeriodFrequency = .monthly, asAt: CalendarDate? = nil,
        publishOn: CalendarDate? = nil, label: String? = nil,
        illustrative: Bool = false, returnsDue: CalendarDate? = nil
    ) async throws -> PeriodInfo {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) creates reporting periods")
        }
        guard let month = PeriodKey(key) else {
            throw DomainError.invalid([
                "period": "“\(key)” is not a period: write the month it reports on as YYYY-MM, e.g. 2016-06."
            ])
        }
        let asAt = asAt ?? month.lastDay
        if let publishOn, publishOn < asAt {
            throw DomainError.invalid([
                "publishOn": "The publication date \(publishOn.iso) is before the as-at date \(asAt.iso)."
            ])
        }
        return try await db.writeTransaction { db in
            let existing = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == portfolioID)
                .filter(\.$key == month.key).first()
            if existing != nil {
                throw DomainError.invalid(["period": "Period \(month.key) already exists in this portfolio."])
            }
            guard try await PortfolioRecord.find(portfolioID, on: db) != nil else {
                throw DomainError.notFound("portfolio")
            }
            let record = PeriodRecord()
            record.$portfolio.id = portfolioID
            record.key = month.key
            record.label = label ?? month.label
            record.frequency = frequency.rawValue
            record.asAt = asAt.iso
            record.publishOn = publishOn?.iso
            record.status = PeriodStatus.draft.rawValue
            record.isIllustrative = illustrative
            record.returnsDue = returnsDue?.iso
            record.findingsPublished = false
            try await record.create(on: db)
            try await AuditLog.record(db, actor, "create", entity: "period", id: record.id, after: record.info)
            return try record.info
        }
    }

    public static func open(_ db: Database, _ actor: Actor, periodID: UUID) async throws -> PeriodInfo {
        try await move(db, actor, periodID: periodID, to: .open, from: [.draft, .closed], action: "open")
    }

    public static func close(_ db: Database, _ actor: Actor, periodID: UUID) async throws -> PeriodInfo {
        try await move(db, actor, periodID: periodID, to: .closed, from: [.open], action: "close")
    }

    /// Freezes the period: its report is built once more and stored; from then on its pages come from the snapshot.
    /// Returns not in are carried forward, block publication, or show as missing, as the PMO chooses. The assurance
    /// findings are the PMO's working notes: board readers see them only with `findings: true`. The slip forecast is
    /// refitted afterwards (`refitForecast`), outside the publication's transaction: it reads a year of periods.
    public static func publish(
        _ db: Database, _ actor: Actor, periodID: UUID,
        missing policy: MissingReturnPolicy, findings: Bool = false,
        afterStep: (@Sendable (PublicationStep) -> Void)? = nil
    ) async throws -> PeriodInfo {
        let step = afterStep ?? { _ in }
        return try await db.writeTransaction { db in
            guard actor.canManagePortfolio else {
                throw DomainError.forbidden("only the PMO (admin) can publish a period")
            }
            let record = try await PeriodRecord.requireWritable(db, periodID: periodID)
            if record.findingsPublished != findings {
                record.findingsPublished = findings
                try await record.save(on: db)
            }
            try await settleMissingReturns(db, actor, periodID: periodID, policy: policy)
            step(.settle)
            let data = try await Reports.periodData(db, periodID: periodID)
            step(.read)
            let report = PeriodReportBuilder.build(data)
            step(.build)
            let info = try await move(
                db, actor, periodID: periodID, to: .published, from: [.open, .closed], action: "publish")
            let published = report.with(period: info)
            let snapshot = PeriodSnapshotRecord()
            snapshot.$period.id = periodID
            snapshot.reportJSON = try Reports.document(published.summary)
            snapshot.createdAt = WallClock.now()
            try await snapshot.create(on: db)
            step(.summary)
            if let sql = db as? SQLDatabase {
                try await PublishedRows.write(sql, periodID: periodID, published)
                step(.rows)
                try await PeriodRatings.write(sql, periodID: periodID, published.effectiveRatings)
                step(.ratings)
                try await MilestoneBaselines.fold(
                    sql, portfolioID: published.portfolio.id, period: periodID, key: info.key, asAt: info.asAt.iso,
                    repeating: data.returns.values.filter(\.repeatsATitle).map(\.projectID))
                step(.baselines)
            }
            try await announce(db, published, by: actor)
            step(.announce)
            return info
        }
    }

    /// Queues the publication's webhook deliveries: the period, and each project rated Red now that was rated
    /// otherwise in the period published before (a project new to Red, not one Red all along).
    private static func announce(_ db: Database, _ published: PeriodReport, by actor: Actor) async throws {
        let hooks = try await Webhooks.subscribers(db)
        guard !hooks.events.isEmpty else { return }
        let period = published.period
        let key = "\(period.id)|\(WallClock.now().timeIntervalSince1970)"
        try await hooks.emit(
            db, .periodPublished, key: key,
            data: PeriodEventData(
                periodID: period.id, period: period.key, label: period.label, portfolio: published.portfolio.name,
                publishedBy: actor.name))
        guard hooks.events.contains(.ratingDeclinedToRed) else { return }
        let portfolio = try await Catalogue.portfolio(db, id: published.portfolio.id)
        guard let previous = portfolio.published(before: period) else { return }
        let before = try await PeriodRatings.read(db, periodID: previous.id)
        let now = published.effectiveRatings
        for programme in published.programmes {
            for row in programme.projects.flatMap({ [$0] + $0.children }) {
                guard now[row.project.id]?.code == "red", let was = before[row.project.id], was.code != "red" else {
                    continue
                }
                try await hooks.emit(
                    db, .ratingDeclinedToRed, key: "\(key)|\(row.project.id)",
                    data: DeclineEventData(
                        periodID: period.id, period: period.key, projectID: row.project.id,
                        reference: row.project.reference, title: row.project.title,
                        programme: programme.programme.name, rating: "Red", previousRating: was.label,
                        previousPeriod: previous.key))
            }
        }
    }

    /// Re-opens a published period for correction. The reason is required and audit-logged, and the snapshot the
    /// board saw is archived with it, never deleted.
    public static func reopen(_ db: Database, _ actor: Actor, periodID: UUID, reason: String) async throws -> PeriodInfo
    {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) can re-open a period")
        }
        // Counted as sent, in code points, as the API's schema counts them.
        guard reason.unicodeScalars.count <= 2000 else {
            throw DomainError.invalid(["reason": "Keep the reason under 2,000 characters."])
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw DomainError.invalid([
                "reason": "Say why the published period is re-opened: the reason is kept in the audit log."
            ])
        }
        return try await db.writeTransaction { db in
            guard let record = try await PeriodRecord.find(periodID, on: db) else {
                throw DomainError.notFound("reporting period")
            }
            let before = try record.info
            guard before.status == .published else {
                throw DomainError.invalid([
                    "status":
                        "Period \(before.label) is \(before.status.rawValue), not published: there is nothing to re-open."
                ])
            }
            if let snapshot = try await PeriodSnapshotRecord.query(on: db).filter(\.$period.$id == periodID).first() {
                let archived = ArchivedSnapshotRecord()
                archived.$period.id = periodID
                // The archive keeps the whole report as one document: it is read once in a while, whole.
                archived.reportJSON = try Reports.document(try await Reports.report(db, periodID: periodID))
                archived.publishedAt = record.publishedAt ?? snapshot.createdAt
                archived.reopenedAt = WallClock.now()
                archived.reopenedBy = actor.name
                archived.reason = reason
                try await archived.create(on: db)
                try await snapshot.delete(on: db)
            }
            if let sql = db as? SQLDatabase {
                try await sql.delete(from: "period_ratings").where("period_id", .equal, periodID).run()
                try await PublishedRows.delete(sql, periodID: periodID)
                try await BoardSummaries.forget(sql, periodID: periodID)
                try await MilestoneBaselines.discard(sql, portfolioID: record.$portfolio.id)
                try await SlipForecasts.forget(sql, periodID: periodID)
            }
            record.status = PeriodStatus.open.rawValue
            record.publishedAt = nil
            record.findingsPublished = false
            try await record.save(on: db)
            try await AuditLog.record(
                db, actor, "reopen", entity: "period", id: periodID, before: before,
                after: ReopenedPeriod(period: record.info, reason: reason))
            return try record.info
        }
    }

    /// What the board saw before each re-opening: the archived reports, oldest first, with who re-opened and why.
    public static func archivedReports(
        _ db: Database, periodID: UUID
    ) async throws -> [(reopenedAt: Date, by: String, reason: String, report: PeriodReport)] {
        try await ArchivedSnapshotRecord.query(on: db).filter(\.$period.$id == periodID).sort(\.$reopenedAt).all().map {
            (
                $0.reopenedAt, $0.reopenedBy, $0.reason,
                try Reports.decoder.decode(PeriodReport.self, from: Data($0.reportJSON.utf8))
            )
        }
    }

    /// The day returns are due: chasers say it, and scheduled chasers count back from it.
    public static func setReturnsDue(_ db: Database, _ actor: Actor, periodID: UUID, due: CalendarDate?) async throws {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) sets deadlines") }
        try await db.writeTransaction { db in
            let record = try await PeriodRecord.requireWritable(db, periodID: periodID)
            let before = record.returnsDue
            record.returnsDue = due?.iso
            try await record.save(on: db)
            try await AuditLog.record(
                db, actor, "set-returns-due", entity: "period", id: periodID, before: before, after: due?.iso)
        }
    }

    private struct ReopenedPeriod: Encodable {
        let period: PeriodInfo
        let reason: String
    }

    /// Applies the policy to every expected return that is not in.
    private static func settleMissingReturns(
        _ db: Database, _ actor: Actor, periodID: UUID,
        policy: MissingReturnPolicy
    ) async throws {
        guard policy != .showAsMissing, try await Returns.anyNotIn(db, periodID: periodID) else { return }
        let (projects, states) = try await Returns.publicationStates(db, periodID: periodID)
        let missing = Publication.missing(projects, states: states)
        guard !missing.isEmpty else { return }
        if policy == .block {
            let reasons = Publication.blockingReasons(missing, states: states)
            throw DomainError.invalid([
                "missing": Publication.blockedHeadline(missing.count) + ": " + reasons.joined(separator: "; ") + "."
            ])
        }
        try await CarryForward.apply(db, actor, periodID: periodID, projects: missing.map(\.id))
    }

    private static func move(
        _ db: Database, _ actor: Actor, periodID: UUID, to status: PeriodStatus,
        from allowed: [PeriodStatus], action: String
    ) async throws -> PeriodInfo {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) can \(action) a period")
        }
        guard let record = try await PeriodRecord.find(periodID, on: db) else {
            throw DomainError.notFound("reporting period")
        }
        let before = try record.info
        if before.status == .published { throw DomainError.frozen("Period \(before.label)") }
        guard allowed.contains(before.status) else {
            throw DomainError.invalid([
                "status": "A \(before.status.rawValue) period cannot be \(pastParticiple[action] ?? action)."
            ])
        }
        record.status = status.rawValue
        if status == .published { record.publishedAt = WallClock.now() }
        try await record.save(on: db)
        try await AuditLog.record(db, actor, action, entity: "period", id: periodID, before: before, after: record.info)
        return try record.info
    }

    /// Whole words for messages: "cannot be published", never a verb with a letter stuck on.
    private static let pastParticiple = ["open": "opened", "close": "closed", "publish": "published"]

}
