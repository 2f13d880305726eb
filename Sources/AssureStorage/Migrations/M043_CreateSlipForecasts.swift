import FluentKit
import SQLKit

/// The slip forecast of each open milestone in a published period, refitted and written at its publication, and each
/// portfolio's switch to show it or not (on unless the PMO switches it off).
struct M043_CreateSlipForecasts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("slip_forecasts")
            .field("period_id", .uuid, .required, .references("periods", "id"))
            .field("position", .int, .required)
            .field("project_id", .uuid, .required)
            .field("title", .string, .required)
            .field("due_by", .string, .required)
            .field("percent", .int, .required)
            .field("words", .string, .required)
            .compositeIdentifier(over: "period_id", "position")
            .create()
        try await database.sql().create(index: "slip_forecasts_project_idx").on("slip_forecasts")
            .column("period_id").column("project_id").run()
        try await database.schema("portfolios").field("slip_forecast_shown", .bool, .required, .sql(.default(true)))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("portfolios").deleteField("slip_forecast_shown").update()
        try await database.schema("slip_forecasts").delete()
    }
}
