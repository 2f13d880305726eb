import FluentKit
import Foundation
import SQLKit

/// Meetings, prioritisations and funding rounds belong to one portfolio, so that a board paper never shows another
/// portfolio's entries. A meeting a paper was already written for takes that paper's portfolio; where the database
/// holds a single portfolio, everything takes it; anything else stays unassigned (shown on the registers, never in a
/// paper) until the PMO gives it a portfolio.
struct M029_ScopeRegistersToPortfolios: AsyncMigration {
    static let tables = ["meetings", "criteria_sets", "funding_rounds"]

    func prepare(on database: Database) async throws {
        for table in Self.tables {
            try await database.schema(table).field(
                "portfolio_id", .uuid, .references("portfolios", "id", onDelete: .setNull)
            ).update()
        }
        let sql = try database.sql()
        try await Self.backFill(sql)
    }

    /// Gives unassigned meetings the portfolio of a paper written for them, and everything the only portfolio.
    static func backFill(_ sql: SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE meetings SET portfolio_id = (
                SELECT p.portfolio_id FROM paper_texts t JOIN periods p ON p.id = t.period_id
                WHERE t.meeting_id = meetings.id LIMIT 1)
            WHERE portfolio_id IS NULL
            """
        ).run()
        struct Row: Decodable { let id: RowUUID }
        let portfolios = try await sql.raw("SELECT id FROM portfolios").all(decoding: Row.self)
        if portfolios.count == 1, let only = portfolios.first?.id.value {
            for table in Self.tables {
                try await sql.raw(
                    "UPDATE \(unsafeRaw: table) SET portfolio_id = \(bind: only) WHERE portfolio_id IS NULL"
                ).run()
            }
        }
    }

    func revert(on database: Database) async throws {
        for table in Self.tables {
            try await database.schema(table).deleteField("portfolio_id").update()
        }
    }
}
