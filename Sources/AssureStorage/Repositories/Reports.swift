import AssureCore
import Fluent
import SQLKit
import Foundation

/// A period's report: the frozen snapshot for a published period, built live otherwise.
public enum Reports {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Decoded snapshots, by snapshot id: a snapshot is never changed (re-publishing writes a new one), so a decoded copy
    /// serves every later request. Bounded by rows, about 100 MB at the bound.
    static let publishedReports = BoundedCache<UUID, PeriodReport>(capacity: 60_000)

    /// How many milestone lines the portfolio's returns hold, in every period: the size a benchmark reports.
    public static func milestoneRowCount(_ db: Database, portfolioID: UUID) async throws -> Int {
        guard let sql = db as? SQLDatabase else { return 0 }
        struct Count: Decodable { let total: Int }
        return try await sql.raw("""
            SELECT COUNT(*) AS total FROM return_milestones m JOIN returns r ON r.id = m.return_id
            JOIN periods p ON p.id = r.period_id WHERE p.portfolio_id = \(bind: portfolioID)
            """).first(decoding: Count.self)?.total ?? 0
    }

    /// For benchmarks that measure reading a snapshot from the database.
    public static func forgetDecodedSnapshots() { publishedReports.removeAll() }

    /// The period's report; with `programme`, that programme's only (an open period then reads and builds that
    /// programme's rows alone, the same rows the whole report would give it).
    public static func report(_ db: Database, periodID: UUID, programme: UUID? = nil) async throws -> PeriodReport {
        let whole = try await report(db, periodID: periodID, building: programme)
        return programme.map { whole.only(programme: $0) } ?? whole
    }

    private static func report(_ db: Database, periodID: UUID, building programme: UUID?) async throws -> PeriodReport {
        if let stored = try await PeriodSnapshotRecord.query(on: db).filter(\.$period.$id == periodID).field(\.$id).first() {
            if let report = publishedReports.value(for: stored.id!) { return report }
            guard let snapshot = try await PeriodSnapshotRecord.find(stored.id, on: db) else { throw StorageError.notFound("snapshot") }
            let report = try decoder.decode(PeriodReport.self, from: Data(snapshot.reportJSON.utf8))
            publishedReports.insert(report, for: stored.id!, cost: max(1, report.allRows.count))
            return report
        }
        return PeriodReportBuilder.build(try await periodData(db, periodID: periodID, programme: programme))
    }

    /// Everything the builder needs, in a fixed number of queries whatever the size of the portfolio.
    public static func periodData(_ db: Database, periodID: UUID, programme: UUID? = nil) async throws -> PeriodData {
        guard let period = try await PeriodRecord.find(periodID, on: db),
              let portfolio = try await PortfolioRecord.find(period.$portfolio.id, on: db) else {
            throw StorageError.notFound("reporting period")
        }
        let names = try await People.names(db)
        let programmes = try await ProgrammeRecord.query(on: db).filter(\.$portfolio.$id == portfolio.id!)
            .sort(\.$sortOrder).all().filter { programme == nil || $0.id == programme }
        let projects = try await projectsInDisplayOrder(db, portfolioID: portfolio.id!, names: names, programme: programme).map(\.info)
        let returnInfos = try await returns(db, periodID: periodID, programme: programme)

        let previous = try await PeriodRecord.query(on: db)
            .filter(\.$portfolio.$id == portfolio.id!).filter(\.$status == PeriodStatus.published.rawValue)
            .filter(\.$asAt < period.asAt).sort(\.$asAt, .descending).first()
        var previousRatings: [UUID: RatingLevel] = [:]
        var previousReturns: [UUID: ReturnInfo] = [:]
        if let previous {
            previousRatings = try await PeriodRatings.read(db, periodID: previous.id!, programme: programme)
            previousReturns = try await returns(db, periodID: previous.id!, programme: programme)
        }
        return PeriodData(portfolio: portfolio.info, period: period.info,
                          programmes: programmes.map { $0.info(names: names) },
                          projects: projects, returns: returnInfos,
                          previousPeriodKey: previous?.key, previousRatings: previousRatings,
                          previousReturns: previousReturns, disabledChecks: portfolio.checksSwitchedOff,
                          milestoneBaselines: try await baselines(db, portfolioID: portfolio.id!, before: period.asAt, programme: programme))
    }

    static func baselines(_ db: Database, portfolioID: UUID, before asAt: String,
                          programme: UUID?) async throws -> [UUID: [String: MilestoneBaseline]] {
        guard let sql = db as? SQLDatabase else { return [:] }
        return try await MilestoneBaselines.before(sql, portfolioID: portfolioID, asAt: asAt, programme: programme)
    }

