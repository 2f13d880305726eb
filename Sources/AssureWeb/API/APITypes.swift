import AssureApp
import AssureCore
import AssureStorage
import Foundation

// The JSON API's own types: stable names for outsiders, converted explicitly from domain values.

struct APIPeriod: Codable, Sendable {
    let id: UUID
    let key: String
    let label: String
    let asAt: String
    let publishOn: String?
    let status: String
    let illustrative: Bool

    init(_ period: PeriodInfo) {
        id = period.id
        key = period.key
        label = period.label
        asAt = period.asAt.iso
        publishOn = period.publishOn?.iso
        status = period.status.rawValue
        illustrative = period.isIllustrative
    }
}

struct APIPortfolio: Codable, Sendable {
    let id: UUID
    let name: String
    let scale: String
    let ratings: [String]
    let periods: [APIPeriod]
}

struct APICell: Codable, Sendable {
    let text: String
    let rating: String?
    let trend: String?
    let trendReported: Bool?
    let flags: [String]?
    /// "Not updated since September 2016" on a carried-forward project's cell.
    let notice: String?

    init(_ cell: ReportTable.Cell) {
        text = cell.text
        notice = cell.notice
        rating = cell.rating?.label
        trend = cell.trend?.rawValue
        trendReported = cell.trend == nil ? nil : cell.trendIsReported
        flags = cell.flags.isEmpty ? nil : cell.flags.map(\.message)
    }
}

struct APITable: Codable, Sendable {
    let title: String
    let subtitle: [String]
    let columns: [String]
    let rows: [[APICell]]

    init(_ table: ReportTable) {
        title = table.title
        subtitle = table.subtitle
        columns = table.columns
        rows = table.rows.map { $0.map(APICell.init) }
    }
}

struct APIDashboard: Codable, Sendable {
    let report: String
    let portfolio: String
    let period: APIPeriod
    let previousPeriod: String?
    let counts: [String: Int]
    /// Of each count, how many are carried forward (not updated this period).
    let countsNotUpdated: [String: Int]
    /// Set while the period is not published: its values are not final.
    let provisional: String?
    let tables: [APITable]

    init(_ kind: ReportKind, _ report: PeriodReport) {
        self.report = kind.rawValue
        portfolio = report.portfolio.name
        period = APIPeriod(report.period)
        previousPeriod = report.previousPeriodKey
        counts = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.label, $0.count) })
        countsNotUpdated = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.label, $0.notUpdated ?? 0) })
        provisional = report.isProvisional ? PeriodReport.provisionalNotice : nil
        tables = kind.tables(report).map(APITable.init)
    }
}

struct APIProjectPeriod: Codable, Sendable {
    let period: APIPeriod
    let rating: String?
    let ratingAsWritten: String?
    let trend: String?
    let update: String?
    let milestones: [APIMilestone]
    let flags: [String]
    /// "Not updated since September 2016" where the period's return was carried forward.
    let notUpdated: String?
    /// Set while the period is not published.
    let provisional: String?
}

struct APIMilestone: Codable, Sendable {
    let title: String
    let date: String
    let dueBy: String?
    let precision: String?
    let rating: String?
}

struct APIProject: Codable, Sendable {
    let id: UUID
    let reference: String?
    let title: String
    let programme: String
    let portfolio: String
    let sro: String?
    let lead: String?
    /// The plan column as written, and whether it says there is a plan (nil where it says neither).
    let projectPlan: String?
    let hasProjectPlan: Bool?
    let periods: [APIProjectPeriod]
}

extension APIProjectPeriod {
    init(period: PeriodInfo, row: ProjectRow?) {
        self.period = APIPeriod(period)
        rating = row?.effective?.label
        ratingAsWritten = row?.reportedRating?.written
        trend = row?.trend.shown?.rawValue
        update = row?.update
        milestones = (row?.milestones ?? []).map {
            APIMilestone(
                title: $0.title, date: $0.date.written, dueBy: $0.date.parsed?.dueBy.iso,
                precision: $0.date.parsed?.precision.rawValue, rating: $0.rating?.written)
        }
        flags = (row?.flags ?? []).map(\.message)
        notUpdated = row?.notUpdatedWords
        provisional = period.status == .published ? nil : PeriodReport.provisionalNotice
    }
}

struct APIChange: Codable, Sendable {
    let change: String
    let programme: String
    let projectID: UUID
    let reference: String?
    let project: String
    let detail: String
    let rating: String?
}

struct APIChanges: Codable, Sendable {
    let portfolio: String
    let from: APIPeriod
    let to: APIPeriod
    let counts: [String: Int]
    let changes: [APIChange]

    init(from old: PeriodReport, to new: PeriodReport) {
        let changes = ChangesReport.compare(from: old, to: new)
        portfolio = new.portfolio.name
        from = APIPeriod(old.period)
        to = APIPeriod(new.period)
        counts = Dictionary(
            uniqueKeysWithValues: ChangesReport.Change.Kind.allCases.map { kind in
                (kind.rawValue, changes.filter { $0.kind == kind }.count)
            })
        self.changes = changes.map {
            APIChange(
                change: $0.kind.rawValue, programme: $0.programme, projectID: $0.project.id,
                reference: $0.project.reference,
                project: $0.project.title, detail: $0.detail, rating: $0.rating?.label)
        }
    }
}

struct APIReturnTracking: Codable, Sendable {
    struct Row: Codable, Sendable {
        let projectID: UUID
        let reference: String?
        let title: String
        let programme: String
        let state: String
        let owners: [String]
        let ownerEmails: [String]?
        let submittedAt: Date?
        let reviewedBy: String?
        let reviewComment: String?
    }
    let period: APIPeriod
    let counts: [String: Int]
    let returns: [Row]

    init(_ tracking: ReturnTracking, showAddresses: Bool) {
        period = APIPeriod(tracking.period)
        counts = Dictionary(uniqueKeysWithValues: ReturnState.allCases.map { ($0.rawValue, tracking.counts[$0] ?? 0) })
        returns = tracking.programmes.flatMap { group in
            group.rows.map { row in
                Row(
                    projectID: row.project.id, reference: row.project.reference, title: row.project.title,
                    programme: group.programme.name,
                    state: row.state.rawValue, owners: row.owners.map(\.name),
                    ownerEmails: showAddresses ? row.owners.compactMap(\.email) : nil, submittedAt: row.submittedAt,
                    reviewedBy: row.reviewedBy, reviewComment: row.reviewComment)
            }
        }
    }
}

/// A page of a portfolio's project list: `total` projects in all, these from `offset`.
struct APIProjectList: Codable, Sendable {
    struct Item: Codable, Sendable {
        let id: UUID
        let reference: String?
        let title: String
        let programme: String
        let parentId: UUID?
        let sro: String?
        let lead: String?
        let rating: String?
    }

    let total: Int
    let offset: Int
    let limit: Int
    /// The published period the ratings are from.
    let ratingsAsAt: String?
    let projects: [Item]

    init(_ page: ProjectListPage) {
        total = page.total
        offset = page.offset
        limit = page.limit
        ratingsAsAt = page.ratingsAsAt
        projects = page.items.map {
            Item(
                id: $0.id, reference: $0.reference, title: $0.title, programme: $0.programme, parentId: $0.parentID,
                sro: $0.sro, lead: $0.lead, rating: $0.rating?.label)
        }
    }
}
