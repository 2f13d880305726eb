import FluentKit

/// Programmes' key deliverables by financial year (seed 001's ✓ tables). Years are kept as "2017,2018".
struct M020_CreateDeliverables: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("deliverables")
            .id()
            .field("programme", .string, .required)
            .field("workstream", .string, .required)
            .field("title", .string, .required)
            .field("years", .string, .required)
            .field("status", .string, .required)
            .field("position", .int, .required)
            .field("version", .int, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("deliverables").delete()
    }
}
