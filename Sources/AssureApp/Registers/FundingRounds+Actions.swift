import AssureCore
import AssureStorage
import Fluent
import Foundation

extension FundingRounds {
    public static func create(
        _ db: Database, _ actor: Actor, name: String, envelopeLabel: String, envelope: String,
        portfolioID: UUID? = nil
    ) async throws -> FundingRound {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) sets up funding rounds")
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        var errors: [String: String] = [:]
        if name.isEmpty { errors["name"] = "Name the funding round." }
        if envelopeLabel.trimmingCharacters(in: .whitespaces).isEmpty {
            errors["envelopeLabel"] = "Say where the envelope comes from."
        }
        let money = Money(written: envelope)
        if money == nil || money!.pence <= 0 {
            errors["envelope"] = "“\(envelope)” is not an amount of money (e.g. £6,800,000)."
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        return try await db.writeTransaction { db in
            if try await FundingRoundRecord.query(on: db).filter(\.$name == name).first() != nil {
                throw DomainError.invalid(["name": "There is already a funding round called \(name)."])
            }
            let record = FundingRoundRecord()
            record.name = name
            record.envelopeLabel = envelopeLabel.trimmingCharacters(in: .whitespaces)
            record.envelopePence = Int64(money!.pence)
            record.version = 1
            if let portfolioID, try await PortfolioRecord.find(portfolioID, on: db) == nil {
                throw DomainError.notFound("portfolio")
            }
            record.$portfolio.id = portfolioID
            try await record.create(on: db)
            let round = FundingRound(
                id: try record.requireID(), name: name, envelopeLabel: record.envelopeLabel, envelope: money!,
                allocations: [],
                portfolioID: portfolioID)
            try await AuditLog.record(db, actor, "create", entity: "funding-round", id: record.id, after: round)
            return round
        }
    }

    /// Adds an allocation. Going over the envelope is allowed: the round then shows itself as over.
    @discardableResult
    public static func allocate(
        _ db: Database, _ actor: Actor, roundID: UUID, label: String, amount: String, comment: String
    ) async throws -> FundingRound {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) allocates funding") }
        let errors = FundingRound.validate(label: label, amount: amount)
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        try await db.writeTransaction { db in
            guard let round = try await FundingRoundRecord.find(roundID, on: db) else {
                throw DomainError.notFound("funding round")
            }
            let record = AllocationRecord()
            record.$round.id = roundID
            record.label = label.trimmingCharacters(in: .whitespaces)
            record.amountPence = Int64(Money(written: amount)!.pence)
            record.comment = comment.trimmingCharacters(in: .whitespaces)
            record.position =
                (try await AllocationRecord.query(on: db).filter(\.$round.$id == roundID).max(\.$position) ?? 0) + 1
            try await record.create(on: db)
            round.version += 1
            try await round.save(on: db)
            try await AuditLog.record(
                db, actor, "allocate", entity: "funding-round", id: roundID,
                after: Allocation(
                    id: record.requireID(), label: record.label, amount: Money(pence: Int(record.amountPence)),
                    comment: record.comment))
        }
        guard let round = try await find(db, id: roundID) else {
            throw DomainError.notFound("funding round")
        }
        return round
    }
}
