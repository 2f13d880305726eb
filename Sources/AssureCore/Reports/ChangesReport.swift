import Foundation

/// What changed between two periods of a portfolio: the page a board member reads first.
/// Compares the two reports as they stand (published ones as frozen), matching projects by identity, not by name.
public enum ChangesReport {
    public struct Change: Sendable, Hashable {
        public enum Kind: String, Sendable, CaseIterable {
            case declined, improved, added, closed, moved, renamed, milestoneMoved = "milestone-moved"

            public var title: String {
                switch self {
                case .declined: "Ratings declined"
                case .improved: "Ratings improved"
                case .added: "Projects added"
                case .closed: "Projects closed or removed"
                case .moved: "Projects moved to another programme"
                case .renamed: "Projects renamed"
                case .milestoneMoved: "Milestones moved"
                }
            }
        }

        public let kind: Kind
        public let project: ProjectInfo
        public let programme: String
        public let detail: String
        /// For rating changes: the new rating, for colouring.
        public let rating: RatingLevel?
        /// For a milestone moved: by how many days (later is positive).
        public var days: Int? = nil
        /// For a rating change: the rating before, as shown then.
        public var was: String? = nil
        /// For a milestone moved: its title.
        public var milestone: String? = nil
    }

    public static func compare(from old: PeriodReport, to new: PeriodReport) -> [Change] {
        Comparison(from: old, to: new).changes
    }

    /// Two periods compared: the periods, and every change from the first to the second.
    public struct Comparison: Sendable, Hashable {
        public let portfolio: PortfolioInfo
        public let from: PeriodInfo
        public let to: PeriodInfo
        public let changes: [Change]

        public init(portfolio: PortfolioInfo, from: PeriodInfo, to: PeriodInfo, changes: [Change]) {
            self.portfolio = portfolio
            self.from = from
            self.to = to
            self.changes = changes
        }

        /// Two whole reports compared.
        public init(from old: PeriodReport, to new: PeriodReport) {
            var changes = Accumulator(from: old.period, to: new.period)
            changes.compare(from: old, to: new)
            self.init(portfolio: new.portfolio, from: old.period, to: new.period, changes: changes.changes)
        }
    }

    /// A project (not a sub-item) of the earlier period, with its programme's name and its place in that report.
    public struct Entry: Sendable {
        public let row: ProjectRow
        public let programme: String
        public let order: Int

        public init(row: ProjectRow, programme: String, order: Int) {
            self.row = row
            self.programme = programme
            self.order = order
        }
    }

    /// The changes found a programme of the later period at a time, so that a large portfolio is compared holding one
    /// programme of each period, not two whole reports. Gives what comparing the whole reports gives.
    public struct Accumulator: Sendable {
        public let from: PeriodInfo
        public let to: PeriodInfo
        private var found: [Change] = []
        /// The projects of the later period met so far: those of the earlier one not among them were closed.
        public private(set) var seen: Set<UUID> = []

        public init(from: PeriodInfo, to: PeriodInfo) {
            self.from = from
            self.to = to
        }

        /// The changes to the projects of `programme` (the later period's, in its order); `before` holds the earlier
        /// period's entries for them, and may hold others.
        public mutating func add(_ programme: ProgrammeReport, before: [UUID: Entry]) {
            for row in programme.projects {
                seen.insert(row.project.id)
                found += ChangesReport.changes(
                    to: row, in: programme.programme.name, from: before[row.project.id], old: from)
            }
        }

        /// The projects of the earlier period (in its order) that the later one does not have.
        public mutating func close(_ before: [Entry]) {
            for then in before {
                found.append(
                    Change(
                        kind: .closed, project: then.row.project, programme: then.programme,
                        detail: "In \(from.label), not in \(to.label).", rating: nil))
            }
        }

        /// Every change, grouped by kind in `Change.Kind`'s order, in report order within each.
        public var changes: [Change] {
            let order = Dictionary(uniqueKeysWithValues: Change.Kind.allCases.enumerated().map { ($1, $0) })
            return found.enumerated().sorted {
                (order[$0.element.kind]!, $0.offset) < (order[$1.element.kind]!, $1.offset)
            }.map(\.element)
        }
    }

    /// What changed for one project of the later period since `then`, its entry in the earlier one (nil: added).
    private static func changes(
        to row: ProjectRow, in programme: String, from then: Entry?, old: PeriodInfo
    )
        -> [Change]
    {
        guard let then else {
            return [
                Change(
                    kind: .added, project: row.project, programme: programme, detail: "New since \(old.label).",
                    rating: row.effective)
            ]
        }
        var changes: [Change] = []
        let label = { (level: RatingLevel?, row: ProjectRow) in
            level?.label ?? (row.reportedRating?.written ?? "not rated")
        }
        if let trend = Trend.derive(current: row.effective, previous: then.row.effective),
            trend == .improved || trend == .declined
        {
            changes.append(
                Change(
                    kind: trend == .improved ? .improved : .declined, project: row.project, programme: programme,
                    detail: "\(trend.symbol) \(label(then.row.effective, then.row)) → \(label(row.effective, row))",
                    rating: row.effective, was: label(then.row.effective, then.row)))
        }
        if then.programme != programme {
            changes.append(
                Change(
                    kind: .moved, project: row.project, programme: programme,
                    detail: "From \(then.programme) to \(programme).", rating: nil))
        }
        if then.row.project.title != row.project.title {
            changes.append(
                Change(
                    kind: .renamed, project: row.project, programme: programme,
                    detail: "Was “\(then.row.project.title)”.", rating: nil))
        }
        for milestone in row.milestones {
            guard let earlier = then.row.milestones.first(where: { $0.title == milestone.title }),
                let a = earlier.date.parsed?.dueBy, let b = milestone.date.parsed?.dueBy, a != b
            else { continue }
            let days = a.days(until: b)
            changes.append(
                Change(
                    kind: .milestoneMoved, project: row.project, programme: programme,
                    detail:
                        "“\(milestone.title)”: \(earlier.date.written) → \(milestone.date.written) (\(days > 0 ? "\(days) days later" : "\(-days) days earlier"))",
                    rating: nil, days: days, milestone: milestone.title))
        }
        return changes
    }

    public static func tables(_ comparison: Comparison) -> [ReportTable] {
        let changes = comparison.changes
        let (old, new) = (comparison.from, comparison.to)
        let counts = Change.Kind.allCases.map { kind in
            [ReportTable.Cell(kind.title), ReportTable.Cell(String(changes.filter { $0.kind == kind }.count))]
        }
        let rows = changes.map { change -> [ReportTable.Cell] in
            [
                .init(change.kind.title), .init(change.programme), .init(change.project.reference ?? ""),
                .init(change.project.title, projectID: change.project.id.uuidString),
                .init(change.detail),
            ]
        }
        return [
            ReportTable(
                title: "What changed from \(old.label) to \(new.label): \(changes.count) changes",
                columns: ["Change", "Count"], rows: counts),
            ReportTable(
                title: "Changes", columns: ["Change", "Programme", "Reference", "Project", "Detail"], rows: rows),
        ]
    }

    /// The projects (not sub-items) of a report by id, with their programme and position.
    public static func entries(_ report: PeriodReport) -> [UUID: Entry] {
        var result: [UUID: Entry] = [:]
        var order = 0
        for programme in report.programmes {
            for row in programme.projects {
                result[row.project.id] = Entry(row: row, programme: programme.programme.name, order: order)
                order += 1
            }
        }
        return result
    }
}
