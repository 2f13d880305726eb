import AssureCore
import FluentKit
import Foundation

/// A glossary entry with its id, for editing.
public struct StoredGlossaryEntry: Codable, Hashable, Sendable {
    public var id: UUID
    public var entry: GlossaryEntry

    package init(id: UUID, entry: GlossaryEntry) {
        self.id = id
        self.entry = entry
    }
}

/// The glossary: abbreviations the papers use, kept once for every paper.
public enum GlossaryEntries {
    public static func all(_ db: Database) async throws -> [StoredGlossaryEntry] {
        try await GlossaryRecord.query(on: db).all()
            .map {
                StoredGlossaryEntry(
                    id: try $0.requireID(), entry: GlossaryEntry(abbreviation: $0.abbreviation, expansion: $0.expansion)
                )
            }
            .sorted { $0.entry.abbreviation.lowercased() < $1.entry.abbreviation.lowercased() }
    }

    public static func one(_ db: Database, id: UUID) async throws -> StoredGlossaryEntry {
        guard let record = try await GlossaryRecord.find(id, on: db) else {
            throw DomainError.notFound("glossary entry")
        }
        return StoredGlossaryEntry(
            id: id, entry: GlossaryEntry(abbreviation: record.abbreviation, expansion: record.expansion))
    }
}
