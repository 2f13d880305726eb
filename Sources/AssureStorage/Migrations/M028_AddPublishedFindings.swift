import FluentKit

/// The assurance findings are the PMO's working notes: a period's board readers see them only where the PMO chose,
/// when publishing, to publish them with the period. Periods published before this choice existed did not make it.
struct M028_AddPublishedFindings: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("periods").field("findings_published", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema("periods").deleteField("findings_published").update()
    }
}
