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
    }

    public static func compare(from old: PeriodReport, to new: PeriodReport) -> [Change] {
        let before = index(old), after = index(new)
        var changes: [Change] = []
        for (id, now) in after.sorted(by: { $0.value.order < $1.value.order }) {
            guard let then = before[id] else {
                changes.append(
                    Change(
                        kind: .added, project: now.row.project, programme: now.programme,
                        detail: "New since \(old.period.label).", rating: now.row.effective))
                continue
            }
            let label = { (level: RatingLevel?, row: ProjectRow) in
                level?.label ?? (row.reportedRating?.written ?? "not rated")
            }
            if let trend = Trend.derive(current: now.row.effective, previous: then.row.effective),
                trend == .improved || trend == .declined
            {
                changes.append(
                    Change(
                        kind: trend == .improved ? .improved : .declined, project: now.row.project,
                        programme: now.programme,
                        detail:
                            "\(trend.symbol) \(label(then.row.effective, then.row)) → \(label(now.row.effective, now.row))",
                        rating: now.row.effective))
            }
            if then.programme != now.programme {
                changes.append(
                    Change(
                        kind: .moved, project: now.row.project, programme: now.programme,
                        detail: "From \(then.programme) to \(now.programme).", rating: nil))
            }
            if then.row.project.title != now.row.project.title {
                changes.append(
                    Change(
                        kind: .renamed, project: now.row.project, programme: now.programme,
                        detail: "Was “\(then.row.project.title)”.", rating: nil))
            }
            for milestone in now.row.milestones {
                guard let earlier = then.row.milestones.first(where: { $0.title == milestone.title }),
                    let a = earlier.date.parsed?.dueBy, let b = milestone.date.parsed?.dueBy, a != b
                else { continue }
                let days = a.days(until: b)
                changes.append(
                    Change(
                        kind: .milestoneMoved, project: now.row.project, programme: now.programme,
                        detail:
                            "“\(milestone.title)”: \(earlier.date.written) → \(milestone.date.written) (\(days > 0 ? "\(days) days later" : "\(-days) days earlier"))",
                        rating: nil, days: days))
            }
        }
        for (id, then) in before where after[id] == nil {
            changes.append(
                Change(
                    kind: .closed, project: then.row.project, programme: then.programme,
                    detail: "In \(old.period.label), not in \(new.period.label).", rating: nil))
        }
        let order = Dictionary(uniqueKeysWithValues: Change.Kind.allCases.enumerated().map { ($1, $0) })
        return changes.enumerated().sorted {
            (order[$0.element.kind]!, $0.offset) < (order[$1.element.kind]!, $1.offset)
        }.map(\.element)
    }

    public static func tables(from old: PeriodReport, to new: PeriodReport) -> [ReportTable] {
        let changes = compare(from: old, to: new)
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
                title: "What changed from \(old.period.label) to \(new.period.label): \(changes.count) changes",
                columns: ["Change", "Count"], rows: counts),
            ReportTable(
                title: "Changes", columns: ["Change", "Programme", "Reference", "Project", "Detail"], rows: rows),
        ]
    }

    private struct Entry { let row: ProjectRow; let programme: String; let order: Int }

    /// Projects (not sub-items) by id, with their programme and position.
    private static func index(_ report: PeriodReport) -> [UUID: Entry] {
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
