import AssureCore
import FluentKit
import Foundation

/// Business cases rated against a set of criteria (seed 002's prioritisation).
public enum Prioritisations {
    package static let decoder = JSONDecoder()

    public static func all(_ db: Database) async throws -> [CriteriaSet] {
        let sets = try await CriteriaSetRecord.query(on: db).sort(\.$name).all()
        let cases = Dictionary(
            grouping: try await BusinessCaseRecord.query(on: db).sort(\.$position).all(), by: { $0.$set.id })
        return try sets.map { set in
            CriteriaSet(
                id: try set.requireID(), name: set.name,
                criteria: try decoder.decode([Criterion].self, from: Data(set.criteriaJSON.utf8)),
                cases: try (cases[set.requireID()] ?? []).map(businessCase), portfolioID: set.$portfolio.id)
        }
    }

    package static func businessCase(_ record: BusinessCaseRecord) throws -> BusinessCase {
        let written = try decoder.decode([String: String].self, from: Data(record.ratingsJSON.utf8))
        return BusinessCase(
            id: try record.requireID(), name: record.name,
            ratings: written.compactMapValues(CaseRating.init(rawValue:)),
            version: record.version)
    }

}
