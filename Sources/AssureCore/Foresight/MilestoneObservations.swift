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
    public var key: Key { Key(projectID: projectID, title: title) }

    /// Hashed from its parts: a refit looks each of a year's milestones up several times, and joining them into one
    /// text for every look-up was a fifth of its time.
    public struct Key: Hashable, Sendable {
        public let projectID: UUID
        public let title: String

        public init(projectID: UUID, title: String) {
            self.projectID = projectID
            self.title = title
        }
    }
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
        var gathering = Gathering(report)
        for programme in report.programmes {
            for row in programme.projects.flatMap({ [$0] + $0.children }) {
                gathering.add(row, programme: programme.programme.name)
            }
        }
        self = gathering.finished
    }

    /// A period's milestones gathered a row at a time: from a report, or from a published period's lines read a part
    /// at a time, so that a national portfolio's period need not be held whole to be learnt from.
    public struct Gathering: Sendable {
        private let key: String
        private let asAt: CalendarDate
        private let worst: Int
        private let programmeNames: [UUID: String]
        /// The projects (not sub-items) seen so far: a sub-item's milestones count, a sub-item's own sub-item's not,
        /// as in `PeriodMilestones.init(_:)`.
        private var projects: Set<UUID> = []
        private var found: [MilestoneObservation] = []

        /// For the period of `report`: its summary will do, as only its period, scale and programmes are read.
        public init(_ report: PeriodReport) {
            key = report.period.key
            asAt = report.period.asAt
            worst = report.portfolio.scale.levels.map(\.rank).max() ?? 3
            programmeNames = Dictionary(report.programmes.map { ($0.programme.id, $0.programme.name) }) { a, _ in a }
        }

        /// A published period's lines, in the order written (depth first, programme by programme).
        public mutating func add(_ lines: [PublishedLine]) {
            for line in lines {
                if let parent = line.parentID {
                    guard projects.contains(parent) else { continue }
                } else {
                    projects.insert(line.row.project.id)
                }
                add(line.row, programme: programmeNames[line.programmeID] ?? "")
            }
        }

        mutating func add(_ row: ProjectRow, programme: String) {
            let repeated = row.flags.contains { $0.kind == .repeatedNarrative }
            for milestone in row.milestones {
                guard let parsed = milestone.date.parsed else { continue }
                let level = milestone.rating?.level ?? row.effective
                found.append(
                    MilestoneObservation(
                        projectID: row.project.id, programme: programme, title: milestone.title,
                        due: parsed.dueBy, precision: parsed.precision, rating: level?.label,
                        severity: level.map { Double(max($0.rank - 1, 0)) / Double(max(worst - 1, 1)) },
                        complete: AssuranceChecks.isComplete(milestone), updateRepeated: repeated))
            }
        }

        public var finished: PeriodMilestones { PeriodMilestones(key: key, asAt: asAt, milestones: found) }
    }
}

extension MilestoneObservation {
    /// What happened to this milestone by the next period: its date moved, or its date passed and it was not complete.
    /// Nil when the next period does not report it (removed, renamed) or it was complete already.
    func slipped(in next: PeriodMilestones, byKey: [Key: MilestoneObservation]) -> Bool? {
        guard !complete, let then = byKey[key] else { return nil }
        if then.due != due { return true }
        return due < next.asAt && !then.complete
    }
}
