import Foundation

/// A map of dependencies laid out left to right: what is waited on in a column before what waits on it, so that every
/// arrow points rightwards. Pure geometry (in the units of the SVG drawn from it), so the layout can be tested apart
/// from the drawing.
public struct DependencyMap: Sendable {
    public enum Standing: Sendable, Hashable {
        case clear
        /// The dependant of a dependency at risk.
        case atRisk
        /// Downstream of one.
        case knockOn
    }

    public struct Node: Sendable, Hashable {
        public let end: DependencyEnd
        public let project: String
        /// The milestone's title, or nil for the project as a whole.
        public let milestone: String?
        /// Whether the project is outside the programme mapped.
        public let outside: Bool
        public let standing: Standing
        public let column: Int
        public let x: Int
        public let y: Int
    }

    public struct Edge: Sendable, Hashable {
        public let from: Int
        public let to: Int
        public let risk: DependencyRisk?
    }

    public static let nodeWidth = 240
    public static let nodeHeight = 66
    static let columnGap = 80
    static let rowGap = 20
    static let margin = 10

    public let nodes: [Node]
    public let edges: [Edge]
    public let width: Int
    public let height: Int

    /// The dependencies with an end in `programme` (every one when it is nil), named by `names`, flagged by `risks`
    /// and `knockOns`. `inProgramme` says whether a project belongs to the programme mapped.
    public init(
        _ dependencies: [MilestoneDependency], names: [UUID: String], inProgramme: (UUID) -> Bool,
        risks: [DependencyRisk], knockOns: [DependencyEnd: DependencyKnockOn]
    ) {
        let shown = dependencies.filter { inProgramme($0.dependant.projectID) || inProgramme($0.upstream.projectID) }
        var ends: [DependencyEnd] = []
        var seen: Set<DependencyEnd> = []
        for dependency in shown {
            for end in [dependency.upstream, dependency.dependant] where seen.insert(end).inserted { ends.append(end) }
        }
        let upstreamsOf = Dictionary(grouping: shown, by: \.dependant).mapValues { $0.map(\.upstream) }
        // A column one past the furthest of what an end waits on (loops are refused when a dependency is added).
        var column: [DependencyEnd: Int] = [:]
        func columnOf(_ end: DependencyEnd, depth: Int = 0) -> Int {
            if let known = column[end] { return known }
            let upstreams = upstreamsOf[end] ?? []
            let value = depth > ends.count ? 0 : (upstreams.map { columnOf($0, depth: depth + 1) + 1 }.max() ?? 0)
            column[end] = value
            return value
        }
        for end in ends { _ = columnOf(end) }
        let riskOf = Dictionary(risks.map { ($0.dependency, $0) }) { first, _ in first }
        let atRisk = Set(risks.map(\.dependency.dependant))
        func project(_ end: DependencyEnd) -> String { names[end.projectID] ?? "?" }
        // Within a column, each end beside the average row of what it waits on (ties by name), which keeps arrows
        // short and seldom crossing.
        var row: [DependencyEnd: Double] = [:]
        var placed: [Node] = []
        let columns = (column.values.max() ?? -1) + 1
        for index in 0..<columns {
            let inColumn = ends.filter { column[$0] == index }
            let ordered = inColumn.map { end -> (DependencyEnd, Double) in
                let rows = (upstreamsOf[end] ?? []).compactMap { row[$0] }
                return (end, rows.isEmpty ? Double.infinity : rows.reduce(0, +) / Double(rows.count))
            }.sorted { a, b in
                a.1 != b.1 ? a.1 < b.1 : (project(a.0), a.0.milestone ?? "") < (project(b.0), b.0.milestone ?? "")
            }
            for (position, item) in ordered.enumerated() {
                row[item.0] = Double(position)
                let end = item.0
                placed.append(
                    Node(
                        end: end, project: project(end), milestone: end.milestone,
                        outside: !inProgramme(end.projectID),
                        standing: atRisk.contains(end) ? .atRisk : knockOns[end] == nil ? .clear : .knockOn,
                        column: index, x: Self.margin + index * (Self.nodeWidth + Self.columnGap),
                        y: Self.margin + position * (Self.nodeHeight + Self.rowGap)))
            }
        }
        let indexOf = Dictionary(placed.enumerated().map { ($1.end, $0) }) { first, _ in first }
        nodes = placed
        edges = shown.compactMap { dependency in
            guard let from = indexOf[dependency.upstream], let to = indexOf[dependency.dependant] else { return nil }
            return Edge(from: from, to: to, risk: riskOf[dependency])
        }
        width = placed.map { $0.x + Self.nodeWidth }.max().map { $0 + Self.margin } ?? 0
        height = placed.map { $0.y + Self.nodeHeight }.max().map { $0 + Self.margin } ?? 0
    }
}
