import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Imports {
    /// Writes a clean plan into the portfolio in one transaction: new programmes and projects, changed project details,
    /// custom attributes, and each project's return for the period (created as a draft period if it does not exist).
    /// Anything that stops it (a row now clashing with a project added since the preview, an approved return, a
    /// published period) rolls all of it back. `progress` is told how many projects are written of how many.
    /// With `publish`, the period is history being loaded: it is opened if need be and published in the same
    /// transaction (returns not in shown as missing, as a legacy paper printed them), so the next period's arrows
    /// compare with it. Load history oldest first.
    public static func apply(
        _ db: Database, _ actor: Actor, portfolioID: UUID, periodKey: String?, plan: ImportPlan,
        source: String, publish: Bool = false,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> ImportOutcome {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) imports into a portfolio")
        }
        guard plan.isClean else { throw ImportProblems(plan.errors) }
        if plan.returnCount > 0, periodKey == nil {
            throw DomainError.invalid([
                "period": "The table has ratings, updates or milestones: choose the period they report on."
            ])
        }
        if publish, periodKey == nil {
            throw DomainError.invalid(["period": "Publishing as history needs the period the table reports on."])
        }
        return try await db.writeTransaction { db in
            var writer = try await ImportWriter(db, actor, portfolioID: portfolioID, plan: plan)
            let period = try await writer.period(periodKey)
            try await writer.writeProjects(progress: progress)
            try await writer.writeAttributes()
            if let period { try await writer.writeReturns(period: period) }
            try await writer.flushAudit()
            var outcome = writer.outcome
            outcome.periodKey = period?.key
            if publish, let id = period?.id {
                if try await PeriodRecord.find(id, on: db)?.status != PeriodStatus.open.rawValue {
                    _ = try await PeriodLifecycle.open(db, actor, periodID: id)
                }
                _ = try await PeriodLifecycle.publish(db, actor, periodID: id, missing: .showAsMissing)
                outcome.published = true
            }
            try await AuditLog.record(
                db, actor, "import", entity: "portfolio", id: portfolioID,
                after: ImportSummary(source: source, mapping: plan.mapping.saved, outcome: outcome))
            return outcome
        }
    }
}

struct ImportSummary: Encodable {
    let source: String
    let mapping: [String: String]
    let outcome: ImportOutcome
}

/// The state of one import while it writes: what exists, what it created, and the audit entries to insert.
struct ImportWriter {
    let db: any Database
    let actor: Actor
    let portfolioID: UUID
    let plan: ImportPlan
    var outcome = ImportOutcome(
        periodKey: nil, periodCreated: false, createdProgrammes: 0, createdProjects: 0,
        updatedProjects: 0, returnsWritten: 0, attributesWritten: 0)
    var programmeIDs: [String: UUID] = [:]
    var people: [String: UUID] = [:]
    var names: [UUID: String] = [:]
    /// Imported project (by row) → its id once written.
    var projectIDs: [Int: UUID] = [:]
    var audit: [AuditRecord] = []

    init(_ db: any Database, _ actor: Actor, portfolioID: UUID, plan: ImportPlan) async throws {
        self.db = db
        self.actor = actor
        self.portfolioID = portfolioID
        self.plan = plan
        outcome.matchedProjects = plan.updatedProjectCount
        guard try await PortfolioRecord.find(portfolioID, on: db) != nil else {
            throw DomainError.notFound("portfolio")
        }
        for programme in try await ProgrammeRecord.query(on: db).filter(\.$portfolio.$id == portfolioID).all() {
            programmeIDs[programme.name.lowercased()] = try programme.requireID()
        }
        names = try await People.names(db)
        for (id, name) in names { people[name.lowercased()] = people[name.lowercased()] ?? id }
    }

    /// Why an import may not write into this period, if it may not: published periods are frozen, closed ones take no returns.
    static func refusal(_ period: PeriodRecord) -> DomainError? {
        if period.status == PeriodStatus.published.rawValue { return .frozen("Period \(period.label)") }
        if period.status == PeriodStatus.closed.rawValue {
            return .invalid(["period": "Period \(period.label) is closed for returns; open it again to import into it."]
            )
        }
        return nil
    }

    mutating func period(_ key: String?) async throws -> PeriodRecord? {
        guard let key else { return nil }
        guard let month = PeriodKey(key) else {
            throw DomainError.invalid(["period": "“\(key)” is not a period: write the month as YYYY-MM, e.g. 2016-06."]
            )
        }
        if let existing = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == portfolioID).filter(
            \.$key == month.key
        ).first() {
            if let refusal = Self.refusal(existing) { throw refusal }
            return existing
        }
        let info = try await PeriodLifecycle.create(db, actor, portfolioID: portfolioID, key: month.key)
        outcome.periodCreated = true
        return try await PeriodRecord.find(info.id, on: db)
    }

    mutating func person(_ name: String?) async throws -> UUID? {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        if let id = people[name.lowercased()] { return id }
        let record = PersonRecord(name: name, jobTitle: nil, organisationID: nil)
        try await record.create(on: db)
        people[name.lowercased()] = try record.requireID()
        names[try record.requireID()] = name
        return try record.requireID()
    }

    mutating func programme(_ name: String) async throws -> UUID {
        if let id = programmeIDs[name.lowercased()] { return id }
        let record = ProgrammeRecord()
        record.$portfolio.id = portfolioID
        record.name = name
        record.kind = ProgrammeKind.programme.rawValue
        record.sortOrder = programmeIDs.count
        try await record.create(on: db)
        programmeIDs[name.lowercased()] = try record.requireID()
        outcome.createdProgrammes += 1
        try log("create", "programme", record.id, before: String?.none, after: record.info(names: names))
        return try record.requireID()
    }

    mutating func log<Before: Encodable, After: Encodable>(
        _ action: String, _ entity: String, _ id: UUID?,
        before: Before?, after: After?
    ) throws {
        audit.append(try AuditLog.entry(actor, action, entity: entity, id: id, before: before, after: after))
    }

    mutating func flushAudit() async throws {
        try await AuditChain.append(db, audit)
        audit = []
    }

    static func changedSinceReading(_ what: String) -> DomainError {
        .conflict("\(what) changed since the preview was made; preview the file again.")
    }
}
