import AssureCore
import FluentKit
import Foundation

/// Funding rounds and their recommended allocations (seed 002's allocation table).
public enum FundingRounds {
    public static func all(_ db: Database) async throws -> [FundingRound] {
        let rounds = try await FundingRoundRecord.query(on: db).sort(\.$name).all()
        let allocations = Dictionary(
            grouping: try await AllocationRecord.query(on: db).sort(\.$position).all(), by: { $0.$round.id })
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
