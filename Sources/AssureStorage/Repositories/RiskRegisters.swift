import AssureCore
import Fluent
import Foundation

/// A risk as typed into its form.
public struct RiskInput: Sendable {
    public var section: String
    public var level: RiskLevel
    public var scope: String
    public var description: String
    public var severity: String
    public var likelihood: String
    public var mitigation: String
    public var owner: String
    public var references: String
    public var status: RiskStatus
    public var reviewDate: String

    public init(
        section: String, level: RiskLevel, scope: String, description: String, severity: String, likelihood: String,
        mitigation: String, owner: String, references: String, status: RiskStatus, reviewDate: String
    ) {
        self.section = section
        self.level = level
        self.scope = scope
        self.description = description
        self.severity = severity
        self.likelihood = likelihood
        self.mitigation = mitigation
        self.owner = owner
        self.references = references
        self.status = status
        self.reviewDate = reviewDate
    }
}

/// One review of a risk: how it was rated, when and by whom.
public struct RiskReview: Codable, Hashable, Sendable {
    public var at: Date
    public var by: String
    public var severity: String
    public var likelihood: String
    public var status: RiskStatus
}

public enum RiskRegisters {
    public static func all(_ db: Database) async throws -> [RiskRegister] {
        let registers = try await RiskRegisterRecord.query(on: db).sort(\.$name).all()
        let risks = Dictionary(
            grouping: try await RiskRecord.query(on: db).sort(\.$position).all(), by: { $0.$register.id })
        return try registers.map { record in
            let scale = try RiskScaleKind(stored: record.scale, "risk_registers.scale")
            return RiskRegister(
                id: try record.requireID(), name: record.name, scale: scale,
                bands: RiskBands(amberFrom: record.amberFrom, redFrom: record.redFrom),
                risks: try (risks[record.requireID()] ?? []).map(risk))
        }
    }

    static func risk(_ record: RiskRecord) throws -> Risk {
        Risk(
            id: try record.requireID(), section: record.section,
            level: try RiskLevel(stored: record.level, "risks.level"),
            scope: record.scope,
            description: record.description, severity: record.severity, likelihood: record.likelihood,
            mitigation: record.mitigation,
            owner: record.owner,
            references: try JSONDecoder().decode([String].self, from: Data(record.referencesJSON.utf8)),
            status: try RiskStatus(stored: record.status, "risks.status"),
            reviewDate: record.reviewDate.flatMap(CalendarDate.init(iso:)),
            version: record.version)
    }

    public static func history(_ db: Database, riskID: UUID) async throws -> [RiskReview] {
        try await RiskReviewRecord.query(on: db).filter(\.$risk.$id == riskID).sort(\.$at).all().map {
            RiskReview(
                at: $0.at, by: $0.by, severity: $0.severity, likelihood: $0.likelihood,
                status: try RiskStatus(stored: $0.status, "risk_reviews.status"))
        }
    }

    public static func createRegister(
        _ db: Database, _ actor: Actor, name: String, scale: RiskScaleKind,
        bands: RiskBands? = nil
    ) async throws -> RiskRegister {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) sets up risk registers")
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        let bands = bands ?? scale.defaultBands
        var errors: [String: String] = [:]
        if name.isEmpty { errors["name"] = "Name the register." }
        if bands.amberFrom < 1 || bands.redFrom <= bands.amberFrom {
            errors["redFrom"] = "Red starts above amber, and amber at 1 or more."
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        return try await db.writeTransaction { db in
            if try await RiskRegisterRecord.query(on: db).filter(\.$name == name).first() != nil {
                throw DomainError.invalid(["name": "There is already a register called \(name)."])
            }
            let record = RiskRegisterRecord()
            record.name = name
            record.scale = scale.rawValue
            record.amberFrom = bands.amberFrom
            record.redFrom = bands.redFrom
            try await record.create(on: db)
            let register = RiskRegister(id: try record.requireID(), name: name, scale: scale, bands: bands, risks: [])
            try await AuditLog.record(db, actor, "create", entity: "risk-register", id: record.id, after: register)
            return register
        }
    }

