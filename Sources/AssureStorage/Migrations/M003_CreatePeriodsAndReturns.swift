import FluentKit

struct M003_CreatePeriodsAndReturns: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("periods")
            .id()
            .field("portfolio_id", .uuid, .required, .references("portfolios", "id"))
            .field("key", .string, .required)
            .field("label", .string, .required)
            .field("frequency", .string, .required)
            .field("as_at", .string, .required)
            .field("publish_on", .string)
            .field("status", .string, .required)
            .field("illustrative", .bool, .required)
            .field("published_at", .datetime)
            .unique(on: "portfolio_id", "key")
            .create()
        try await database.schema("returns")
            .id()
            .field("period_id", .uuid, .required, .references("periods", "id"))
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("rating", .string)
            .field("reported_trend", .string)
            .field("update_text", .string, .required)
            .field("mitigation", .string, .required)
            .field("submitted_by", .string)
            .field("submitted_at", .datetime)
            .field("version", .int, .required)
            .field("revision", .uuid, .required)
            .unique(on: "period_id", "project_id")
            .create()
        try await database.schema("return_milestones")
            .id()
            .field("return_id", .uuid, .required, .references("returns", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("date_text", .string, .required)
            .field("due_by", .string)
            .field("precision", .string)
            .field("rating", .string)
            .create()
        try await database.schema("period_snapshots")
            .id()
            .field("period_id", .uuid, .required, .references("periods", "id"))
            .field("report_json", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "period_id")
            .create()
    }

    func revert(on database: Database) async throws {
        for table in ["period_snapshots", "return_milestones", "returns", "periods"] {
            try await database.schema(table).delete()
        }
    }
}
