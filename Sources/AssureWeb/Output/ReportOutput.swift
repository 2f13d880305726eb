import AssureCore
import Foundation

/// A dashboard in any format: the web page, its downloads, the API and the CLI all come through here.
public enum ReportOutput {
    public static func render(_ kind: ReportKind, _ report: PeriodReport, format: OutputFormat) throws -> String {
        switch format {
        case .csv:
            return csv(kind.tables(report))
        case .json:
            return try JSONOutput.encode(APIDashboard(kind, report), pretty: true)
        case .html:
            // A standalone printable document, as the CLI writes it: no navigation, links or forms.
            return DashboardPage.standalone(
                DashboardPageModel(kind: kind, report: report, periods: [], canManage: false))
        }
    }

    /// What changed between two periods, in any format.
    public static func renderChanges(
        from old: PeriodReport, to new: PeriodReport, format: OutputFormat
    ) throws -> String {
        let tables = ChangesReport.tables(from: old, to: new)
        switch format {
        case .csv: return csv(tables)
        case .json:
            return try JSONOutput.encode(APIChanges(from: old, to: new), pretty: true)
        case .html:
            return ChangesPage.standalone(ChangesPageModel(portfolio: new.portfolio, periods: [], from: old, to: new))
        }
    }

    /// Several tables in one CSV: each with its title line, separated by a blank line.
    static func csv(_ tables: [ReportTable]) -> String {
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

/// The governing-body paper as a standalone printable HTML document.
public enum PaperOutput {
    public static func html(_ paper: GoverningBodyPaper) -> String { PaperPage.standalone(paper) }
}
