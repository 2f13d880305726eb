import AssureCore
import FluentKit
import Foundation

/// Business cases rated against a set of criteria (seed 002's prioritisation).
public enum Prioritisations {
    package static let decoder = JSONDecoder()

    /// The prioritisation a business case belongs to, read with its cases.
    public static func find(_ db: Database, containingCase caseID: UUID) async throws -> CriteriaSet? {
        guard let businessCase = try await BusinessCaseRecord.find(caseID, on: db) else { return nil }
        return try await all(db, only: businessCase.$set.id).first
    }

    /// Every prioritisation, or (`only`) one, with its cases.
    public static func all(_ db: Database, only setID: UUID? = nil) async throws -> [CriteriaSet] {
        let setQuery = CriteriaSetRecord.query(on: db).sort(\.$name)
        let caseQuery = BusinessCaseRecord.query(on: db).sort(\.$position)
        if let setID {
            setQuery.filter(\.$id == setID)
            caseQuery.filter(\.$set.$id == setID)
        }
        let sets = try await setQuery.all()
        let cases = Dictionary(grouping: try await caseQuery.all(), by: { $0.$set.id })
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
            ratings: try written.mapValues { try CaseRating(stored: $0, "business_cases.ratings") },
            version: record.version)
    }

}
