import AssureCore
import AssureStorage
import Fluent
import Foundation

/// Setting up a portfolio by hand: the portfolio with its scale, its programmes, their projects and sub-items.
public extension Structure {
    static func createPortfolio(
        _ db: Database, _ actor: Actor, name: String, scale: RatingScaleKind
    ) async throws -> PortfolioInfo {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) creates portfolios") }
        let name = try required(name, field: "name", what: "the portfolio")
        return try await db.writeTransaction { db in
            if try await PortfolioRecord.query(on: db).filter(\.$name == name).first() != nil {
                throw DomainError.invalid(["name": "There is already a portfolio called \(name)."])
            }
            let record = PortfolioRecord(name: name, scale: scale.rawValue, organisationID: nil)
            try await record.create(on: db)
            try await AuditLog.record(db, actor, "create", entity: "portfolio", id: record.id, after: record.info)
            return try record.info
        }
    }

    static func createProgramme(
        _ db: Database, _ actor: Actor, portfolioID: UUID, name: String, kind: ProgrammeKind,
        clinicalLead: String? = nil, headOfService: String? = nil
    ) async throws -> ProgrammeInfo {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) adds programmes") }
        let name = try required(name, field: "name", what: "the programme")
        return try await db.writeTransaction { db in
            guard try await PortfolioRecord.find(portfolioID, on: db) != nil else {
                throw DomainError.notFound("portfolio")
            }
            let siblings = try await ProgrammeRecord.query(on: db).filter(\.$portfolio.$id == portfolioID).all()
            if siblings.contains(where: { $0.name == name }) {
                throw DomainError.invalid(["name": "This portfolio already has a programme called \(name)."])
            }
            let record = ProgrammeRecord()
            record.$portfolio.id = portfolioID
            record.name = name
            record.kind = kind.rawValue
            record.$clinicalLead.id = try await People.findOrCreate(db, name: clinicalLead)
            record.$headOfService.id = try await People.findOrCreate(db, name: headOfService)
            record.sortOrder = (siblings.map(\.sortOrder).max() ?? -1) + 1
            try await record.create(on: db)
            let info = try record.info(names: try await People.names(db))
            try await AuditLog.record(db, actor, "create", entity: "programme", id: record.id, after: info)
            return info
        }
    }

    /// Adds a project to a programme, or a sub-item a), b), c) to a project when `parentID` is given.
    static func createProject(
        _ db: Database, _ actor: Actor, programmeID: UUID, parentID: UUID? = nil, reference: String?,
        title: String, sro: String?, lead: String?
    ) async throws -> ProjectInfo {
        guard actor.canEdit(programme: programmeID) else {
            throw DomainError.forbidden("\(actor.name) may not add projects here")
        }
        let title = try required(title, field: "title", what: "the project")
        let reference = reference?.nilIfBlank
        return try await db.writeTransaction { db in
            guard let programme = try await ProgrammeRecord.find(programmeID, on: db) else {
                throw DomainError.notFound("programme")
            }
            if let parentID {
                guard let parent = try await ProjectRecord.find(parentID, on: db), parent.$programme.id == programmeID,
                    parent.$parent.id == nil
                else {
                    throw DomainError.invalid(["parent": "A sub-item belongs to a project of the same programme."])
                }
            }
            if let reference {
                let programmes = try await ProgrammeRecord.query(on: db).filter(
                    \.$portfolio.$id == programme.$portfolio.id
                ).all().compactMap(\.id)
                let clash = try await ProjectRecord.query(on: db).filter(\.$programme.$id ~~ programmes).filter(
                    \.$reference == reference
                ).first()
                if clash != nil {
                    throw DomainError.invalid(["reference": "\(reference) is already used in this portfolio."])
                }
            }
            let record = ProjectRecord()
            record.$programme.id = programmeID
            record.$parent.id = parentID
            record.reference = reference
            record.title = title
            record.$sro.id = try await People.findOrCreate(db, name: sro)
            record.$lead.id = try await People.findOrCreate(db, name: lead)
            record.sortOrder = try await nextSortOrder(db, programmeID: programmeID, parentID: parentID)
            record.version = 1
            try await record.create(on: db)
            let info = try record.info(names: try await People.names(db))
            try await AuditLog.record(db, actor, "create", entity: "project", id: record.id, after: info)
            return info
        }
    }

    /// A sub-item goes straight after its parent's last sub-item; a project goes last.
    private static func nextSortOrder(_ db: Database, programmeID: UUID, parentID: UUID?) async throws -> Int {
        let projects = try await ProjectRecord.query(on: db).filter(\.$programme.$id == programmeID).all()
        guard let parentID, let parent = projects.first(where: { $0.id == parentID }) else {
            return (projects.map(\.sortOrder).max() ?? 0) + 1000
        }
        let family = projects.filter { $0.id == parentID || $0.$parent.id == parentID }.map(\.sortOrder)
        let next = projects.map(\.sortOrder).filter { $0 > parent.sortOrder && !family.contains($0) }.min()
        let last = family.max() ?? parent.sortOrder
        guard let next else { return last + 1 }
        guard next - last > 1 else { throw DomainError.conflict("No room to insert a sub-item here; try again.") }
        return last + (next - last) / 2
    }

    /// Chooses which assurance checks this portfolio runs. Published periods keep the findings they were published with.
    static func setDisabledChecks(
        _ db: Database, _ actor: Actor, portfolioID: UUID, disabled: Set<Flag.Kind>
    ) async throws {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) chooses the checks") }
        if disabled.contains(where: { !$0.canBeSwitchedOff }) {
            throw DomainError.invalid(["checks": "A missing or carried-forward return is always shown."])
        }
        try await db.writeTransaction { db in
            guard let portfolio = try await PortfolioRecord.find(portfolioID, on: db) else {
                throw DomainError.notFound("portfolio")
            }
            let before = portfolio.checksSwitchedOff.map(\.rawValue).sorted()
            portfolio.disabledChecks = disabled.map(\.rawValue).sorted().joined(separator: ",")
            try await portfolio.save(on: db)
            try await AuditLog.record(
                db, actor, "set-checks", entity: "portfolio", id: portfolioID,
                before: ["switchedOff": before], after: ["switchedOff": disabled.map(\.rawValue).sorted()])
        }
    }

    /// Whether a return may be submitted with no update written.
    static func setRequireUpdate(_ db: Database, _ actor: Actor, portfolioID: UUID, required: Bool) async throws {
        try await setSwitch(
            db, actor, portfolioID: portfolioID, \.requireUpdate, to: required, action: "set-require-update",
            name: "requireUpdate")
    }

    /// Whether milestones likely to slip are shown. Switched off, no page shows a forecast; each publication still
    /// refits it, so that switching it back on shows the latest period's.
    static func setSlipForecastShown(
        _ db: Database, _ actor: Actor, portfolioID: UUID, shown: Bool
    ) async throws {
        try await setSwitch(
            db, actor, portfolioID: portfolioID, \.slipForecastShown, to: shown, action: "set-slip-forecast",
            name: "slipForecastShown")
    }

    /// One of a portfolio's on-off settings, by the PMO only, audited when it changes.
    private static func setSwitch(
        _ db: Database, _ actor: Actor, portfolioID: UUID, _ setting: ReferenceWritableKeyPath<PortfolioRecord, Bool>,
        to value: Bool, action: String, name: String
    ) async throws {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) sets this") }
        try await db.writeTransaction { db in
            guard let portfolio = try await PortfolioRecord.find(portfolioID, on: db) else {
                throw DomainError.notFound("portfolio")
            }
            let before = portfolio[keyPath: setting]
            guard before != value else { return }
            portfolio[keyPath: setting] = value
            try await portfolio.save(on: db)
            try await AuditLog.record(
                db, actor, action, entity: "portfolio", id: portfolioID, before: [name: before], after: [name: value])
        }
    }

    private static func required(_ text: String, field: String, what: String) throws -> String {
        guard let value = text.nilIfBlank else { throw DomainError.invalid([field: "Give \(what) a \(field)."]) }
        // Counted as sent, in code points, as the API's schema (JSON Schema's maxLength) counts them.
        guard text.unicodeScalars.count <= 500 else {
            throw DomainError.invalid([field: "Keep the \(field) under 500 characters."])
        }
        return value
    }
}

extension Structure {
    /// Chase missing returns automatically this many days before a period's due date; nil leaves chasing to the PMO.
    public static func setChaseSchedule(
        _ db: Database, _ actor: Actor, portfolioID: UUID, daysBefore: Int?
    ) async throws {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) schedules chasers") }
        if let daysBefore, !(0...60).contains(daysBefore) {
            throw DomainError.invalid(["chaseDaysBefore": "Chase from 0 to 60 days before returns are due."])
        }
        try await db.writeTransaction { db in
            guard let portfolio = try await PortfolioRecord.find(portfolioID, on: db) else {
                throw DomainError.notFound("portfolio")
            }
            let before = portfolio.chaseDaysBefore
            portfolio.chaseDaysBefore = daysBefore
            try await portfolio.save(on: db)
            try await AuditLog.record(
                db, actor, "set-chase-schedule", entity: "portfolio", id: portfolioID,
                before: ["chaseDaysBefore": before], after: ["chaseDaysBefore": daysBefore])
        }
    }
}
