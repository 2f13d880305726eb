import AssureCore
import AssureStorage
import Fluent
import Foundation

extension RiskRegisters {
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
                guard let found = try await RiskRecord.findForUpdate(riskID, on: db), found.$register.id == registerID else {
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
}
