import AssureCore
import FluentKit
import Foundation
import SQLKit

/// One line of a portfolio's project list: the project, who answers for it, and its rating in the latest published period.
public struct ProjectListItem: Codable, Sendable, Hashable {
    public let id: UUID
    public let reference: String?
    public let title: String
    public let programme: String
    public let parentID: UUID?
    public let sro: String?
    public let lead: String?
    public let rating: RatingLevel?
}

public struct ProjectListPage: Sendable {
    public let total: Int
    public let offset: Int
    public let limit: Int
    /// The key of the published period the ratings are from.
    public let ratingsAsAt: String?
    public let items: [ProjectListItem]
}

/// A portfolio's projects a page at a time, in display order, for scripts that page through thousands of them.
public enum ProjectList {
    public static let maximumLimit = 1_000

    public static func page(_ db: Database, portfolioID: UUID, offset: Int, limit: Int) async throws -> ProjectListPage
    {
        guard let sql = db as? SQLDatabase else {
            throw DomainError.invalid(["database": "the project list needs an SQL database"])
        }
        guard (0...Int(Int32.max)).contains(offset) else {
            throw DomainError.invalid(["offset": "Give an offset from 0 to \(Int32.max)."])
        }
        guard (1...maximumLimit).contains(limit) else {
            throw DomainError.invalid(["limit": "Give a limit from 1 to \(maximumLimit)."])
        }
        struct Count: Decodable { let total: Int }
        guard try await sql.select().column("id").from("portfolios").where("id", .equal, portfolioID).first() != nil
        else {
            throw DomainError.notFound("portfolio")
        }
        let latest = try await PublishedPeriods.latest(sql, portfolioID: portfolioID)
        let total =
            try await sql.raw(
                """
                SELECT COUNT(*) AS total FROM projects p JOIN programmes g ON g.id = p.programme_id WHERE g.portfolio_id = \(bind: portfolioID)
                """
            ).first(decoding: Count.self)?.total ?? 0
        struct Row: Decodable {
            let id: RowUUID, reference: String?, title: String, programme: String, parent_id: RowUUID?
            let sro: String?, lead: String?
        }
        // The page's ids come from the display-order indexes (M013); only those hundred rows are joined to the rest.
        let rows = try await sql.raw(
            """
            SELECT p.id, p.reference, p.title, g.name AS programme, p.parent_id, s.name AS sro, l.name AS lead
            FROM (SELECT p.id, g.sort_order AS programme_order, p.sort_order FROM projects p
                  JOIN programmes g ON g.id = p.programme_id WHERE g.portfolio_id = \(bind: portfolioID)
                  ORDER BY g.sort_order, p.sort_order, p.id LIMIT \(bind: limit) OFFSET \(bind: offset)) page
            JOIN projects p ON p.id = page.id
            JOIN programmes g ON g.id = p.programme_id
            LEFT JOIN people s ON s.id = p.sro_id
            LEFT JOIN people l ON l.id = p.lead_id
            ORDER BY page.programme_order, page.sort_order, p.id
            """
        ).all(decoding: Row.self)
        // The page's ratings by their key, apart: joined in, PostgreSQL planned them from statistics that know nothing
        // of a period published since they were gathered (one row expected, twelve thousand read for each project).
        var ratings: [UUID: RatingLevel] = [:]
        if let latest {
            ratings = try await PeriodRatings.read(db, periodID: latest.id.value, projects: rows.map(\.id.value))
        }
        let items = rows.map { row in
            ProjectListItem(
                id: row.id.value, reference: row.reference, title: row.title, programme: row.programme,
                parentID: row.parent_id?.value, sro: row.sro, lead: row.lead, rating: ratings[row.id.value])
        }
        return ProjectListPage(total: total, offset: offset, limit: limit, ratingsAsAt: latest?.key, items: items)
    }

    /// Every project of the portfolio, in display order (an export reads them all, a page at a time).
    public static func all(_ db: Database, portfolioID: UUID) async throws -> [ProjectListItem] {
        var items: [ProjectListItem] = []
        while true {
            let page = try await page(db, portfolioID: portfolioID, offset: items.count, limit: maximumLimit)
            items += page.items
            if page.items.isEmpty || items.count >= page.total { return items }
        }
    }
}
