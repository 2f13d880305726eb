import FluentKit
import SQLKit

/// Each milestone's baseline and moves, kept up to date at each publication, so that a dashboard reads one row per
/// milestone instead of every earlier period's. `portfolios.baselines_through` names the last published period folded
/// in; when it is not the period before the one being built, the history is read as before.
struct M011_CreateMilestoneBaselines: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("milestone_baselines")
            .id()
            .field("portfolio_id", .uuid, .required, .references("portfolios", "id"))
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("title", .string, .required)
            .field("baseline_period_key", .string, .required)
            .field("baseline_date_text", .string, .required)
            .field("baseline_due_by", .string, .required)
            .field("latest_due_by", .string, .required)
            .field("moves", .int, .required)
            .unique(on: "project_id", "title")
            .create()
        try await database.schema("portfolios").field("baselines_through", .string).update()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "milestone_baselines_portfolio_idx").on("milestone_baselines").column(
                "portfolio_id"
            ).run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("portfolios").deleteField("baselines_through").update()
        try await database.schema("milestone_baselines").delete()
    }
}
