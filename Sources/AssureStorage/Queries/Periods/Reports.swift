import AssureCore
import FluentKit
import Foundation
import SQLKit

/// A period's report: the frozen snapshot for a published period, built live otherwise.
public enum Reports {
    package static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
    package static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Published reports already read, by snapshot and programme: a snapshot is never changed (re-publishing writes a
    /// new one), so a copy serves every later request. Bounded by rows (projects and sub-items; a summary counts its
    /// programmes): a decoded row with its milestones takes several kilobytes, so the bound is about 150–250 MB.
    static let publishedReports = BoundedCache<PublishedKey, PeriodReport>(capacity: 30_000)

    /// Rows of published reports held in memory now (the metrics report it).
    public static var cachedReportRows: Int { publishedReports.cost }

    struct PublishedKey: Hashable, Sendable {
        enum Part: Hashable, Sendable {
            case summary
            /// One programme's rows, or every row.
            case rows(programme: UUID?)
        }
        let snapshot: UUID
        let part: Part
    }

    /// A published row from its stored JSON: read by hand (`ProjectRow(storedJSON:)`, several times faster), or by
    /// `JSONDecoder` should the text hold anything the hand-written reader does not take.
    package static func row(storedJSON json: String) throws -> ProjectRow {
        if let row = try? ProjectRow(storedJSON: json) { return row }
        return try decoder.decode(ProjectRow.self, from: Data(json.utf8))
    }

    /// A report as the stored JSON text (sorted keys, ISO dates): a summary, a row, an archived report.
    package static func document(_ report: PeriodReport) throws -> String {
        String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    /// How many milestone lines the portfolio's returns hold, in every period: the size a benchmark reports.
    public static func milestoneRowCount(_ db: Database, portfolioID: UUID) async throws -> Int {
        let sql = try db.sql()
        struct Count: Decodable { let total: Int }
        return try await sql.raw(
            """
            SELECT COUNT(*) AS total FROM return_milestones m JOIN returns r ON r.id = m.return_id
            JOIN periods p ON p.id = r.period_id WHERE p.portfolio_id = \(bind: portfolioID)
            """
        ).first(decoding: Count.self)?.total ?? 0
    }

    /// For benchmarks that measure reading a snapshot from the database.
    public static func forgetDecodedSnapshots() { publishedReports.removeAll() }

    /// The period's report as `reader` is shown it (`Readership`: returns in progress and the PMO's findings only to
    /// those who may see them); with `programme`, that programme's only (an open period then reads and builds that
    /// programme's rows alone, the same rows the whole report would give it).
    public static func report(
        _ db: Database, periodID: UUID, programme: UUID? = nil,
        for reader: Readership = .pmo
    ) async throws -> PeriodReport {
        let whole = try await report(db, periodID: periodID, building: programme, for: reader)
        return (programme.map { whole.only(programme: $0) } ?? whole).shown(to: reader)
    }

    private static func report(
        _ db: Database, periodID: UUID, building programme: UUID?,
        for reader: Readership
    ) async throws -> PeriodReport {
        if let published = try await published(db, periodID: periodID, programme: programme) { return published }
        let data = try await periodData(db, periodID: periodID, scope: programme.map(RowScope.programme))
        return PeriodReportBuilder.build(data.withholdingReturnsInProgress(from: reader))
    }

    /// One project's row (with its sub-items) in a period as `reader` is shown it: read from the published rows, or
    /// built from that project's rows alone, as the whole report would build it.
    private static func row(
        _ db: Database, projectID: UUID, in period: PeriodInfo, published: [PublishedLine]?,
        for reader: Readership
    ) async throws -> ProjectRow? {
        if period.status == .published {
            // Every published period is kept as rows (M032): a project with none was not in that period.
            let lines = published ?? []
            guard var row = lines.first(where: { $0.row.project.id == projectID })?.row else { return nil }
            row.children = lines.filter { $0.parentID == projectID }.map(\.row)
            return row.shown(to: reader, in: period)
        }
        let data = try await periodData(db, periodID: period.id, scope: .project(projectID))
        return PeriodReportBuilder.build(data.withholdingReturnsInProgress(from: reader)).shown(to: reader)
            .findRow(projectID)
    }

    /// A published period's report, or nil when the period is not published: its summary and the rows of `programme`
    /// (all rows without one), read by index. A snapshot still written as one document is read whole.
    private static func published(_ db: Database, periodID: UUID, programme: UUID?) async throws -> PeriodReport? {
        guard let (snapshot, summary) = try await storedSummary(db, periodID: periodID) else { return nil }
        if summary.hasRows { return summary }
        let key = PublishedKey(snapshot: snapshot, part: .rows(programme: programme))
        if let report = publishedReports.value(for: key) { return report }
        let lines = try await PublishedRows.read(db, periodID: periodID, programme: programme)
        // One programme's copy keeps that programme of the summary only: at 2,500 programmes, a copy carrying every
        // programme's counts weighed a third of a megabyte, and a whole-portfolio stream filled the cache with them.
        let report = (programme.map { summary.only(programme: $0) } ?? summary).restoring(lines)
        publishedReports.insert(report, for: key, cost: max(1, lines.count))
        return report
    }

    /// The snapshot's id and the summary it keeps (a document from before M032 holds its rows too).
    private static func storedSummary(_ db: Database, periodID: UUID) async throws -> (UUID, PeriodReport)? {
        guard
            let stored = try await PeriodSnapshotRecord.query(on: db).filter(\.$period.$id == periodID).field(\.$id)
                .first()
        else { return nil }
        let key = PublishedKey(snapshot: try stored.requireID(), part: .summary)
        if let known = publishedReports.value(for: key) { return (key.snapshot, known) }
        guard let snapshot = try await PeriodSnapshotRecord.find(stored.id, on: db) else {
            throw DomainError.notFound("snapshot")
        }
        let summary = try decoder.decode(PeriodReport.self, from: Data(snapshot.reportJSON.utf8))
        publishedReports.insert(summary, for: key, cost: max(1, summary.allRows.count, summary.programmes.count))
        return (key.snapshot, summary)
    }

    /// A published period's summary (its period, counts and programmes, no rows) as `reader` is shown it; nil when the
    /// period is not published. A page that writes the whole portfolio reads this, then each programme's rows in turn.
    public static func publishedSummary(
        _ db: Database, periodID: UUID, for reader: Readership = .pmo
    ) async throws -> PeriodReport? {
        guard let (_, summary) = try await storedSummary(db, periodID: periodID), !summary.hasRows else { return nil }
        return summary.shown(to: reader)
    }

    /// Everything the builder needs, in a fixed number of queries whatever the size of the portfolio.
    public static func periodData(_ db: Database, periodID: UUID) async throws -> PeriodData {
        try await periodData(db, periodID: periodID, scope: nil)
    }

    package static func periodData(_ db: Database, periodID: UUID, scope: RowScope?) async throws -> PeriodData {
        guard let period = try await PeriodRecord.find(periodID, on: db),
            let portfolio = try await PortfolioRecord.find(period.$portfolio.id, on: db)
        else {
            throw DomainError.notFound("reporting period")
        }
        let names = try await People.names(db)
        let programme: UUID?
        switch scope {
        case nil: programme = nil
        case .programme(let id): programme = id
        case .project(let id): programme = try await ProjectRecord.find(id, on: db)?.$programme.id
        }
        // A page of one programme or project reads its programme's record only, not the portfolio's thousands.
        var programmeQuery = ProgrammeRecord.query(on: db).filter(\.$portfolio.$id == (try portfolio.requireID()))
        if let programme { programmeQuery = programmeQuery.filter(\.$id == programme) }
        let programmes = try await programmeQuery.sort(\.$sortOrder).all()
        let projects = try await projectsInDisplayOrder(
            db, portfolioID: portfolio.requireID(), names: names, scope: scope
        ).map(\.info)
        let returnInfos = try await returns(db, periodID: periodID, scope: scope)

        var previous: PublishedPeriods.Latest?
        if let sql = db as? SQLDatabase {
            previous = try await PublishedPeriods.latest(sql, portfolioID: portfolio.requireID(), before: period.asAt)
        }
        var previousRatings: [UUID: RatingLevel] = [:]
        var previousReturns: [UUID: ReturnInfo] = [:]
        if let previous {
            previousRatings = try await PeriodRatings.read(db, periodID: previous.id.value, scope: scope)
            previousReturns = try await returns(db, periodID: previous.id.value, scope: scope)
        }
        return PeriodData(
            portfolio: try portfolio.info, period: try period.info,
            programmes: try programmes.map { try $0.info(names: names) },
            projects: projects, returns: returnInfos,
            previousPeriodKey: previous?.key, previousRatings: previousRatings,
            previousReturns: previousReturns, disabledChecks: portfolio.checksSwitchedOff,
            milestoneBaselines: try await baselines(
                db, portfolioID: portfolio.requireID(), before: period.asAt, scope: scope))
    }

    static func baselines(
        _ db: Database, portfolioID: UUID, before asAt: String,
        scope: RowScope?
    ) async throws -> [UUID: [String: MilestoneBaseline]] {
        let sql = try db.sql()
        return try await MilestoneBaselines.before(sql, portfolioID: portfolioID, asAt: asAt, scope: scope)
    }

    /// A project's rating in every period of its portfolio, oldest first, for the project page.
    public static func history(
        _ db: Database, projectID: UUID,
        for reader: Readership = .pmo
    ) async throws -> [(period: PeriodInfo, row: ProjectRow?)] {
        guard let project = try await ProjectRecord.find(projectID, on: db),
            let programme = try await ProgrammeRecord.find(project.$programme.id, on: db)
        else {
            throw DomainError.notFound("project")
        }
        let periods = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == programme.$portfolio.id)
            .sort(\.$asAt).all()
        // Published periods: the project's own rows, by index. Others: built from its own rows.
        let published = try await PublishedRows.read(
            db, projectID: projectID, periods: try periods.map { try $0.requireID() })
        var result: [(PeriodInfo, ProjectRow?)] = []
        for period in periods {
            let info = try period.info
            result.append(
                (info, try await row(db, projectID: projectID, in: info, published: published[info.id], for: reader)))
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

package extension Reports {
    /// What a published period's pages are made of, as a short text that changes whenever any of it could: the snapshot
    /// (re-publishing writes a new one) and the portfolio's list of periods (the "show as at" links). Nil when the
    /// period is not published, as its pages change with every return. Reads no report, so a revalidation is cheap.
    public static func publishedStamp(_ db: Database, periodID: UUID) async throws -> String? {
        let sql = try db.sql()
        struct Row: Decodable { let snapshot: RowUUID; let id: RowUUID; let status: String }
        // One query of plain rows: this runs on every request for a published page.
        let rows = try await sql.raw(
            """
            SELECT s.id AS snapshot, other.id, other.status FROM period_snapshots s
            JOIN periods asked ON asked.id = s.period_id
            JOIN periods other ON other.portfolio_id = asked.portfolio_id
            WHERE s.period_id = \(bind: periodID)
            """
        ).all(decoding: Row.self)
        guard let snapshot = rows.first?.snapshot.value else { return nil }
        return ([snapshot.uuidString] + rows.map { "\($0.id.value.uuidString):\($0.status)" }.sorted()).joined(
            separator: "|")
    }

}
