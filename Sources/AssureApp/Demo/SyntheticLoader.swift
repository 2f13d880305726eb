import AssureCore
import AssureDemo
import AssureStorage
import Fluent
import Foundation
import SQLKit

/// Writes a `SyntheticPortfolio` into an empty database: rows in batches (one transaction per period), then each period
/// published through the same path the PMO uses, so snapshots, arrows and checks are real.
public enum SyntheticLoader {
    public struct Progress: Sendable {
        public var periodsDone: Int
        public var periods: Int
        public var rows: Int
    }

    static let batch = 400

    @discardableResult
    public static func load(
        _ db: Database, _ spec: SyntheticPortfolio,
        progress: @Sendable (Progress) -> Void = { _ in }
    ) async throws -> UUID {
        guard db is SQLDatabase else { throw DomainError.invalid(["database": "the generator needs an SQL database"]) }
        let actor = Actor.commandLine("generator")
        let (portfolioID, projectIDs) = try await db.writeTransaction { db in
            try await structure(db as! SQLDatabase, spec)
        }
        var rows = 0
        for index in 0..<spec.periods {
            let key = spec.periodKey(index)
            let period = try await PeriodLifecycle.create(db, actor, portfolioID: portfolioID, key: key.key)
            _ = try await PeriodLifecycle.open(db, actor, periodID: period.id)
            rows += try await db.writeTransaction { db in
                try await returns(db as! SQLDatabase, spec, period: index, periodID: period.id, projectIDs: projectIDs)
            }
            if index < spec.periods - 1 {
                _ = try await PeriodLifecycle.publish(db, actor, periodID: period.id, missing: .showAsMissing)
            }
            progress(Progress(periodsDone: index + 1, periods: spec.periods, rows: rows))
        }
        return portfolioID
    }

    /// Portfolio, people, programmes, projects and sub-items. Returns each project's id (sub-items after their project).
    private static func structure(
        _ sql: SQLDatabase, _ spec: SyntheticPortfolio
    ) async throws -> (UUID, [(Int, UUID, [UUID])]) {
        let organisation = UUID()
        try await sql.insert(into: "organisations").columns("id", "name").values(organisation, "Synthetic ICS").run()
        var people: [String: UUID] = [:]
        try await SyntheticPortfolio.people.inBatches(of: batch) { chunk in
            let insert = sql.insert(into: "people").columns("id", "name", "job_title", "organisation_id", "email")
            for name in chunk {
                let id = UUID()
                people[name] = id
                insert.values(
                    id, name, "Synthetic", organisation,
                    name.lowercased().replacingOccurrences(of: " ", with: ".") + "@synthetic.test")
            }
            try await insert.run()
        }
        let portfolio = UUID()
        try await sql.insert(into: "portfolios").columns("id", "name", "scale", "organisation_id", "disabled_checks")
            .values(portfolio, spec.name, RatingScaleKind.threePoint.rawValue, organisation, "no-lead").run()
        let programmes = (0..<spec.programmeCount).map { _ in UUID() }
        try await Array(programmes.enumerated()).inBatches(of: batch) { chunk in
            let insert = sql.insert(into: "programmes").columns("id", "portfolio_id", "name", "kind", "sort_order")
            for (index, id) in chunk {
                insert.values(id, portfolio, spec.programmeName(index), ProgrammeKind.programme.rawValue, index)
            }
            try await insert.run()
        }
        var projects: [(Int, UUID, [UUID])] = []
        try await Array(0..<spec.projects).inBatches(of: batch) { chunk in
            let insert = sql.insert(into: "projects").columns(
                "id", "programme_id", "parent_id", "reference", "title", "sro_id",
                "lead_id", "project_plan", "sort_order", "version")
            for project in chunk {
                let id = UUID(), order = project * 1000
                let programme = programmes[spec.programme(ofProject: project)]
                insert.values(
                    id, programme, UUID?.none, spec.reference(project), spec.title(project), people[spec.sro(project)],
                    people[spec.lead(project)], "Y", order, 1)
                let children = (0..<spec.subItems(project)).map { _ in UUID() }
                for (child, childID) in children.enumerated() {
                    insert.values(
                        childID, programme, id, String?.none, "Workstream \(child + 1) of \(spec.reference(project))",
                        UUID?.none, UUID?.none, String?.none, order + child + 1, 1)
                }
                projects.append((project, id, children))
            }
            try await insert.run()
        }
        return (portfolio, projects)
    }

    /// One period's returns and their milestones; sub-items report a rating only.
    private static func returns(
        _ sql: SQLDatabase, _ spec: SyntheticPortfolio, period: Int, periodID: UUID,
        projectIDs: [(Int, UUID, [UUID])]
    ) async throws -> Int {
        var rows = 0
        try await projectIDs.inBatches(of: batch) { chunk in
            let returns = sql.insert(into: "returns").columns(
                "id", "period_id", "project_id", "rating", "update_text", "mitigation",
                "submitted_by", "version", "revision", "state")
            let milestones = sql.insert(into: "return_milestones").columns(
                "id", "return_id", "position", "title", "date_text",
                "due_by", "precision", "rating")
            var milestoneRows = 0
            for (project, id, children) in chunk {
                let returnID = UUID()
                returns.values(
                    returnID, periodID, id, spec.rating(project, period: period), spec.update(project, period: period),
                    "", spec.lead(project), 1, UUID(), ReturnState.approved.rawValue)
                for child in children {
                    returns.values(
                        UUID(), periodID, child, spec.rating(project &+ 7, period: period), "", "", String?.none, 1,
                        UUID(),
                        ReturnState.approved.rawValue)
                }
                for index in 0..<spec.milestonesPerProject {
                    let line = spec.milestone(project, index, period: period)
                    let parsed = DateText(line.date).parsed
                    milestones.values(
                        UUID(), returnID, index, line.title, line.date, parsed?.dueBy.iso, parsed?.precision.rawValue,
                        line.rating)
                    milestoneRows += 1
                }
                rows += 1 + children.count
            }
            try await returns.run()
            if milestoneRows > 0 { try await milestones.run() }
            rows += milestoneRows
        }
        return rows
    }
}
