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

    public static func report(_ db: Database, periodID: UUID) async throws -> PeriodReport {
        if let snapshot = try await PeriodSnapshotRecord.query(on: db).filter(\.$period.$id == periodID).first() {
            return try decoder.decode(PeriodReport.self, from: Data(snapshot.reportJSON.utf8))
        }
        return PeriodReportBuilder.build(try await periodData(db, periodID: periodID))
    }

    /// Everything the builder needs, in a fixed number of queries whatever the size of the portfolio.
    public static func periodData(_ db: Database, periodID: UUID) async throws -> PeriodData {
        guard let period = try await PeriodRecord.find(periodID, on: db),
              let portfolio = try await PortfolioRecord.find(period.$portfolio.id, on: db) else {
            throw StorageError.notFound("reporting period")
        }
        let names = try await People.names(db)
        let programmes = try await ProgrammeRecord.query(on: db).filter(\.$portfolio.$id == portfolio.id!)
            .sort(\.$sortOrder).all()
        let programmeIDs = programmes.compactMap(\.id)
        let projects = programmeIDs.isEmpty ? [] : try await ProjectRecord.query(on: db)
            .filter(\.$programme.$id ~~ programmeIDs).sort(\.$sortOrder).all()

        let sortedProjects = projects.inDisplayOrder(programmes: programmes)
        let returnInfos = try await returns(db, periodID: periodID)

        let previous = try await PeriodRecord.query(on: db)
            .filter(\.$portfolio.$id == portfolio.id!).filter(\.$status == PeriodStatus.published.rawValue)
            .filter(\.$asAt < period.asAt).sort(\.$asAt, .descending).first()
        var previousRatings: [UUID: RatingLevel] = [:]
        var previousReturns: [UUID: ReturnInfo] = [:]
        if let previous {
            previousRatings = try await report(db, periodID: previous.id!).effectiveRatings
            previousReturns = try await returns(db, periodID: previous.id!)
        }
        return PeriodData(portfolio: portfolio.info, period: period.info,
                          programmes: programmes.map { $0.info(names: names) },
                          projects: sortedProjects.map { $0.info(names: names) }, returns: returnInfos,
                          previousPeriodKey: previous?.key, previousRatings: previousRatings,
                          previousReturns: previousReturns, disabledChecks: portfolio.checksSwitchedOff,
                          milestoneHistory: try await milestoneHistory(db, portfolioID: portfolio.id!, before: period.asAt))
    }

    /// Each milestone's dates in the portfolio's earlier published periods, by project and title, oldest first: its
    /// baseline and every period in which its date changed. Rows where the date stayed the same are left out by the
    /// database (a window function, in SQLite and PostgreSQL alike), which changes neither the baseline nor the count of
    /// moves, and turns 36 rows per milestone into a few.
    static func milestoneHistory(_ db: Database, portfolioID: UUID, before asAt: String) async throws -> [UUID: [String: [ReportedDate]]] {
        guard let sql = db as? SQLDatabase else { return [:] }
        struct Row: Decodable {
            let project_id: UUID
            let key: String
            let as_at: String
            let title: String
            let date_text: String
            let due_by: String?
        }
        let rows = try await sql.raw("""
            SELECT project_id, key, as_at, title, date_text, due_by FROM (
                SELECT r.project_id, p.key, p.as_at, m.title, m.date_text, m.due_by,
                       ROW_NUMBER() OVER (PARTITION BY r.project_id, m.title ORDER BY p.as_at) AS n,
                       LAG(m.due_by) OVER (PARTITION BY r.project_id, m.title ORDER BY p.as_at) AS previous_due_by
                FROM return_milestones m
                JOIN returns r ON r.id = m.return_id
                JOIN periods p ON p.id = r.period_id
                WHERE p.portfolio_id = \(bind: portfolioID) AND p.status = \(bind: PeriodStatus.published.rawValue)
                  AND p.as_at < \(bind: asAt)
            ) history
            WHERE n = 1 OR due_by IS DISTINCT FROM previous_due_by
            """).all(decoding: Row.self)
        var result: [UUID: [String: [(String, ReportedDate)]]] = [:]
        for row in rows {
            let reported = ReportedDate(periodKey: row.key, date: row.date_text, dueBy: row.due_by.flatMap(CalendarDate.init(iso:)))
            result[row.project_id, default: [:]][row.title, default: []].append((row.as_at, reported))
        }
        return result.mapValues { $0.mapValues { $0.sorted { $0.0 < $1.0 }.map(\.1) } }
    }

    /// A period's returns with their milestones, by project: two queries.
    static func returns(_ db: Database, periodID: UUID) async throws -> [UUID: ReturnInfo] {
        let returns = try await ReturnRecord.query(on: db).filter(\.$period.$id == periodID).all()
        let ids = returns.compactMap(\.id)
        let milestones = ids.isEmpty ? [] : try await ReturnMilestoneRecord.query(on: db).filter(\.$parentReturn.$id ~~ ids).all()
        let byReturn = Dictionary(grouping: milestones, by: { $0.$parentReturn.id })
        var result: [UUID: ReturnInfo] = [:]
        for ret in returns { result[ret.$project.id] = ret.info(milestones: byReturn[ret.id!] ?? []) }
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
        guard let snapshot = try await PeriodSnapshotRecord.query(on: db).filter(\.$period.$id == periodID)
            .field(\.$id).field(\.$createdAt).first(),
              let period = try await PeriodRecord.query(on: db).filter(\.$id == periodID).field(\.$id).field(\.$portfolio.$id).first() else {
            return nil
        }
        let periods = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == period.$portfolio.id)
            .field(\.$id).field(\.$status).sort(\.$id).all()
        return ([snapshot.id!.uuidString, String(snapshot.createdAt.timeIntervalSince1970)]
            + periods.map { "\($0.id!.uuidString):\($0.status)" }).joined(separator: "|")
    }
}
