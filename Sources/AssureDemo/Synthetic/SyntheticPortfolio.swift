import AssureCore
import Foundation

/// A realistic portfolio of any size for benchmarks: programmes of about 40 projects, one project in ten with two
/// sub-items, milestones whose dates slip now and then, and ratings that drift. Every value is a pure function of the
/// seed and the indexes, so the same command builds the same portfolio on any machine, in any order.
public struct SyntheticPortfolio: Sendable {
    public let projects: Int
    public let milestonesPerProject: Int
    public let periods: Int
    public let seed: UInt64

    public init(projects: Int, milestonesPerProject: Int, periods: Int, seed: UInt64 = 2016) {
        self.projects = projects
        self.milestonesPerProject = milestonesPerProject
        self.periods = periods
        self.seed = seed
    }

    public var name: String { "Synthetic portfolio (\(projects) projects, seed \(seed))" }
    public var programmeCount: Int { max(1, (projects + 39) / 40) }
    public static let people = (0..<200).map { "Person \($0 + 1)" }

    public func programmeName(_ index: Int) -> String { "Programme \(index + 1)" }
    public func programme(ofProject project: Int) -> Int { project % programmeCount }
    public func reference(_ project: Int) -> String { "P\(String(format: "%06d", project + 1))" }
    public func title(_ project: Int) -> String {
        "\(Self.verbs[Int(hash(project, 1) % 6)]) \(Self.subjects[Int(hash(project, 2) % 8)]) \(project + 1)"
    }
    public func sro(_ project: Int) -> String { Self.people[Int(hash(project, 3) % 40)] }
    public func lead(_ project: Int) -> String { Self.people[40 + Int(hash(project, 4) % 160)] }
    /// Sub-items of a project: two for one project in ten.
    public func subItems(_ project: Int) -> Int { hash(project, 5) % 10 == 0 ? 2 : 0 }

    /// Monthly periods ending September 2019, oldest first; all published but the last, which is open.
    public func periodKey(_ index: Int) -> PeriodKey {
        let months = 2019 * 12 + 8 - (periods - 1 - index)
        return PeriodKey("\(months / 12)-\(String(format: "%02d", months % 12 + 1))")!
    }

    /// The rating drifts: a project's usual rating, moved one step for a spell of four months now and then.
    public func rating(_ project: Int, period: Int) -> String {
        let usual = Int(hash(project, 6) % 10)
        var level = usual < 6 ? 0 : usual < 9 ? 1 : 2
        let spell = hash(project, 7, period / 4) % 5
        if spell == 0 { level = min(2, level + 1) } else if spell == 1 { level = max(0, level - 1) }
        return ["Green", "Amber", "Red"][level]
    }

    /// A milestone's date as written in a period's return: its baseline month, plus a month for each slip so far.
    public func milestone(_ project: Int, _ index: Int, period: Int) -> MilestoneLine {
        let start = periodKey(0)
        let baseline = 3 * (index + 1) + Int(hash(project, 8, index) % 6)
        var month = start.year * 12 + start.month - 1 + baseline
        for spell in 0...(period / 6) where hash(project, 9, index, spell) % 4 == 0 { month += 1 }
        let date = "\(CalendarDate.monthNames[month % 12].prefix(3))-\(String(format: "%02d", (month / 12) % 100))"
        let rating = hash(project, 10, index, period / 4) % 7 == 0 ? "Amber" : nil
        return MilestoneLine(title: "Milestone \(index + 1)", date: date, rating: rating)
    }

    public func update(_ project: Int, period: Int) -> String {
        "Period \(period + 1): \(Self.progress[Int(hash(project, 11, period) % 5)]) for \(title(project))."
    }

    /// SplitMix64 over the seed and the indexes: stable across runs, platforms and Swift versions.
    func hash(_ values: Int...) -> UInt64 {
        var state = seed
        for value in values {
            state = state &+ 0x9E37_79B9_7F4A_7C15 &+ UInt64(bitPattern: Int64(value))
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            state = z ^ (z >> 31)
        }
        return state
    }

    static let verbs = ["Redesign", "Integrate", "Procure", "Digitise", "Consolidate", "Expand"]
    static let subjects = [
        "community hubs", "urgent care pathway", "discharge to assess", "mental health crisis line",
        "diagnostic capacity", "shared care record", "estates rationalisation", "workforce rota",
    ]
    static let progress = [
        "on track against the plan", "procurement under way", "business case approved",
        "delayed by workforce gaps", "consultation complete",
    ]
}
