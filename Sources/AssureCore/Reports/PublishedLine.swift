import Foundation

/// One project or sub-item of a published period, stored as its own row so that a page reads only the rows it shows.
/// The row carries no children: the tree is put back from `parentID` and the order the lines were written in.
public struct PublishedLine: Hashable, Sendable {
    public let programmeID: UUID
    /// The project a sub-item sits under in the report; nil for a project.
    public let parentID: UUID?
    public let row: ProjectRow

    public init(programmeID: UUID, parentID: UUID?, row: ProjectRow) {
        self.programmeID = programmeID
        self.parentID = parentID
        self.row = row
    }
}

public extension PeriodReport {
    /// The report without its rows: what a published period keeps as its summary (period, counts, programmes).
    var summary: PeriodReport { replacingRows { _ in [] } }

    /// Whether the report holds rows (a summary holds none; a portfolio with no projects neither).
    var hasRows: Bool { programmes.contains { !$0.projects.isEmpty } }

    /// Every project and sub-item as its own line, depth first, programme by programme.
    var lines: [PublishedLine] {
        var result: [PublishedLine] = []
        func walk(_ row: ProjectRow, programme: UUID, parent: UUID?) {
            var bare = row
            bare.children = []
            result.append(PublishedLine(programmeID: programme, parentID: parent, row: bare))
            for child in row.children { walk(child, programme: programme, parent: row.project.id) }
        }
        for programme in programmes {
            for row in programme.projects { walk(row, programme: programme.programme.id, parent: nil) }
        }
        return result
    }

    /// The summary with the lines put back under their programmes and parents, in the order given (the order `lines`
    /// wrote them). A programme with no lines is left empty: a reader of one programme reads that programme's only.
    func restoring(_ lines: [PublishedLine]) -> PeriodReport {
        let tops = Dictionary(grouping: lines.filter { $0.parentID == nil }, by: \.programmeID)
        let children = Dictionary(grouping: lines.filter { $0.parentID != nil }) { $0.parentID! }
        func tree(_ line: PublishedLine) -> ProjectRow {
            var row = line.row
            row.children = (children[row.project.id] ?? []).map(tree)
            return row
        }
        return replacingRows { programme in (tops[programme] ?? []).map(tree) }
    }

    private func replacingRows(_ rows: (UUID) -> [ProjectRow]) -> PeriodReport {
        PeriodReport(
            portfolio: portfolio, period: period, previousPeriodKey: previousPeriodKey,
            programmes: programmes.map {
                ProgrammeReport(
                    programme: $0.programme, projects: rows($0.programme.id), counts: $0.counts, worst: $0.worst)
            },
            counts: counts, worst: worst)
    }
}
