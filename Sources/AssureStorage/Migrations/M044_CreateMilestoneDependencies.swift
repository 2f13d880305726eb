import FluentKit
import SQLKit

/// A milestone, or a project as a whole, waiting on another project's milestone (across programmes). Milestones are
/// named by project and title, as the baselines and the slip forecast name them from period to period.
struct M044_CreateMilestoneDependencies: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("milestone_dependencies")
            .id()
            .field("dependant_project_id", .uuid, .required, .references("projects", "id"))
            .field("dependant_milestone", .string)
            .field("upstream_project_id", .uuid, .required, .references("projects", "id"))
            .field("upstream_milestone", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = try database.sql()
        try await sql.create(index: "milestone_dependencies_dependant_idx").on("milestone_dependencies")
            .column("dependant_project_id").run()
        try await sql.create(index: "milestone_dependencies_upstream_idx").on("milestone_dependencies")
            .column("upstream_project_id").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema("milestone_dependencies").delete()
    }
}
