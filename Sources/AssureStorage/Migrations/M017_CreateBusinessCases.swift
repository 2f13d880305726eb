import FluentKit

/// Prioritisations (a set of weighted criteria) and the business cases rated H/M/L against them. A set's criteria
/// and a case's ratings are small lists kept as JSON text, portable to both databases.
struct M017_CreateBusinessCases: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("criteria_sets")
            .id()
            .field("name", .string, .required)
            .field("criteria_json", .string, .required)
            .unique(on: "name")
            .create()
        try await database.schema("business_cases")
            .id()
            .field("set_id", .uuid, .required, .references("criteria_sets", "id"))
            .field("name", .string, .required)
            .field("position", .int, .required)
            .field("ratings_json", .string, .required)
            .field("version", .int, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("business_cases").delete()
        try await database.schema("criteria_sets").delete()
    }
}
