import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Prioritisations {
    public static func createSet(
        _ db: Database, _ actor: Actor, name: String, criteria: [Criterion],
        portfolioID: UUID? = nil
    ) async throws -> CriteriaSet {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) sets up a prioritisation")
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        var errors: [String: String] = [:]
        if name.isEmpty { errors["name"] = "Name the prioritisation." }
        if criteria.isEmpty { errors["criteria"] = "Give at least one criterion, one per line." }
        if Set(criteria.map { $0.name.lowercased() }).count != criteria.count {
            errors["criteria"] = "Each criterion is named once."
        }
        if criteria.contains(where: { $0.weight <= 0 || $0.weight > 100 }) {
            errors["criteria"] = "Weights are above 0 and at most 100."
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        return try await db.writeTransaction { db in
            if try await CriteriaSetRecord.query(on: db).filter(\.$name == name).first() != nil {
                throw DomainError.invalid(["name": "There is already a prioritisation called \(name)."])
            }
            let record = CriteriaSetRecord()
            record.name = name
            record.criteriaJSON = try StoredJSON.text(criteria)
            if let portfolioID, try await PortfolioRecord.find(portfolioID, on: db) == nil {
                throw DomainError.notFound("portfolio")
            }
            record.$portfolio.id = portfolioID
            try await record.create(on: db)
            let set = CriteriaSet(
                id: try record.requireID(), name: name, criteria: criteria, cases: [], portfolioID: portfolioID)
            try await AuditLog.record(db, actor, "create", entity: "criteria-set", id: record.id, after: set)
            return set
        }
    }

    /// Adds a case (no `caseID`) or changes one; the version read must still be the saved one.
    @discardableResult
    public static func saveCase(
        _ db: Database, _ actor: Actor, setID: UUID, caseID: UUID? = nil, name: String,
        ratings: [String: String], baseVersion: Int = 0
    ) async throws -> BusinessCase {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) rates business cases")
        }
        return try await db.writeTransaction { db in
            guard let set = try await CriteriaSetRecord.find(setID, on: db) else {
                throw DomainError.notFound("prioritisation")
            }
            let criteria = try decoder.decode([Criterion].self, from: Data(set.criteriaJSON.utf8))
            let errors = CriteriaSet.validate(name: name, ratings: ratings, criteria: criteria)
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            let parsed = ratings.compactMapValues(CaseRating.init(written:)).filter { key, _ in
                criteria.contains { $0.name == key }
            }
            let record: BusinessCaseRecord
            var before: BusinessCase?
            if let caseID {
                guard let found = try await BusinessCaseRecord.findForUpdate(caseID, on: db), found.$set.id == setID else {
                    throw DomainError.notFound("business case")
                }
                guard found.version == baseVersion else {
                    throw DomainError.conflict(
                        "Someone else changed this business case while you were editing it. Its saved ratings are shown; enter yours again."
                    )
                }
                before = try businessCase(found)
                record = found
                record.version += 1
            } else {
                record = BusinessCaseRecord()
                record.$set.id = setID
                record.position =
                    (try await BusinessCaseRecord.query(on: db).filter(\.$set.$id == setID).max(\.$position) ?? 0) + 1
                record.version = 1
            }
            record.name = name.trimmingCharacters(in: .whitespaces)
            record.ratingsJSON = try StoredJSON.text(parsed.mapValues(\.rawValue))
            try await record.save(on: db)
            let after = try businessCase(record)
            try await AuditLog.record(
                db, actor, caseID == nil ? "create" : "update", entity: "business-case", id: record.id, before: before,
                after: after)
            return after
        }
    }
}
