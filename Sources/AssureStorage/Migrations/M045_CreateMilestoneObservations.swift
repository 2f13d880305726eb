import FluentKit
import SQLKit

/// Each published period's dated milestones as the slip forecast reads them (`PeriodMilestones`), kept by its refit so
/// that the next one reads a year of small rows instead of a year of whole reports. Tied to the period's snapshot: when
/// a period is re-opened its snapshot goes, and these with it, so a refit never learns from a month that changed.
struct M045_CreateMilestoneObservations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("milestone_observations")
            .field("period_id", .uuid, .required, .references("periods", "id"))
            .field("position", .int, .required)
            .field("snapshot_id", .uuid, .required, .references("period_snapshots", "id", onDelete: .cascade))
            .field("project_id", .uuid, .required)
            .field("programme", .string, .required)
            .field("title", .string, .required)
            .field("due_by", .string, .required)
            .field("precision", .string, .required)
            .field("rating", .string)
            // A Double's shortest exact spelling, so a refit from these rows fits the same model as from the report.
            .field("severity", .string)
            .field("complete", .int, .required)
            .field("update_repeated", .int, .required)
            .compositeIdentifier(over: "period_id", "position")
            .create()
        try await database.sql().create(index: "milestone_observations_snapshot_idx").on("milestone_observations")
            .column("snapshot_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("milestone_observations").delete()
    }
}
