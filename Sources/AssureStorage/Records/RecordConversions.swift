import AssureCore
import Foundation

// Records and domain values are separate; these are the only places one becomes the other.

package extension PortfolioRecord {
    package var info: PortfolioInfo {
        get throws {
            try PortfolioInfo(
                id: requireID(), name: name, scale: .standard(RatingScaleKind(stored: scale, "portfolios.scale")))
        }
    }
}

package extension PortfolioRecord {
    package var checksSwitchedOff: Set<Flag.Kind> {
        Set(disabledChecks.split(separator: ",").compactMap { Flag.Kind(rawValue: String($0)) })
    }
}

package extension PeriodRecord {
    package var info: PeriodInfo {
        get throws {
            try PeriodInfo(
                id: requireID(), key: key, label: label,
                frequency: try PeriodFrequency(stored: frequency, "periods.frequency"),
                asAt: CalendarDate(iso: asAt) ?? CalendarDate(year: 1970, month: 1, day: 1)!,
                publishOn: publishOn.flatMap(CalendarDate.init(iso:)),
                status: try PeriodStatus(stored: status, "periods.status"), isIllustrative: isIllustrative,
                findingsPublished: findingsPublished)
        }
    }
}

package extension ProgrammeRecord {
    package func info(names: [UUID: String]) throws -> ProgrammeInfo {
        try ProgrammeInfo(
            id: requireID(), name: name, kind: try ProgrammeKind(stored: kind, "programmes.kind"),
            clinicalLead: $clinicalLead.id.flatMap { names[$0] },
            headOfService: $headOfService.id.flatMap { names[$0] }, headOfServiceTitle: headOfServiceTitle)
    }
}

package extension ProjectRecord {
    package func info(names: [UUID: String]) throws -> ProjectInfo {
        ProjectInfo(
            id: try requireID(), programmeID: $programme.id, parentID: $parent.id, reference: reference, title: title,
            description: description, sro: $sro.id.flatMap { names[$0] }, lead: $lead.id.flatMap { names[$0] },
            commencement: commencement, projectPlan: projectPlan, projectTimescale: projectTimescale)
    }
}

package extension ReturnRecord {
    package var returnState: ReturnState { get throws { try ReturnState(stored: state) } }

    package func info(milestones: [ReturnMilestoneRecord]) throws -> ReturnInfo {
        try ReturnInfo(
            projectID: $project.id, rating: rating,
            reportedTrend: try reportedTrend.map { try Trend(stored: $0, "returns.reported_trend") },
            update: update, mitigation: mitigation,
            milestones: milestones.sorted { $0.position < $1.position }.map {
                MilestoneLine(title: $0.title, date: $0.dateText, rating: $0.rating)
            },
            submittedBy: submittedBy, submittedAt: submittedAt, state: returnState,
            carriedForward: carriedForward)
    }

    /// Where a carried-forward return's values come from.
    package var carriedForward: CarriedForward? {
        get throws {
            try returnState == .carriedForward
                ? CarriedForward(fromKey: carriedFromKey, periods: carriedPeriods ?? 1) : nil
        }
    }
}

package extension ReturnState {
    /// Rows written before return states existed were all submitted returns.
    package init(stored: String) throws { self = try ReturnState(stored: stored, "returns.state") }
}

package extension Array where Element == ProjectRecord {
    /// Display order: by programme (in the portfolio's order), then by position within the programme.
    package func inDisplayOrder(programmes: [ProgrammeRecord]) throws -> [ProjectRecord] {
        let order = Dictionary(uniqueKeysWithValues: try programmes.enumerated().map { (try $1.requireID(), $0) })
        return sorted { (order[$0.$programme.id] ?? 0, $0.sortOrder) < (order[$1.$programme.id] ?? 0, $1.sortOrder) }
    }
}
