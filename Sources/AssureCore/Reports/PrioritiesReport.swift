/// Seed 000: CDG Priorities — the summary of priorities per clinical delivery group, then one monitoring
/// report per group with its sub-items a), b), c).
public enum PrioritiesReport {
    public static let summaryColumns = [
        "CDG", "PROJECT REFERENCE", "PRIORITY", "RAG", "STATUS SINCE LAST REPORT",
        "PROJECT PLAN Y/N",
    ]
    public static let monitoringColumns = [
        "Reference", "Priorities/Projects", "Commencement Date of Project",
        "Progress Updates / Comments", "Current Milestone", "Milestone Timescale",
        "Project Time Scale", "RAG", "Change",
    ]

    public static func summary(_ report: PeriodReport) -> ReportTable {
        var rows: [[ReportTable.Cell]] = []
        for programme in report.programmes {
            for row in programme.projects {
                rows.append([
                    .init(programme.programme.name), .init(row.project.reference ?? ""), .project(row),
                    .rating(row), .trend(row), .init(row.project.projectPlan ?? ""),
                ])
            }
        }
        return ReportTable(
            title: "\(report.portfolio.name) — \(report.period.label)", columns: summaryColumns, rows: rows)
    }

    public static func monitoringReports(_ report: PeriodReport) -> [ReportTable] {
        report.programmes.map { programme in
            var rows: [[ReportTable.Cell]] = []
            for row in programme.projects {
                rows.append(cells(row, reference: row.project.reference ?? "", title: row.project.title))
                for child in row.children {
                    rows.append(
                        cells(
                            child, reference: child.project.reference ?? "",
                            title: "\(child.itemLabel ?? "") \(child.project.title)"))
                }
            }
            let info = programme.programme
            var subtitle: [String] = []
            if let lead = info.clinicalLead { subtitle.append("Clinical lead: \(lead)") }
            if let head = info.headOfService {
                subtitle.append("\(info.headOfServiceTitle ?? "Head of service"): \(head)")
            }
            return ReportTable(
                title: "\(info.name) monitoring report as at: \(report.period.label)",
                subtitle: subtitle, columns: monitoringColumns, rows: rows)
        }
    }

    static func cells(_ row: ProjectRow, reference: String, title: String) -> [ReportTable.Cell] {
        let current = row.milestones.first
        return [
            .init(reference), .project(row, text: title), .init(row.project.commencement ?? ""),
            .init(ProgrammeDashboard.updateText(row)), .init(current?.title ?? ""), .init(current?.date.written ?? ""),
            .init(row.project.projectTimescale ?? ""), .rating(row), .trend(row),
        ]
    }
}
