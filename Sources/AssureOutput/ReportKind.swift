import AssureCore
import Foundation

/// The dashboards Assure produces, each as the tables of its seed paper.
public enum ReportKind: String, CaseIterable, Sendable {
    /// Seed 004: summary and detailed tables.
    case programmeDashboard = "programme-dashboard"
    /// Seed 000: priorities summary and one monitoring report per group.
    case priorities
    /// The assurance checks' findings.
    case exceptions

    public var title: String {
        switch self {
        case .programmeDashboard: "Programme Dashboard"
        case .priorities: "Priorities report"
        case .exceptions: "Assurance exceptions"
        }
    }

    /// The tables of the report; each table of a period not yet published says so above its rows, so that no page,
    /// print or download of it can be taken for final.
    public func tables(_ report: PeriodReport) -> [ReportTable] {
        let tables: [ReportTable] =
            switch self {
            case .programmeDashboard: [ProgrammeDashboard.summary(report), ProgrammeDashboard.detail(report)]
            case .priorities: [PrioritiesReport.summary(report)] + PrioritiesReport.monitoringReports(report)
            case .exceptions: ExceptionsReport.tables(report)
            }
        guard report.isProvisional else { return tables }
        return tables.map { table in
            var table = table
            table.subtitle.insert(PeriodReport.provisionalNotice, at: 0)
            return table
        }
    }
}

public enum OutputFormat: String, CaseIterable, Sendable {
    case html, csv, json

    public var contentType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        }
    }
}
