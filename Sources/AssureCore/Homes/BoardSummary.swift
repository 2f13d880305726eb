import Foundation

/// What a board member must know of a published period, on one printable screen: the counts, the projects at the
/// worst rating or declining (with the mitigation given), what else changed since the period before, the milestones that
/// slipped, and the returns carried forward. Built from the same reports as the dashboard and the changes page, so the
/// numbers agree with them.
public struct BoardSummary: Sendable, Hashable {
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

    /// The period's report without its rows (its period, counts and programmes' counts).
    public let report: PeriodReport
    /// The period compared with, where there is one.
    public let previousPeriod: PeriodInfo?
    public let attention: [Attention]
    /// Changes other than ratings and milestone dates: projects added, closed, moved or renamed, and improvements.
    public let otherChanges: [ChangesReport.Change]
    /// Milestones whose date moved later since the previous period.
    public let slipped: [ChangesReport.Change]
    public let carriedForward: [Carried]

    /// The summary of two whole reports.
    public init(report: PeriodReport, previous: PeriodReport?) {
        var builder = Builder(
            report: report, previous: previous?.period, previousRatings: previous?.effectiveRatings ?? [:])
        builder.compare(from: previous, to: report)
        self = builder.summary
    }

    /// What the home page's card says of a summary: how many of each.
    public struct Counts: Sendable, Hashable {
        public let attention: Int
        public let slipped: Int
        public let carriedForward: Int

        public init(attention: Int, slipped: Int, carriedForward: Int) {
            self.attention = attention
            self.slipped = slipped
            self.carriedForward = carriedForward
        }
    }

    public var counts: Counts {
        Counts(attention: attention.count, slipped: slipped.count, carriedForward: carriedForward.count)
    }

    /// Builds a summary a programme at a time, so that a large portfolio's summary holds one programme of each period,
    /// not two whole reports. Gives what `init(report:previous:)` gives.
    public struct Builder: Sendable {
        private let report: PeriodReport
        private let previous: PeriodInfo?
        private let previousRatings: [UUID: RatingLevel]
        private let worstRank: Int?
        private var attention: [Attention] = []
        private var carried: [Carried] = []
        private var changes: ChangesReport.Accumulator?

        /// `previousRatings`: each project's and sub-item's effective rating in `previous` (`PeriodRatings`).
        public init(report: PeriodReport, previous: PeriodInfo?, previousRatings: [UUID: RatingLevel]) {
            self.report = report.summary
            self.previous = previous
            self.previousRatings = previousRatings
            worstRank = report.portfolio.scale.levels.map(\.rank).max()
            changes = previous.map { ChangesReport.Accumulator(from: $0, to: report.period) }
        }

        /// The projects the accumulated changes have met: those of the earlier period not among them were closed.
        public var seen: Set<UUID> { changes?.seen ?? [] }

        /// One programme of the period, in report order; `before` holds the previous period's entries for its projects.
        public mutating func add(_ programme: ProgrammeReport, before: [UUID: ChangesReport.Entry]) {
            for row in programme.projects {
                let trend =
                    previous == nil
                    ? row.trend.shown : Trend.derive(current: row.effective, previous: previousRatings[row.project.id])
                if row.effective?.rank == worstRank || trend == .declined {
                    attention.append(
                        Attention(
                            programme: programme.programme.name, row: row, previous: previousRatings[row.project.id],
                            trend: trend))
                }
                if row.carriedForward != nil {
                    carried.append(Carried(programme: programme.programme.name, row: row))
                }
            }
            changes?.add(programme, before: before)
        }

        /// The previous period's projects (in its order) that this one no longer has.
        public mutating func close(_ before: [ChangesReport.Entry]) { changes?.close(before) }

        public var summary: BoardSummary {
            BoardSummary(
                report: report, previousPeriod: previous,
                // The worst first, then declines; the paper's order within each.
                attention: attention.enumerated().sorted {
                    ($0.element.row.effective?.rank ?? 0, -$0.offset) > (
                        $1.element.row.effective?.rank ?? 0, -$1.offset
                    )
                }.map(\.element),
                changes: changes?.changes ?? [], carriedForward: carried)
        }
    }

    private init(
        report: PeriodReport, previousPeriod: PeriodInfo?, attention: [Attention], changes: [ChangesReport.Change],
        carriedForward: [Carried]
    ) {
        self.report = report
        self.previousPeriod = previousPeriod
        self.attention = attention
        self.carriedForward = carriedForward
        slipped = changes.filter { $0.kind == .milestoneMoved && ($0.days ?? 0) > 0 }
        otherChanges = changes.filter { ![.declined, .milestoneMoved].contains($0.kind) }
    }
}
