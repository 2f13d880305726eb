import AssureCore
import Foundation

/// A dashboard in any format: the web page, its downloads, the API and the CLI all come through here.
public enum ReportOutput {
    public static func render(_ kind: ReportKind, _ report: PeriodReport, format: OutputFormat) throws -> String {
        switch format {
        case .csv:
            var rows: [[String]] = []
            for (index, table) in kind.tables(report).enumerated() {
                if index > 0 { rows.append([]) }
                rows.append([table.title])
                rows += table.subtitle.map { [$0] }
                rows.append(table.columns)
                rows += table.textRows
            }
            return CSVWriter.write(rows)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(APIDashboard(kind, report)), as: UTF8.self)
        case .html:
            // A standalone printable document, as the CLI writes it: no navigation, links or forms.
            return DashboardPage.standalone(DashboardPageModel(kind: kind, report: report, periods: [], canManage: false))
        }
    }
}
