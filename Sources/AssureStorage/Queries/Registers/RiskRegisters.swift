import AssureCore
import FluentKit
import Foundation

/// One review of a risk: how it was rated, when and by whom.
public struct RiskReview: Codable, Hashable, Sendable {
    public var at: Date
    public var by: String
    public var severity: String
    public var likelihood: String
    public var status: RiskStatus
}

public enum RiskRegisters {
    /// The register a risk is in, read with its risks.
    public static func find(_ db: Database, containingRisk riskID: UUID) async throws -> RiskRegister? {
        guard let risk = try await RiskRecord.find(riskID, on: db) else { return nil }
        return try await all(db, only: risk.$register.id).first
    }

    /// Every register, or (`only`) one, with its risks.
    public static func all(_ db: Database, only registerID: UUID? = nil) async throws -> [RiskRegister] {
        let registerQuery = RiskRegisterRecord.query(on: db).sort(\.$name)
        let riskQuery = RiskRecord.query(on: db).sort(\.$position)
        if let registerID {
            registerQuery.filter(\.$id == registerID)
            riskQuery.filter(\.$register.$id == registerID)
        }
        let registers = try await registerQuery.all()
        let risks = Dictionary(grouping: try await riskQuery.all(), by: { $0.$register.id })
        return try registers.map { record in
            let scale = try RiskScaleKind(stored: record.scale, "risk_registers.scale")
            return RiskRegister(
                id: try record.requireID(), name: record.name, scale: scale,
                bands: RiskBands(amberFrom: record.amberFrom, redFrom: record.redFrom),
                risks: try (risks[record.requireID()] ?? []).map(risk))
        }
    }

    package static func risk(_ record: RiskRecord) throws -> Risk {
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

    package static func review(_ db: Database, _ record: RiskRecord, by: String) async throws {
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
    package static func load(_ db: Database, _ register: RiskRegister, by: String) async throws {
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
