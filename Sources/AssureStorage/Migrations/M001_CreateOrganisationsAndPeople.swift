import FluentKit

struct M001_CreateOrganisationsAndPeople: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("name", .string, .required)
            .unique(on: "name")
            .create()
        try await database.schema("people")
            .id()
            .field("name", .string, .required)
            .field("job_title", .string)
            .field("organisation_id", .uuid, .references("organisations", "id"))
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("people").delete()
        try await database.schema("organisations").delete()
    }
}
