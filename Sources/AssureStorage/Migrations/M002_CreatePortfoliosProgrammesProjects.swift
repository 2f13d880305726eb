import FluentKit

struct M002_CreatePortfoliosProgrammesProjects: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("portfolios")
            .id()
            .field("name", .string, .required)
            .field("scale", .string, .required)
            .field("organisation_id", .uuid, .references("organisations", "id"))
            .unique(on: "name")
            .create()
        try await database.schema("programmes")
            .id()
            .field("portfolio_id", .uuid, .required, .references("portfolios", "id"))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("clinical_lead_id", .uuid, .references("people", "id"))
            .field("head_of_service_id", .uuid, .references("people", "id"))
            .field("head_of_service_title", .string)
            .field("sort_order", .int, .required)
            .unique(on: "portfolio_id", "name")
            .create()
        try await database.schema("projects")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .field("parent_id", .uuid, .references("projects", "id"))
            .field("reference", .string)
            .field("title", .string, .required)
            .field("description", .string)
            .field("sro_id", .uuid, .references("people", "id"))
            .field("lead_id", .uuid, .references("people", "id"))
            .field("commencement", .string)
            .field("project_plan", .string)
            .field("project_timescale", .string)
            .field("sort_order", .int, .required)
            .field("version", .int, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        for table in ["projects", "programmes", "portfolios"] { try await database.schema(table).delete() }
    }
}
