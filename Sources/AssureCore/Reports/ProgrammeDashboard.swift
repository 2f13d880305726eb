/// Seed 004: the Transformation Programme Dashboard, summary and detailed tables.
/// One row per milestone; programme, project, SRO and arrow on the project's first row, as the paper prints them.
/// A milestone's own rating fills its row; a first row whose milestone is unrated shows the rating the project carries.
public enum ProgrammeDashboard {
    public static let summaryColumns = [
        "PROGRAMME", "PROJECT/ROLE", "MILESTONE(S)", "MILESTONE DATE", "SRO (executive)",
        "RAG", "STATUS SINCE LAST REPORT",
    ]
    public static let detailColumns = [
        "PROGRAMME", "PROJECT/ROLE", "MILESTONE(S)", "MILESTONE DATE", "SRO (executive)",
        "RAG", "UPDATE/MITIGATION", "STATUS SINCE LAST REPORT",
    ]

    public static func summary(_ report: PeriodReport) -> ReportTable {
        ReportTable(
            title: "\(report.portfolio.name) Dashboard Summary as at \(report.period.asAt.longDisplay)",
            columns: summaryColumns, rows: rows(report, detailed: false))
    }

    public static func detail(_ report: PeriodReport) -> ReportTable {
        ReportTable(
            title: "\(report.portfolio.name) Dashboard as at \(report.period.asAt.longDisplay)",
            columns: detailColumns, rows: rows(report, detailed: true))
    }

    static func rows(_ report: PeriodReport, detailed: Bool) -> [[ReportTable.Cell]] {
        var result: [[ReportTable.Cell]] = []
        for programme in report.programmes {
            for (projectIndex, row) in programme.projects.enumerated() {
                let programmeCell = ReportTable.Cell(projectIndex == 0 ? programme.programme.name : "")
                let milestones = row.milestones.isEmpty ? [nil] : row.milestones.map(Optional.some)
                for (index, milestone) in milestones.enumerated() {
                    let first = index == 0
                    var cells: [ReportTable.Cell] = [
                        first ? programmeCell : .init(""),
                        first ? projectCell(row) : .init(""),
                        .init(milestone?.title ?? ""),
                        .init(milestone?.date.written ?? ""),
                        .init(first ? row.project.sro ?? "" : ""),
                    ]
                    if let rating = milestone?.rating {
                        cells.append(.rating(rating))
                    } else {
                        cells.append(first ? .rating(row) : .init(""))
                    }
                    if detailed {
                        cells.append(.init(first ? updateText(row) : ""))
                    }
                    cells.append(first ? .trend(row) : .init(""))
                    result.append(cells)
                }
                for child in row.children {
                    var cells: [ReportTable.Cell] = [
                        .init(""), .project(child, text: child.project.title),
                        .init(""), .init(""), .init(""), .rating(child),
                    ]
                    if detailed { cells.append(.init(updateText(child))) }
                    cells.append(.trend(child))
                    result.append(cells)
                }
            }
        }
        return result
    }

    /// Where the first row shows a milestone's own rating, the rating the project carries is said beside its name, so
    /// the badge a reader takes for the project's is never one the counts and arrows do not use.
    static func projectCell(_ row: ProjectRow) -> ReportTable.Cell {
        var cell = ReportTable.Cell.project(row)
        if let first = row.milestones.first?.rating {
            cell.flags += row.flags.filter { $0.kind == .rollUpContradiction }
            if first.level != row.effective, let overall = overallWords(row) {
                cell.notice = [overall, cell.notice].compactMap { $0 }.joined(separator: "\n")
            }
        }
        return cell
    }

    /// "Rated Red overall": the project's one rolled-up rating, where its first row's badge is a milestone's.
    static func overallWords(_ row: ProjectRow) -> String? {
        row.effective.map { "\(overallPrefix)\($0.label)\(overallSuffix)" }
    }

    static let overallPrefix = "Rated "
    static let overallSuffix = " overall"

    /// The rating a reader of the summary table is shown for each project: the words beside its name where they are
    /// there, else its first row's badge. A test holds every count and arrow to these.
    public static func shownRatings(_ table: ReportTable) -> [String: String] {
        guard let projectColumn = table.columns.firstIndex(of: "PROJECT/ROLE"),
            let ratingColumn = table.columns.firstIndex(of: "RAG")
        else { return [:] }
        var result: [String: String] = [:]
        for row in table.rows {
            let cell = row[projectColumn]
            guard let id = cell.projectID, result[id] == nil, !cell.text.isEmpty else { continue }
            let overall = cell.notice?.split(separator: "\n").map(String.init).first {
                $0.hasPrefix(overallPrefix) && $0.hasSuffix(overallSuffix)
            }
            result[id] =
                overall.map { String($0.dropFirst(overallPrefix.count).dropLast(overallSuffix.count)) }
                ?? row[ratingColumn].text
        }
        return result
    }

    static func updateText(_ row: ProjectRow) -> String {
        [row.update, row.mitigation].filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}
