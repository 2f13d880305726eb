import AssureCore
import AssureStorage
import Fluent
import Foundation
import SQLKit

/// The registers that belong to one portfolio, so that only its board papers draw on them.
public enum ScopedRegister: String, CaseIterable, Sendable {
    case meeting, prioritisation = "criteria-set", fundingRound = "funding-round"

    var table: String {
        switch self {
        case .meeting: "meetings"
        case .prioritisation: "criteria_sets"
        case .fundingRound: "funding_rounds"
        }
    }
}

public enum RegisterPortfolios {
    /// Gives a meeting, prioritisation or funding round to a portfolio (nil: to none, so no paper uses it). The PMO's.
    public static func assign(
        _ db: Database, _ actor: Actor, _ register: ScopedRegister, id: UUID, portfolioID: UUID?
    ) async throws {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) decides which portfolio a register belongs to")
        }
        guard let sql = db as? SQLDatabase else { throw DomainError.notFound(register.rawValue) }
        try await db.writeTransaction { db in
            let sql = db as? SQLDatabase ?? sql
            struct Row: Decodable { let portfolio_id: RowUUID? }
            guard
                let row = try await sql.raw(
                    "SELECT portfolio_id FROM \(unsafeRaw: register.table) WHERE id = \(bind: id)"
                )
                .first(decoding: Row.self)
            else { throw DomainError.notFound(register.rawValue) }
            if let portfolioID, try await PortfolioRecord.find(portfolioID, on: db) == nil {
                throw DomainError.notFound("portfolio")
            }
            try await sql.raw(
                "UPDATE \(unsafeRaw: register.table) SET portfolio_id = \(bind: portfolioID) WHERE id = \(bind: id)"
            ).run()
            try await AuditLog.record(
                db, actor, "assign-portfolio", entity: register.rawValue, id: id,
                before: row.portfolio_id?.value.uuidString, after: portfolioID?.uuidString)
        }
    }
}
