import AssureCore
import Foundation
import SQLKit

/// The portfolio's latest published period before a day: the "previous period" of arrows, alerts and baselines, and
/// (with no day) the period a project list takes its ratings from.
package enum PublishedPeriods {
    package struct Latest: Decodable, Sendable {
        package let id: RowUUID
        package let key: String
    }

    package static func latest(
        _ sql: SQLDatabase, portfolioID: UUID, before asAt: String? = nil
    ) async throws -> Latest? {
        let query = sql.select().columns("id", "key").from("periods").where("portfolio_id", .equal, portfolioID)
            .where("status", .equal, PeriodStatus.published.rawValue)
        if let asAt { query.where("as_at", .lessThan, asAt) }
        return try await query.orderBy("as_at", .descending).limit(1).first(decoding: Latest.self)
    }
}
