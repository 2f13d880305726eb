import AssureCore
import Fluent
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

    /// Every milestone date reported in the portfolio's earlier published periods, by project and title, oldest first:
    /// two queries, whatever the number of periods.
    static func milestoneHistory(_ db: Database, portfolioID: UUID, before asAt: String) async throws -> [UUID: [String: [ReportedDate]]] {
        let periods = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == portfolioID)
            .filter(\.$status == PeriodStatus.published.rawValue).filter(\.$asAt < asAt).sort(\.$asAt).all()
        guard !periods.isEmpty else { return [:] }
        let order = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1.id!, ($0, $1.key)) })
        // One join, filtered by period: an IN list of periods stays short where one of returns would not.
        let milestones = try await ReturnMilestoneRecord.query(on: db)
            .join(ReturnRecord.self, on: \ReturnMilestoneRecord.$parentReturn.$id == \ReturnRecord.$id)
            .filter(ReturnRecord.self, \.$period.$id ~~ Array(order.keys)).all()
        var result: [UUID: [String: [(Int, ReportedDate)]]] = [:]
        for milestone in milestones {
            let ret = try milestone.joined(ReturnRecord.self)
            guard let (rank, key) = order[ret.$period.id] else { continue }
            result[ret.$project.id, default: [:]][milestone.title, default: []].append((rank, ReportedDate(periodKey: key, date: milestone.dateText)))
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
