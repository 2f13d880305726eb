import AssureCore
import AssureStorage
import Foundation

// The JSON API's own types: stable names for outsiders, converted explicitly from domain values.

package struct APIPeriod: Codable, Sendable {
    package let id: UUID
    package let key: String
    package let label: String
    package let asAt: String
    package let publishOn: String?
    package let status: String
    package let illustrative: Bool

    package init(_ period: PeriodInfo) {
        id = period.id
        key = period.key
        label = period.label
        asAt = period.asAt.iso
        publishOn = period.publishOn?.iso
        status = period.status.rawValue
        illustrative = period.isIllustrative
    }
}

package struct APICell: Codable, Sendable {
    package let text: String
    package let rating: String?
    package let trend: String?
    package let trendReported: Bool?
    package let flags: [String]?
    /// "Not updated since September 2016" on a carried-forward project's cell.
    package let notice: String?

    package init(text: String) {
        self.text = text
        rating = nil
        trend = nil
        trendReported = nil
        flags = nil
        notice = nil
    }

    package init(_ cell: ReportTable.Cell) {
        text = cell.text
        notice = cell.notice
        rating = cell.rating?.label
        trend = cell.trend?.rawValue
        trendReported = cell.trend == nil ? nil : cell.trendIsReported
        flags = cell.flags.isEmpty ? nil : cell.flags.map(\.message)
    }
}

package struct APITable: Codable, Sendable {
    package let title: String
    package let subtitle: [String]
    package let columns: [String]
    package let rows: [[APICell]]

    package init(_ table: ReportTable) {
        self.init(table, rows: table.rows.map { $0.map(APICell.init) })
    }

    package init(_ table: ReportTable, rows: [[APICell]]) {
        title = table.title
        subtitle = table.subtitle
        columns = table.columns
        self.rows = rows
    }
}

package struct APIDashboard: Codable, Sendable {
    package let report: String
    package let portfolio: String
    package let period: APIPeriod
    package let previousPeriod: String?
    package let counts: [String: Int]
    /// Of each count, how many are carried forward (not updated this period).
    package let countsNotUpdated: [String: Int]
    /// Set while the period is not published: its values are not final.
    package let provisional: String?
    package let tables: [APITable]

    package init(_ kind: ReportKind, _ report: PeriodReport) {
        self.init(kind, report, tables: kind.tables(report).map(APITable.init))
    }

    package init(_ kind: ReportKind, _ report: PeriodReport, tables: [APITable]) {
        self.report = kind.rawValue
        portfolio = report.portfolio.name
        period = APIPeriod(report.period)
        previousPeriod = report.previousPeriodKey
        counts = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.label, $0.count) })
        countsNotUpdated = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.label, $0.notUpdated ?? 0) })
        provisional = report.isProvisional ? PeriodReport.provisionalNotice : nil
        self.tables = tables
    }
}

package struct APIProjectPeriod: Codable, Sendable {
    package let period: APIPeriod
    package let rating: String?
    package let ratingAsWritten: String?
    package let trend: String?
    package let update: String?
    package let milestones: [APIMilestone]
    package let flags: [String]
    /// "Not updated since September 2016" where the period's return was carried forward.
    package let notUpdated: String?
    /// Set while the period is not published.
    package let provisional: String?
}

package struct APIMilestone: Codable, Sendable {
    package let title: String
    package let date: String
    package let dueBy: String?
    package let precision: String?
    package let rating: String?
}

package extension APIProjectPeriod {
    package init(period: PeriodInfo, row: ProjectRow?) {
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

package struct APIChange: Codable, Sendable {
    package let change: String
    package let programme: String
    package let projectID: UUID
    package let reference: String?
    package let project: String
    package let detail: String
    package let rating: String?
}

package struct APIChanges: Codable, Sendable {
    package let portfolio: String
    package let from: APIPeriod
    package let to: APIPeriod
    package let counts: [String: Int]
    package let changes: [APIChange]

    package init(_ comparison: ChangesReport.Comparison) {
        let changes = comparison.changes
        portfolio = comparison.portfolio.name
        from = APIPeriod(comparison.from)
        to = APIPeriod(comparison.to)
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

package struct APIReturnTracking: Codable, Sendable {
    package struct Row: Codable, Sendable {
        let projectID: UUID
        let reference: String?
        let title: String
        let programme: String
        let state: String
        let owners: [String]
        let ownerEmails: [String]?
        let submittedAt: String?
        let reviewedBy: String?
        let reviewComment: String?
    }
    package let period: APIPeriod
    package let counts: [String: Int]
    package let returns: [Row]

    package init(_ tracking: ReturnTracking, showAddresses: Bool) {
        period = APIPeriod(tracking.period)
        counts = Dictionary(uniqueKeysWithValues: ReturnState.allCases.map { ($0.rawValue, tracking.counts[$0] ?? 0) })
        returns = tracking.programmes.flatMap { group in
            group.rows.map { row in
                Row(
                    projectID: row.project.id, reference: row.project.reference, title: row.project.title,
                    programme: group.programme.name,
                    state: row.state.rawValue, owners: row.owners.map(\.name),
                    ownerEmails: showAddresses ? row.owners.compactMap(\.email) : nil,
                    submittedAt: row.submittedAt.map(ISOTime.string),
                    reviewedBy: row.reviewedBy, reviewComment: row.reviewComment)
            }
        }
    }
}

/// A page of a portfolio's project list: `total` projects in all, these from `offset`.
package struct APIProjectList: Codable, Sendable {
    package struct Item: Codable, Sendable {
        let id: UUID
        let reference: String?
        let title: String
        let programme: String
        let parentId: UUID?
        let sro: String?
        let lead: String?
        let rating: String?
    }

    package let total: Int
    package let offset: Int
    package let limit: Int
    /// The published period the ratings are from.
    package let ratingsAsAt: String?
    package let projects: [Item]
    /// The address of the page after this one; absent on the last page.
    package var next: String?

    package init(_ page: ProjectListPage) {
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

/// A portfolio's milestones with their slip forecast, likeliest first, as made when its latest period was published.
/// Empty (with `shown` false) when the PMO has switched the forecast off.
package struct APISlipForecasts: Codable, Sendable {
    package struct Item: Codable, Sendable {
        let projectId: UUID
        let project: String
        let milestone: String
        let dueBy: String
        /// The chance that the milestone's date moves, or that it passes unmet, before the next period, in percent.
        let chance: Int
        /// The chance and the facts that raised it, in words.
        let words: String
    }

    package let shown: Bool
    /// The published period's key the forecasts were made at; absent before any is published.
    package let period: String?
    package let forecasts: [Item]

    package init(_ portfolio: PortfolioSummary, _ forecasts: [ShownSlipForecast]) {
        shown = portfolio.slipForecastShown
        period = portfolio.latestPublished?.key
        self.forecasts = forecasts.map {
            Item(
                projectId: $0.projectID, project: $0.projectName, milestone: $0.milestone, dueBy: $0.dueBy.iso,
                chance: $0.percent, words: $0.words)
        }
    }
}
