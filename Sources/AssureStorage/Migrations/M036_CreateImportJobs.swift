import FluentKit

/// Imports running in the background, with their progress and outcome, where every server can read them: the page
/// that follows an import may be served by another server than the one running it. `server` and `heartbeat_at` say
/// who runs it and when it last said so, so that a job whose server died is reported failed, never left running.
struct M036_CreateImportJobs: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("import_jobs")
            .id()
            .field("owner_id", .uuid)
            .field("portfolio_id", .uuid, .required, .references("portfolios", "id"))
            .field("status", .string, .required)
            .field("done", .int, .required)
            .field("total", .int, .required)
            .field("outcome_json", .string)
            .field("failure", .string)
            .field("server", .string, .required)
            .field("started_at", .datetime, .required)
            .field("heartbeat_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("import_jobs").delete()
    }
}
