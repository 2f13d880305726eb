import AssureOutput
import Foundation

/// Where each report is served: its page and its API route.
extension ReportKind {
    var pageRoute: AppRoute {
        switch self {
        case .programmeDashboard: .programmeDashboard
        case .priorities: .priorities
        case .exceptions: .exceptions
        }
    }

    func pageLink(period: UUID) -> Link {
        switch self {
        case .programmeDashboard: .programmeDashboard(period: period)
        case .priorities: .priorities(period: period)
        case .exceptions: .exceptions(period: period)
        }
    }

    func apiLink(period: UUID) -> Link {
        switch self {
        case .programmeDashboard: .apiProgrammeDashboard(period: period)
        case .priorities: .apiPriorities(period: period)
        case .exceptions: .apiExceptions(period: period)
        }
    }

    var apiRoute: AppRoute {
        switch self {
        case .programmeDashboard: .apiProgrammeDashboard
        case .priorities: .apiPriorities
        case .exceptions: .apiExceptions
        }
    }
}
