import Foundation

/// What a board member must know of a published period, on one printable screen: the counts, the projects at the
/// worst rating or declining (with the mitigation given), what else changed since the period before, the milestones that
/// slipped, and the returns carried forward. Built from the same reports as the dashboard and the changes page, so the
/// numbers agree with them.
public struct BoardSummary: Sendable {
    /// A project the board should read about: at the scale's worst rating, or declined since the last period.
    public struct Attention: Sendable, Hashable {
        public let programme: String
        public let row: ProjectRow
        /// The rating it had in the period before, where there was one.
        public let previous: RatingLevel?
        public let trend: Trend?

        public var change: RatingChange {
            RatingChange(previous: previous, current: row.effective, written: row.ratingDisplay, trend: trend)
        }
    }

    public struct Carried: Sendable, Hashable {
        public let programme: String
        public let row: ProjectRow
    }

    public let report: PeriodReport
    /// The period compared with, where there is one.
    public let previousPeriod: PeriodInfo?
    public let attention: [Attention]
    /// Changes other than ratings and milestone dates: projects added, closed, moved or renamed, and improvements.
    public let otherChanges: [ChangesReport.Change]
    /// Milestones whose date moved later since the previous period.
    public let slipped: [ChangesReport.Change]
    public let carriedForward: [Carried]

    public init(report: PeriodReport, previous: PeriodReport?) {
        self.report = report
        previousPeriod = previous?.period
        let worstRank = report.portfolio.scale.levels.map(\.rank).max()
        let before = previous?.effectiveRatings ?? [:]
        var attention: [Attention] = []
        var carried: [Carried] = []
        for programme in report.programmes {
            for row in programme.projects {
                let trend =
                    previous == nil
                    ? row.trend.shown : Trend.derive(current: row.effective, previous: before[row.project.id])
                if row.effective?.rank == worstRank || trend == .declined {
                    attention.append(
                        Attention(
                            programme: programme.programme.name, row: row, previous: before[row.project.id],
                            trend: trend))
                }
                if row.carriedForward != nil {
                    carried.append(Carried(programme: programme.programme.name, row: row))
                }
            }
        }
        // The worst first, then declines; the paper's order within each.
        self.attention = attention.enumerated().sorted {
            ($0.element.row.effective?.rank ?? 0, -$0.offset) > ($1.element.row.effective?.rank ?? 0, -$1.offset)
        }.map(\.element)
        carriedForward = carried
        let changes = previous.map { ChangesReport.compare(from: $0, to: report) } ?? []
        slipped = changes.filter { $0.kind == .milestoneMoved && ($0.days ?? 0) > 0 }
        otherChanges = changes.filter { ![.declined, .milestoneMoved].contains($0.kind) }
    }
}
