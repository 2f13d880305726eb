import Foundation

/// One open milestone as a period reported it: what the slip forecast may know of it at that period, and nothing
/// later.
public struct MilestoneObservation: Sendable, Hashable {
    public let projectID: UUID
    public let programme: String
    public let title: String
    public let due: CalendarDate
    public let precision: DatePrecision
    /// The milestone's rating, or the project's where the milestone has none, as a label and as a severity from 0
    /// (the scale's best) to 1 (its worst), so that three-point and five-point scales weigh alike.
    public let rating: String?
    public let severity: Double?
    public let complete: Bool
    /// The project's update was word for word the period before's.
    public let updateRepeated: Bool

    public init(
        projectID: UUID, programme: String, title: String, due: CalendarDate, precision: DatePrecision,
        rating: String?, severity: Double?, complete: Bool, updateRepeated: Bool
    ) {
        self.projectID = projectID
        self.programme = programme
        self.title = title
        self.due = due
        self.precision = precision
        self.rating = rating
        self.severity = severity
        self.complete = complete
        self.updateRepeated = updateRepeated
    }

    /// A milestone is the same one from period to period when its project and title are.
    public var key: String { projectID.upperText + "|" + title }
}

/// The milestones of one period, as at its as-at day.
public struct PeriodMilestones: Sendable, Hashable {
    public let key: String
    public let asAt: CalendarDate
    public let milestones: [MilestoneObservation]

    public init(key: String, asAt: CalendarDate, milestones: [MilestoneObservation]) {
        self.key = key
        self.asAt = asAt
        self.milestones = milestones
    }

    /// Every dated milestone of a period's report, projects and sub-items alike.
    public init(_ report: PeriodReport) {
        var found: [MilestoneObservation] = []
        let worst = report.portfolio.scale.levels.map(\.rank).max() ?? 3
        for programme in report.programmes {
            for row in programme.projects.flatMap({ [$0] + $0.children }) {
                let repeated = row.flags.contains { $0.kind == .repeatedNarrative }
                for milestone in row.milestones {
                    guard let parsed = milestone.date.parsed else { continue }
                    let level = milestone.rating?.level ?? row.effective
                    found.append(
                        MilestoneObservation(
                            projectID: row.project.id, programme: programme.programme.name, title: milestone.title,
                            due: parsed.dueBy, precision: parsed.precision, rating: level?.label,
                            severity: level.map { Double(max($0.rank - 1, 0)) / Double(max(worst - 1, 1)) },
                            complete: AssuranceChecks.isComplete(milestone), updateRepeated: repeated))
                }
            }
        }
        self.init(key: report.period.key, asAt: report.period.asAt, milestones: found)
    }
}

extension MilestoneObservation {
    /// What happened to this milestone by the next period: its date moved, or its date passed and it was not complete.
    /// Nil when the next period does not report it (removed, renamed) or it was complete already.
    func slipped(in next: PeriodMilestones, byKey: [String: MilestoneObservation]) -> Bool? {
        guard !complete, let then = byKey[key] else { return nil }
        if then.due != due { return true }
        return due < next.asAt && !then.complete
    }
}
