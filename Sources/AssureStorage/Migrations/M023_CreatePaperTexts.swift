import FluentKit

/// The PMO's own words of a governing-body paper (cover sheet, introduction, engagement, conclusion), per period and
/// meeting, as JSON.
struct M023_CreatePaperTexts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("paper_texts")
            .id()
            .field("period_id", .uuid, .required, .references("periods", "id"))
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("texts_json", .string, .required)
            .field("version", .int, .required)
            .unique(on: "period_id", "meeting_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("paper_texts").delete()
    }
}
