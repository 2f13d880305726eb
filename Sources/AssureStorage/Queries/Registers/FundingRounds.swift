import AssureCore
import FluentKit
import Foundation

/// Funding rounds and their recommended allocations (seed 002's allocation table).
public enum FundingRounds {
    /// One round with its allocations, read by its id.
    public static func find(_ db: Database, id: UUID) async throws -> FundingRound? {
        try await all(db, only: id).first
    }

    /// Every round, or (`only`) one, with its allocations.
    public static func all(_ db: Database, only roundID: UUID? = nil) async throws -> [FundingRound] {
        let roundQuery = FundingRoundRecord.query(on: db).sort(\.$name)
        let allocationQuery = AllocationRecord.query(on: db).sort(\.$position)
        if let roundID {
            roundQuery.filter(\.$id == roundID)
            allocationQuery.filter(\.$round.$id == roundID)
        }
        let rounds = try await roundQuery.all()
        let allocations = Dictionary(grouping: try await allocationQuery.all(), by: { $0.$round.id })
        return try rounds.map { round in
            FundingRound(
                id: try round.requireID(), name: round.name, envelopeLabel: round.envelopeLabel,
                envelope: Money(pence: Int(round.envelopePence)),
                allocations: try (allocations[try round.requireID()] ?? []).map {
                    Allocation(
                        id: try $0.requireID(), label: $0.label, amount: Money(pence: Int($0.amountPence)),
                        comment: $0.comment)
                }, version: round.version, portfolioID: round.$portfolio.id)
        }
    }

}
