import Foundation

/// The assurance checks' findings for a period: counts per check first (what a board member reads first), then every
/// finding with its project, in plain words.
public enum ExceptionsReport {
    public static let columns = ["Check", "Programme", "Reference", "Project", "What was found"]

    public static func tables(_ report: PeriodReport) -> [ReportTable] {
        var findings: [(kind: Flag.Kind, programme: String, reference: String, row: ProjectRow, flag: Flag)] = []
        for programme in report.programmes {
            // A sub-item is listed under its project's reference.
            func walk(_ row: ProjectRow, _ reference: String?) {
                let reference = row.project.reference ?? reference ?? ""
                for flag in row.flags { findings.append((flag.kind, programme.programme.name, reference, row, flag)) }
                row.children.forEach { walk($0, reference) }
            }
            programme.projects.forEach { walk($0, nil) }
        }
        let order = Dictionary(uniqueKeysWithValues: Flag.Kind.allCases.enumerated().map { ($1, $0) })
        findings.sort { order[$0.kind]! < order[$1.kind]! }
        let counts = Flag.Kind.allCases.compactMap { kind -> [ReportTable.Cell]? in
            let count = findings.filter { $0.kind == kind }.count
            return count == 0 ? nil : [.init(kind.title), .init(String(count))]
        }
        let rows = findings.map { finding -> [ReportTable.Cell] in
            [
                .init(finding.kind.title), .init(finding.programme), .init(finding.reference),
                .init(
                    [finding.row.itemLabel, finding.row.project.title].compactMap { $0 }.joined(separator: " "),
                    projectID: finding.row.project.id.uuidString),
                .init(finding.flag.message),
            ]
        }
        return [
            ReportTable(
                title: "Assurance checks — \(report.period.label): \(findings.count) findings",
                columns: ["Check", "Findings"], rows: counts),
            ReportTable(title: "Findings", columns: columns, rows: rows),
        ]
    }
}

public extension PeriodReport {
    /// The same report for one programme only: an SRO's view.
    func only(programme id: UUID) -> PeriodReport {
        let kept = programmes.filter { $0.programme.id == id }
        return PeriodReport(
            portfolio: portfolio, period: period, previousPeriodKey: previousPeriodKey, programmes: kept,
            counts: kept.first?.counts ?? [], worst: kept.first?.worst)
    }
}
