import AssureCore

/// The dashboards Assure produces, each as the tables of its seed paper.
public enum ReportKind: String, CaseIterable, Sendable {
    /// Seed 004: summary and detailed tables.
    case programmeDashboard = "programme-dashboard"
    /// Seed 000: priorities summary and one monitoring report per group.
    case priorities

    public var title: String {
        switch self {
        case .programmeDashboard: "Programme Dashboard"
        case .priorities: "Priorities report"
        }
    }

    public func tables(_ report: PeriodReport) -> [ReportTable] {
        switch self {
        case .programmeDashboard: [ProgrammeDashboard.summary(report), ProgrammeDashboard.detail(report)]
        case .priorities: [PrioritiesReport.summary(report)] + PrioritiesReport.monitoringReports(report)
        }
    }

    var pageRoute: AppRoute { self == .programmeDashboard ? .programmeDashboard : .priorities }
    var apiRoute: AppRoute { self == .programmeDashboard ? .apiProgrammeDashboard : .apiPriorities }
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
