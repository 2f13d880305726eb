import AssureApp
import AssureCore
import AssureInterchange
import AssureStorage
import Fluent
import Foundation
import SQLKit

/// Reads a table with the guessed mapping (plus any choices) against the portfolio, as the CLI and web page do.
func importPlan(
    _ db: Database, portfolioID: UUID, text: String, choices: [String] = [],
    keepOffScaleRatings: Bool = false
) async throws -> ImportPlan {
    let table = try ImportFile.read(pasted: text)
    let mapping = try ImportMapping.guess(table)!.applying(choices).get()
    let context = try await Imports.context(db, portfolioID: portfolioID, keepOffScaleRatings: keepOffScaleRatings)
    return ImportReader.read(table, mapping: mapping, context: context)
}

/// What a database holds, to show that a refused import wrote nothing.
func rowCounts(_ db: Database) async throws -> [String: Int] {
    struct Count: Decodable { let n: Int }
    var counts: [String: Int] = [:]
    for table in [
        "programmes", "projects", "returns", "return_milestones", "project_attributes", "periods", "audit_entries",
        "people",
    ] {
        counts[table] = try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(ident: table)").first(
            decoding: Count.self)?.n
    }
    return counts
}
