import FluentKit

/// Risk registers (each with its scale and the scores where a risk turns amber and red), their risks, and every
/// review of a risk (its history).
struct M019_CreateRiskRegisters: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("risk_registers")
            .id()
            .field("name", .string, .required)
            .field("scale", .string, .required)
            .field("amber_from", .int, .required)
            .field("red_from", .int, .required)
            .unique(on: "name")
            .create()
        try await database.schema("risks")
            .id()
            .field("register_id", .uuid, .required, .references("risk_registers", "id"))
            .field("position", .int, .required)
            .field("section", .string, .required)
            .field("level", .string, .required)
            .field("scope", .string, .required)
            .field("description", .string, .required)
            .field("severity", .string, .required)
            .field("likelihood", .string, .required)
            .field("mitigation", .string, .required)
            .field("owner", .string, .required)
            .field("references_json", .string, .required)
            .field("status", .string, .required)
            .field("review_date", .string)
            .field("version", .int, .required)
            .create()
        try await database.schema("risk_reviews")
            .id()
            .field("risk_id", .uuid, .required, .references("risks", "id"))
            .field("at", .datetime, .required)
            .field("by", .string, .required)
            .field("severity", .string, .required)
            .field("likelihood", .string, .required)
            .field("status", .string, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("risk_reviews").delete()
        try await database.schema("risks").delete()
        try await database.schema("risk_registers").delete()
    }
}
