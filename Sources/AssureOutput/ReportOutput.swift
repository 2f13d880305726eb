import AssureCore
import Foundation

/// The formats that need no web view: tables as CSV, and JSON as the API gives it.
public enum DataFormat: String, CaseIterable, Sendable {
    case csv, json
}

/// A dashboard as data: the web's downloads, the API and the CLI all come through here, so every format says the
/// same thing. (The printable HTML document is a web view: `AssureWeb` adds it.)
public enum ReportOutput {
    public static func render(_ kind: ReportKind, _ report: PeriodReport, as format: DataFormat) throws -> String {
        switch format {
        case .csv: csv(kind.tables(report))
        case .json: try JSONOutput.encode(APIDashboard(kind, report), pretty: true)
        }
    }

    /// What changed between two periods.
    public static func renderChanges(_ comparison: ChangesReport.Comparison, as format: DataFormat) throws -> String {
        switch format {
        case .csv: csv(ChangesReport.tables(comparison))
        case .json: try JSONOutput.encode(APIChanges(comparison), pretty: true)
        }
    }

    /// Several tables in one CSV: each with its title line, separated by a blank line.
    public static func csv(_ tables: [ReportTable]) -> String {
        var rows: [[String]] = []
        for (index, table) in tables.enumerated() {
            if index > 0 { rows.append([]) }
            rows.append([table.title])
            rows += table.subtitle.map { [$0] }
            rows.append(table.columns)
            rows += table.textRows
        }
        return CSVWriter.write(rows)
    }
}
