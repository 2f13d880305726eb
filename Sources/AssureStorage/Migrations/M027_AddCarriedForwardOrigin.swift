import FluentKit
import Foundation
import SQLKit

/// A carried-forward return records the period its values come from and how many periods running it has been carried,
/// so that every output can say "Not updated since September 2016". Existing carried returns are back-filled by
/// walking each project's returns in period order.
struct M027_AddCarriedForwardOrigin: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("returns").field("carried_from_key", .string).update()
        try await database.schema("returns").field("carried_periods", .int).update()
        let sql = try database.sql()
        try await Self.backFill(sql)
    }

    /// Sets the origin and count of every carried-forward return from its project's returns in period order.
    static func backFill(_ sql: SQLDatabase) async throws {
        struct Row: Decodable {
            let id: RowUUID
            let project_id: RowUUID
            let state: String
            let key: String
            let as_at: String
        }
        let rows = try await sql.raw(
            """
            SELECT r.id, r.project_id, r.state, p.key, p.as_at FROM returns r JOIN periods p ON p.id = r.period_id
            WHERE r.project_id IN (SELECT project_id FROM returns WHERE state = 'carried-forward')
            """
        ).all(decoding: Row.self)
        for (_, returns) in Dictionary(grouping: rows, by: \.project_id.value) {
            var last: (key: String, origin: String, periods: Int)?
            for row in returns.sorted(by: { $0.as_at < $1.as_at }) {
                guard row.state == "carried-forward" else {
                    last = (row.key, row.key, 0)
                    continue
                }
                let origin = last?.origin ?? row.key
                let periods = (last?.periods ?? 0) + 1
                try await sql.raw(
                    """
                    UPDATE returns SET carried_from_key = \(bind: origin), carried_periods = \(bind: periods)
                    WHERE id = \(bind: row.id.value)
                    """
                ).run()
                last = (row.key, origin, periods)
            }
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("returns").deleteField("carried_periods").update()
        try await database.schema("returns").deleteField("carried_from_key").update()
    }
}
