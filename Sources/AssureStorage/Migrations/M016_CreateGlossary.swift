import FluentKit

/// Abbreviations and their expansions, from the papers' tables of abbreviations.
struct M016_CreateGlossary: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema("glossary_entries")
            .id()
            .field("abbreviation", .string, .required)
            .field("expansion", .string, .required)
            .unique(on: "abbreviation")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("glossary_entries").delete()
    }
}
