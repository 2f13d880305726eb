/// A milestone's dates across periods: the baseline (first reported), each re-forecast with the period it was
/// reported in, and its completion. Milestones are matched by name within a project.
public struct MilestoneTrack: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public let periodKey: String
        public let periodLabel: String
        public let date: DateText
    }

    public let title: String
    /// The first reported date, then every change, oldest first.
    public let points: [Point]
    /// The period in which the milestone was first reported complete.
    public let completedIn: Point?

    public var baseline: Point { points[0] }
    public var latest: Point { points[points.count - 1] }
    public var moves: Int { points.count - 1 }

    /// Days between the baseline and the latest forecast (positive: later), where both dates can be read.
    public var slipDays: Int? {
        guard let first = baseline.date.parsed?.dueBy, let last = latest.date.parsed?.dueBy else { return nil }
        return first.days(until: last)
    }
}

public enum MilestoneHistory {
    /// Tracks from a project's rows in every period, oldest first (periods with no return are skipped).
    public static func tracks(_ history: [(period: PeriodInfo, row: ProjectRow?)]) -> [MilestoneTrack] {
        var order: [String] = []
        var points: [String: [MilestoneTrack.Point]] = [:]
        var completed: [String: MilestoneTrack.Point] = [:]
        for (period, row) in history {
            for milestone in row?.milestones ?? [] {
                let point = MilestoneTrack.Point(periodKey: period.key, periodLabel: period.label, date: milestone.date)
                if points[milestone.title] == nil { order.append(milestone.title) }
                var list = points[milestone.title, default: []]
                if list.last?.date.written != milestone.date.written { list.append(point) }
                points[milestone.title] = list
                let isComplete =
                    milestone.rating?.level?.code == "complete"
                    || milestone.date.parsed?.qualifier?.lowercased().contains("complete") == true
                if isComplete, completed[milestone.title] == nil { completed[milestone.title] = point }
            }
        }
        return order.map { MilestoneTrack(title: $0, points: points[$0]!, completedIn: completed[$0]) }
    }
}
