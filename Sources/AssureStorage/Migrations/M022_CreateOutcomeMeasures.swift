import FluentKit

/// Outcome measures and their values per period: the trajectory expected and the actual achieved.
struct M022_CreateOutcomeMeasures: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("outcome_measures")
            .id()
            .field("name", .string, .required)
            .field("programme", .string, .required)
            .field("unit", .string, .required)
            .field("direction", .string, .required)
            .field("baseline", .double)
            .field("target", .double, .required)
            .field("target_date", .string, .required)
            .field("illustrative", .bool, .required)
            .field("version", .int, .required)
            .unique(on: "name")
            .create()
        try await database.schema("outcome_values")
            .id()
            .field("measure_id", .uuid, .required, .references("outcome_measures", "id"))
            .field("period_key", .string, .required)
            .field("kind", .string, .required)
            .field("value", .double, .required)
            .unique(on: "measure_id", "period_key", "kind")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("outcome_values").delete()
        try await database.schema("outcome_measures").delete()
    }
}
