/// What the slippage check needs to know of a milestone's past: the first readable date it was reported with (its
/// baseline), its latest readable date, and how many times that date has moved. Folding one period at a time gives the
/// same answer as reading the whole history, so storage can keep this summary up to date at each publication instead
/// of re-reading every earlier period for every dashboard.
public struct MilestoneBaseline: Codable, Hashable, Sendable {
    public var baseline: ReportedDate
    public var latestDueBy: CalendarDate
    /// Changes between consecutive readable dates so far. Unreadable dates are skipped, not counted as moves.
    public var moves: Int

    public init(baseline: ReportedDate, latestDueBy: CalendarDate, moves: Int) {
        self.baseline = baseline
        self.latestDueBy = latestDueBy
        self.moves = moves
    }

    /// The summary of a history, oldest first; nil while no date in it could be read.
    public static func folding(_ history: [ReportedDate]) -> MilestoneBaseline? {
        history.reduce(nil) { summary, reported in adding(reported, to: summary) }
    }

    /// The summary once one more period's date is known.
    public static func adding(_ reported: ReportedDate, to summary: MilestoneBaseline?) -> MilestoneBaseline? {
        guard let dueBy = reported.dueBy else { return summary }
        guard var summary else { return MilestoneBaseline(baseline: reported, latestDueBy: dueBy, moves: 0) }
        if dueBy != summary.latestDueBy {
            summary.moves += 1
            summary.latestDueBy = dueBy
        }
        return summary
    }

    /// Moves counted up to and including a date reported now.
    public func moves(reportingNow dueBy: CalendarDate) -> Int {
        moves + (dueBy == latestDueBy ? 0 : 1)
    }
}
