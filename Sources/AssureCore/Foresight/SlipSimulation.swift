import Foundation

/// A portfolio's milestones over many months, slipping for reasons the forecast never sees: each programme's own
/// tendency, projects that are stuck (they slip more, repeat their updates and drift to Amber and Red), deadlines that
/// bunch at quarter ends, and slips that repeat (a milestone that moved is likelier to move again). The forecast sees
/// only what a return would show, so the backtest on this history asks whether it learns those causes from their
/// traces.
public struct SlipSimulation: Sendable {
    public let programmes: Int
    public let projectsPerProgramme: Int
    public let milestonesPerProject: Int
    public let periods: Int
    public let seed: UInt64

    public init(
        programmes: Int = 12, projectsPerProgramme: Int = 10, milestonesPerProject: Int = 4, periods: Int = 24,
        seed: UInt64 = 2016
    ) {
        self.programmes = programmes
        self.projectsPerProgramme = projectsPerProgramme
        self.milestonesPerProject = milestonesPerProject
        self.periods = periods
        self.seed = seed
    }

    /// Month ends from April 2016, one period a month.
    public func history() -> [PeriodMilestones] {
        var random = SplitMix(seed: seed)
        struct Milestone {
            /// Months after the first period's.
            var month: Int
            var moves = 0
            var complete = false
        }
        struct Project {
            let info: ProjectInfo
            let programme: Int
            let stuck: Bool
            var milestones: [Milestone]
        }
        let tendency = (0..<programmes).map { _ in 0.01 + 0.14 * random.unit() }
        let start = CalendarDate(year: 2016, month: 4, day: 30)!
        func monthEnd(_ offset: Int) -> CalendarDate {
            let month = start.month - 1 + offset
            return CalendarDate.lastDay(year: start.year + month / 12, month: month % 12 + 1)!
        }
        var projects: [Project] = []
        for programme in 0..<programmes {
            for index in 0..<projectsPerProgramme {
                let id = UUID(
                    uuidString: String(format: "%08X-0000-4000-8000-%012X", programme, index))!
                let milestones = (0..<milestonesPerProject).map { _ -> Milestone in
                    // Deadlines bunch at quarter ends three times in five.
                    var month = 1 + Int(random.unit() * Double(periods))
                    if random.unit() < 0.6 { month += (3 - (start.month + month) % 3) % 3 }
                    return Milestone(month: month)
                }
                projects.append(
                    Project(
                        info: ProjectInfo(
                            id: id, programmeID: id, reference: "P\(programme)-\(index)",
                            title: "Project \(programme)-\(index)"),
                        programme: programme, stuck: random.unit() < 0.2, milestones: milestones))
            }
        }
        var history: [PeriodMilestones] = []
        for period in 0..<periods {
            let asAt = monthEnd(period)
            var observed: [MilestoneObservation] = []
            for (p, project) in projects.enumerated() {
                let repeated = random.unit() < (project.stuck ? 0.7 : 0.1)
                let severity = project.stuck ? (random.unit() < 0.5 ? 1.0 : 0.5) : (random.unit() < 0.15 ? 0.5 : 0)
                for (m, milestone) in project.milestones.enumerated() {
                    observed.append(
                        MilestoneObservation(
                            projectID: project.info.id, programme: "Programme \(project.programme)",
                            title: "Milestone \(m + 1)", due: monthEnd(milestone.month), precision: .month,
                            rating: severity == 1 ? "Red" : severity == 0.5 ? "Amber" : "Green", severity: severity,
                            complete: milestone.complete, updateRepeated: repeated))
                }
                // The month to the next period: each open milestone may slip, or pass its date met or unmet.
                for m in projects[p].milestones.indices where !projects[p].milestones[m].complete {
                    var milestone = projects[p].milestones[m]
                    let near = milestone.month - period <= 2
                    let hazard = min(
                        0.9,
                        tendency[project.programme] * (project.stuck ? 2.5 : 1) * (1 + 0.8 * Double(milestone.moves))
                            * (near ? 2 : 0.5))
                    if random.unit() < hazard {
                        // Put back one to three months, and never into a month already reported.
                        milestone.month = max(milestone.month, period + 1) + 1 + Int(random.unit() * 3)
                        milestone.moves += 1
                    } else if milestone.month <= period + 1 {
                        // Passed unmet as often as the hazard says; otherwise delivered.
                        milestone.complete = random.unit() >= hazard / 2
                    }
                    projects[p].milestones[m] = milestone
                }
            }
            history.append(
                PeriodMilestones(
                    key: String(format: "%04d-%02d", asAt.year, asAt.month), asAt: asAt,
                    milestones: observed))
        }
        return history
    }
}

/// SplitMix64: the same numbers for the same seed, on every platform.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
