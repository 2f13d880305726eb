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

    /// Generates `spec` into the database. With `resuming`, carries on a generation that was stopped part-way (a 100,000
    /// project run takes the best part of an hour): the portfolio of the same name and its projects are found again,
    /// and the periods not yet published are written from the first one missing.
    /// `stoppingAt` stops the run as a kill would, after opening that period (counted from 0) and before writing its
    /// returns: how the tests make a stopped run to resume.
    @discardableResult
    public static func load(
        _ db: Database, _ spec: SyntheticPortfolio, resuming: Bool = false, stoppingAt stop: Int? = nil,
        progress: @Sendable (Progress) -> Void = { _ in }
    ) async throws -> UUID {
        guard db is SQLDatabase else { throw DomainError.invalid(["database": "the generator needs an SQL database"]) }
        let actor = Actor.commandLine("generator")
        let (portfolioID, projectIDs, existing) =
            try await resuming
            ? stoppedRun(db, spec)
            : db.writeTransaction { db in
                let (portfolio, projects) = try await structure(db as! SQLDatabase, spec)
                return (portfolio, projects, [PeriodInfo]())
            }
        var rows = 0
        for index in 0..<spec.periods {
            let key = spec.periodKey(index)
            if existing.contains(where: { $0.key == key.key && $0.status == .published }) { continue }
            let period: PeriodInfo
            if let stopped = existing.first(where: { $0.key == key.key }) {
                // Stopped while writing this period: its returns were written in one transaction, so either all are
                // there or none is.
                period = stopped
                if stopped.status == .draft { _ = try await PeriodLifecycle.open(db, actor, periodID: stopped.id) }
            } else {
                period = try await PeriodLifecycle.create(db, actor, portfolioID: portfolioID, key: key.key)
                _ = try await PeriodLifecycle.open(db, actor, periodID: period.id)
            }
            if index == stop { return portfolioID }
            if try await (db as! SQLDatabase).rows(
                "SELECT COUNT(*) FROM returns WHERE period_id = \(bind: period.id)", { try $0.int(0) }
            ).first == 0 {
                rows += try await db.writeTransaction { db in
                    try await returns(
                        db as! SQLDatabase, spec, period: index, periodID: period.id, projectIDs: projectIDs)
                }
            }
            if index < spec.periods - 1 {
                _ = try await PeriodLifecycle.publish(db, actor, periodID: period.id, missing: .showAsMissing)
                // The forecast is refitted once, at the last publication: each refit reads a year of periods.
                if index == spec.periods - 2 { try await PeriodLifecycle.refitForecast(db, periodID: period.id) }
            }
            progress(Progress(periodsDone: index + 1, periods: spec.periods, rows: rows))
        }
        return portfolioID
    }

    /// A stopped run's portfolio, its projects (numbered by their sort order, as `structure` wrote them) and its periods.
    private static func stoppedRun(
        _ db: Database, _ spec: SyntheticPortfolio
    ) async throws -> (UUID, [(Int, UUID, [UUID])], [PeriodInfo]) {
        guard let summary = try await Catalogue.portfolios(db).first(where: { $0.info.name == spec.name }) else {
            throw DomainError.notFound("portfolio “\(spec.name)” to resume")
        }
        let rows = try await (db as! SQLDatabase).rows(
            """
            SELECT p.id, p.parent_id, p.sort_order FROM projects p JOIN programmes g ON g.id = p.programme_id
            WHERE g.portfolio_id = \(bind: summary.info.id) ORDER BY p.sort_order
            """
        ) { row in (id: try row.uuid(0), parent: try row.optionalUUID(1), order: try row.int(2)) }
        var projects: [(Int, UUID, [UUID])] = []
        for row in rows {
            if row.parent == nil {
                projects.append((row.order / 1000, row.id, []))
            } else if let last = projects.indices.last, projects[last].1 == row.parent {
                projects[last].2.append(row.id)
            }
        }
        guard projects.count == spec.projects else {
            throw DomainError.invalid([
                "projects": "the stopped run has \(projects.count) projects, not \(spec.projects): generate it again"
            ])
        }
        return (summary.info.id, projects, summary.periods)
    }

    /// Portfolio, people, programmes, projects and sub-items. Returns each project's id (sub-items after their project).
    private static func structure(
        _ sql: SQLDatabase, _ spec: SyntheticPortfolio
    ) async throws -> (UUID, [(Int, UUID, [UUID])]) {
        let organisation = UUID.random()
        try await sql.insert(into: "organisations").columns("id", "name").values(organisation, "Synthetic ICS").run()
        var people: [String: UUID] = [:]
        try await SyntheticPortfolio.people.inBatches(of: batch) { chunk in
            let insert = sql.insert(into: "people").columns("id", "name", "job_title", "organisation_id", "email")
            for name in chunk {
                let id = UUID.random()
                people[name] = id
                insert.values(
                    id, name, "Synthetic", organisation,
                    name.lowercased().replacingOccurrences(of: " ", with: ".") + "@synthetic.test")
            }
            try await insert.run()
        }
        let portfolio = UUID.random()
        try await sql.insert(into: "portfolios").columns("id", "name", "scale", "organisation_id", "disabled_checks")
            .values(portfolio, spec.name, RatingScaleKind.threePoint.rawValue, organisation, "no-lead").run()
        let programmes = (0..<spec.programmeCount).map { _ in UUID.random() }
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
                let id = UUID.random(), order = project * 1000
                let programme = programmes[spec.programme(ofProject: project)]
                insert.values(
                    id, programme, UUID?.none, spec.reference(project), spec.title(project), people[spec.sro(project)],
                    people[spec.lead(project)], "Y", order, 1)
                let children = (0..<spec.subItems(project)).map { _ in UUID.random() }
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
                let returnID = UUID.random()
                returns.values(
                    returnID, periodID, id, spec.rating(project, period: period), spec.update(project, period: period),
                    "", spec.lead(project), 1, UUID.random(), ReturnState.approved.rawValue)
                for child in children {
                    returns.values(
                        UUID.random(), periodID, child, spec.rating(project &+ 7, period: period), "", "", String?.none,
                        1,
                        UUID.random(),
                        ReturnState.approved.rawValue)
                }
                for index in 0..<spec.milestonesPerProject {
                    let line = spec.milestone(project, index, period: period)
                    let parsed = DateText(line.date).parsed
                    milestones.values(
                        UUID.random(), returnID, index, line.title, line.date, parsed?.dueBy.iso,
                        parsed?.precision.rawValue,
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