    /// The portfolio's projects and sub-items by programme (in the portfolio's order), then by position: one query, read as
    /// plain rows. Each comes with its lead's person id, for those who need the lead's address.
    static func projectsInDisplayOrder(_ db: Database, portfolioID: UUID, names: [UUID: String], topLevelOnly: Bool = false,
                                       programme: UUID? = nil) async throws -> [(info: ProjectInfo, leadID: UUID?)] {
        guard let sql = db as? SQLDatabase else { return [] }
        struct Row: Decodable {
            let id: RowUUID, programme_id: RowUUID, parent_id: RowUUID?, reference: String?, title: String, description: String?
            let sro_id: RowUUID?, lead_id: RowUUID?, commencement: String?, project_plan: String?, project_timescale: String?
        }
        let rows = try await sql.raw("""
            SELECT p.id, p.programme_id, p.parent_id, p.reference, p.title, p.description, p.sro_id, p.lead_id,
                   p.commencement, p.project_plan, p.project_timescale
            FROM projects p JOIN programmes g ON g.id = p.programme_id
            WHERE g.portfolio_id = \(bind: portfolioID)\(SQLQueryString.andProject("p.id", inProgramme: programme))
            ORDER BY g.sort_order, p.sort_order
            """).all(decoding: Row.self)
        return rows.filter { !topLevelOnly || $0.parent_id == nil }.map { row in
            (ProjectInfo(id: row.id.value, programmeID: row.programme_id.value, parentID: row.parent_id?.value, reference: row.reference,
                         title: row.title, description: row.description, sro: row.sro_id.flatMap { names[$0.value] },
                         lead: row.lead_id.flatMap { names[$0.value] },
                         commencement: row.commencement, projectPlan: row.project_plan, projectTimescale: row.project_timescale),
             row.lead_id?.value)
        }
    }

    /// A period's returns with their milestones, by project: two queries, read as plain rows (decoding ten thousand
    /// Fluent models costs more than the queries).
    static func returns(_ db: Database, periodID: UUID, programme: UUID? = nil) async throws -> [UUID: ReturnInfo] {
        guard let sql = db as? SQLDatabase else { return [:] }
        struct ReturnRow: Decodable {
            let project_id: RowUUID
            let rating: String?
            let reported_trend: String?
            let update_text: String
            let mitigation: String
            let submitted_by: String?
            let submitted_at: Date?
            let state: String
        }
        struct MilestoneRow: Decodable {
            let project_id: RowUUID
            let title: String
            let date_text: String
            let rating: String?
        }
        let returns = try await sql.raw("""
            SELECT project_id, rating, reported_trend, update_text, mitigation, submitted_by, submitted_at, state FROM returns
            WHERE period_id = \(bind: periodID)\(SQLQueryString.andProject("project_id", inProgramme: programme))
            """).all(decoding: ReturnRow.self)
        let milestones = try await sql.raw("""
            SELECT r.project_id, m.title, m.date_text, m.rating FROM return_milestones m
            JOIN returns r ON r.id = m.return_id
            WHERE r.period_id = \(bind: periodID)\(SQLQueryString.andProject("r.project_id", inProgramme: programme))
            ORDER BY m.position
            """).all(decoding: MilestoneRow.self)
        let byProject = Dictionary(grouping: milestones, by: \.project_id.value)
        var result: [UUID: ReturnInfo] = [:]
        for row in returns {
            result[row.project_id.value] = ReturnInfo(
                projectID: row.project_id.value, rating: row.rating, reportedTrend: row.reported_trend.flatMap(Trend.init(rawValue:)),
                update: row.update_text, mitigation: row.mitigation,
                milestones: (byProject[row.project_id.value] ?? []).map { MilestoneLine(title: $0.title, date: $0.date_text, rating: $0.rating) },
                submittedBy: row.submitted_by, submittedAt: row.submitted_at, state: ReturnState(stored: row.state))
        }
        return result
    }

    /// A project's rating in every period of its portfolio, oldest first, for the project page.
    public static func history(_ db: Database, projectID: UUID) async throws -> [(period: PeriodInfo, row: ProjectRow?)] {
        guard let project = try await ProjectRecord.find(projectID, on: db),
              let programme = try await ProgrammeRecord.find(project.$programme.id, on: db) else {
            throw StorageError.notFound("project")
        }
        let periods = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == programme.$portfolio.id)
            .sort(\.$asAt).all()
        var result: [(PeriodInfo, ProjectRow?)] = []
        for period in periods {
            let report = try await report(db, periodID: period.id!)
            result.append((period.info, report.findRow(projectID)))
        }
        return result
    }
}

public extension PeriodReport {
    func findRow(_ id: UUID) -> ProjectRow? {
        func walk(_ rows: [ProjectRow]) -> ProjectRow? {
            for row in rows {
                if row.project.id == id { return row }
                if let found = walk(row.children) { return found }
            }
            return nil
        }
        return walk(allRows)
    }
}

extension Reports {
    /// What a published period's pages are made of, as a short text that changes whenever any of it could: the snapshot
    /// (re-publishing writes a new one) and the portfolio's list of periods (the "show as at" links). Nil when the
    /// period is not published, as its pages change with every return. Reads no report, so a revalidation is cheap.
    public static func publishedStamp(_ db: Database, periodID: UUID) async throws -> String? {
        guard let sql = db as? SQLDatabase else { return nil }
        struct Row: Decodable { let snapshot: RowUUID; let id: RowUUID; let status: String }
        // One query of plain rows: this runs on every request for a published page.
        let rows = try await sql.raw("""
            SELECT s.id AS snapshot, other.id, other.status FROM period_snapshots s
            JOIN periods asked ON asked.id = s.period_id
            JOIN periods other ON other.portfolio_id = asked.portfolio_id
            WHERE s.period_id = \(bind: periodID)
            """).all(decoding: Row.self)
        guard let snapshot = rows.first?.snapshot.value else { return nil }
        return ([snapshot.uuidString] + rows.map { "\($0.id.value.uuidString):\($0.status)" }.sorted()).joined(separator: "|")
    }


}
