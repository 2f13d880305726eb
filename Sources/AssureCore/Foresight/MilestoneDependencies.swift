import Foundation

/// A milestone, or a project as a whole, that can wait on another project's milestone. A milestone is the same one from
/// period to period when its project and title are (as the slip forecast and the baselines read it).
public struct DependencyEnd: Sendable, Hashable, Codable {
    public let projectID: UUID
    /// Nil for the project as a whole: every milestone of it waits.
    public let milestone: String?

    public init(projectID: UUID, milestone: String?) {
        self.projectID = projectID
        self.milestone = milestone
    }
}

/// One end waiting on a milestone of another project.
public struct MilestoneDependency: Sendable, Hashable, Codable {
    public let dependant: DependencyEnd
    /// Always a milestone: a project is waited on through one of its milestones.
    public let upstream: DependencyEnd

    public init(dependant: DependencyEnd, upstream: DependencyEnd) {
        self.dependant = dependant
        self.upstream = upstream
    }
}

/// The dependencies of a portfolio (across programmes): which ends wait on which, and whether a new one would close a
/// loop.
public struct DependencyGraph: Sendable {
    public let dependencies: [MilestoneDependency]
    private let upstreamsOf: [DependencyEnd: [DependencyEnd]]
    private let milestonesOf: [UUID: Set<String>]

    public init(_ dependencies: [MilestoneDependency]) {
        self.dependencies = dependencies
        upstreamsOf = Dictionary(grouping: dependencies, by: \.dependant).mapValues { $0.map(\.upstream) }
        var milestones: [UUID: Set<String>] = [:]
        for end in dependencies.flatMap({ [$0.dependant, $0.upstream] }) {
            if let title = end.milestone { milestones[end.projectID, default: []].insert(title) }
        }
        milestonesOf = milestones
    }

    /// What an end waits on directly: its own upstreams, and a milestone those of its project as a whole; a project
    /// those of every one of its milestones (it is not done until they are).
    public func waitsOn(_ end: DependencyEnd) -> [DependencyEnd] {
        let whole = DependencyEnd(projectID: end.projectID, milestone: nil)
        if end.milestone == nil {
            let parts = (milestonesOf[end.projectID] ?? []).sorted().flatMap {
                upstreamsOf[DependencyEnd(projectID: end.projectID, milestone: $0)] ?? []
            }
            return (upstreamsOf[end] ?? []) + parts
        }
        return (upstreamsOf[end] ?? []) + (upstreamsOf[whole] ?? [])
    }

    /// The loop that `dependency` would close, from its dependant through what it would wait on and back, or nil. A
    /// project waiting on its own milestone is a loop of one.
    public func loop(adding dependency: MilestoneDependency) -> [DependencyEnd]? {
        let start = dependency.dependant
        func closes(_ end: DependencyEnd) -> Bool {
            end.projectID == start.projectID && (start.milestone == nil || end.milestone == start.milestone)
        }
        // Breadth first from the upstream, remembering how each end was reached, so the shortest loop is named.
        var cameFrom: [DependencyEnd: DependencyEnd] = [:]
        var queue = [dependency.upstream]
        var seen: Set<DependencyEnd> = [dependency.upstream]
        var index = 0
        while index < queue.count {
            let end = queue[index]
            index += 1
            if closes(end) {
                var chain = [end]
                var at = end
                while let previous = cameFrom[at] {
                    chain.append(previous)
                    at = previous
                }
                return [start] + chain.reversed()
            }
            for next in waitsOn(end) where !seen.contains(next) {
                seen.insert(next)
                cameFrom[next] = end
                queue.append(next)
            }
        }
        return nil
    }

    /// Every end that waits, directly or through others, on `end`, each with the chain from `end` to it.
    public func downstream(of end: DependencyEnd) -> [(end: DependencyEnd, chain: [DependencyEnd])] {
        var found: [(DependencyEnd, [DependencyEnd])] = []
        var seen: Set<DependencyEnd> = [end]
        var queue: [(DependencyEnd, [DependencyEnd])] = [(end, [end])]
        var index = 0
        while index < queue.count {
            let (at, chain) = queue[index]
            index += 1
            for dependency in dependencies where dependency.upstream == at && !seen.contains(dependency.dependant) {
                seen.insert(dependency.dependant)
                let next = (dependency.dependant, chain + [dependency.dependant])
                found.append(next)
                queue.append(next)
            }
        }
        return found
    }
}

/// A dependency whose upstream will not, or may not, be done by the time its dependant needs it.
public struct DependencyRisk: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The upstream is dated after the dependant, by this many days.
        case datedAfter(days: Int)
        /// The upstream is forecast likely to slip (this chance, in percent) with less than a month to spare.
        case likelyToSlip(percent: Int, spareDays: Int)
    }

    public let dependency: MilestoneDependency
    public let upstreamDue: CalendarDate
    public let dependantDue: CalendarDate
    public let reason: Reason

    /// "At risk: due 30 Sep 2016, 15 days after it is needed (15 Sep 2016)".
    public var words: String {
        switch reason {
        case .datedAfter(let days):
            "At risk: due \(upstreamDue.longDisplay), \(Wording.counted(days, "day")) after it is needed "
                + "(\(dependantDue.longDisplay))"
        case .likelyToSlip(let percent, let spare):
            "At risk: likely to slip (\(percent)%) with \(Wording.counted(spare, "day")) to spare before "
                + "\(dependantDue.longDisplay)"
        }
    }
}

extension DependencyGraph {
    /// Less than this between an upstream's date and its dependant's, a slip of a reporting month would pass it.
    public static let spareNeeded = 31

    /// Each dependency at risk: its upstream dated after its dependant, or forecast likely to slip (50% or more) with
    /// less than `spareNeeded` days between them. A milestone's date is its latest reported; a project as a whole
    /// needs its upstream by the earliest date of its own milestones. An end with no date is not judged.
    public func risks(due: [DependencyEnd: CalendarDate], forecasts: [DependencyEnd: Int] = [:]) -> [DependencyRisk] {
        var earliest: [UUID: CalendarDate] = [:]
        for (end, date) in due where end.milestone != nil {
            earliest[end.projectID] = min(earliest[end.projectID] ?? date, date)
        }
        return dependencies.compactMap { dependency in
            guard let upstreamDue = due[dependency.upstream],
                let dependantDue = dependency.dependant.milestone == nil
                    ? earliest[dependency.dependant.projectID] : due[dependency.dependant]
            else { return nil }
            let spare = upstreamDue.days(until: dependantDue)
            if spare < 0 {
                return DependencyRisk(
                    dependency: dependency, upstreamDue: upstreamDue, dependantDue: dependantDue,
                    reason: .datedAfter(days: -spare))
            }
            if let percent = forecasts[dependency.upstream], percent >= 50, spare < Self.spareNeeded {
                return DependencyRisk(
                    dependency: dependency, upstreamDue: upstreamDue, dependantDue: dependantDue,
                    reason: .likelyToSlip(percent: percent, spareDays: spare))
            }
            return nil
        }
    }
}