    /// Adds a risk (no `riskID`) or reviews one; each save is kept in the risk's history. A save from a version
    /// someone has since changed is a conflict.
    @discardableResult
    public static func saveRisk(
        _ db: Database, _ actor: Actor, registerID: UUID, riskID: UUID? = nil, input: RiskInput,
        baseVersion: Int = 0
    ) async throws -> Risk {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) edits the risk register")
        }
        return try await db.writeTransaction { db in
            guard let registerRecord = try await RiskRegisterRecord.find(registerID, on: db) else {
                throw DomainError.notFound("risk register")
            }
            let scale = try RiskScaleKind(stored: registerRecord.scale, "risk_registers.scale")
            let register = RiskRegister(name: registerRecord.name, scale: scale, risks: [])
            let errors = register.validate(
                description: input.description, severity: input.severity, likelihood: input.likelihood,
                reviewDate: input.reviewDate.trimmingCharacters(in: .whitespaces))
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            let record: RiskRecord
            var before: Risk?
            if let riskID {
                guard let found = try await RiskRecord.find(riskID, on: db), found.$register.id == registerID else {
                    throw DomainError.notFound("risk")
                }
                guard found.version == baseVersion else {
                    throw DomainError.conflict(
                        "Someone else reviewed this risk while you were editing it. The saved review is shown; enter yours again."
                    )
                }
                before = try risk(found)
                record = found
                record.version += 1
            } else {
                record = RiskRecord()
                record.$register.id = registerID
                record.position =
                    (try await RiskRecord.query(on: db).filter(\.$register.$id == registerID).max(\.$position) ?? 0) + 1
                record.version = 1
            }
            record.section =
                input.section.trimmingCharacters(in: .whitespaces).isEmpty
                ? "RISKS" : input.section.trimmingCharacters(in: .whitespaces)
            record.level = input.level.rawValue
            record.scope = input.scope.trimmingCharacters(in: .whitespaces)
            record.description = input.description.trimmingCharacters(in: .whitespacesAndNewlines)
            record.severity = scale.label(scale.points(input.severity)!)
            record.likelihood = scale.label(scale.points(input.likelihood)!)
            record.mitigation = input.mitigation.trimmingCharacters(in: .whitespacesAndNewlines)
            record.owner = input.owner.trimmingCharacters(in: .whitespaces)
            let references = input.references.split(whereSeparator: { $0 == ";" || $0.isNewline })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            record.referencesJSON = try StoredJSON.text(references)
            record.status = input.status.rawValue
            record.reviewDate =
                input.reviewDate.trimmingCharacters(in: .whitespaces).isEmpty
                ? nil : input.reviewDate.trimmingCharacters(in: .whitespaces)
            try await record.save(on: db)
            try await review(db, record, by: actor.name)
            let after = try risk(record)
            try await AuditLog.record(
                db, actor, riskID == nil ? "create" : "update", entity: "risk", id: record.id, before: before,
                after: after)
            return after
        }
    }

    static func review(_ db: Database, _ record: RiskRecord, by: String) async throws {
        let review = RiskReviewRecord()
        review.$risk.id = try record.requireID()
        review.at = WallClock.now()
        review.by = by
        review.severity = record.severity
        review.likelihood = record.likelihood
        review.status = record.status
        try await review.create(on: db)
    }

    /// Writes a register as entered from a paper (the demo), its risks in order, each with a first review.
    static func load(_ db: Database, _ register: RiskRegister, by: String) async throws {
        let record = RiskRegisterRecord()
        record.name = register.name
        record.scale = register.scale.rawValue
        record.amberFrom = register.bands.amberFrom
        record.redFrom = register.bands.redFrom
        try await record.create(on: db)
        for (position, risk) in register.risks.enumerated() {
            let row = RiskRecord()
            row.$register.id = try record.requireID()
            row.position = position + 1
            row.section = risk.section
            row.level = risk.level.rawValue
            row.scope = risk.scope
            row.description = risk.description
            row.severity = risk.severity
            row.likelihood = risk.likelihood
            row.mitigation = risk.mitigation
            row.owner = risk.owner
            row.referencesJSON = try StoredJSON.text(risk.references)
            row.status = risk.status.rawValue
            row.reviewDate = risk.reviewDate?.iso
            row.version = 1
            try await row.create(on: db)
            try await review(db, row, by: by)
        }
    }
}
