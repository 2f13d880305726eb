import AssureCore
import AssureOutput
import Foundation

extension ReportOutput {
    /// A dashboard in any format, the printable HTML document included (a web view: no navigation, links or forms).
    public static func render(_ kind: ReportKind, _ report: PeriodReport, format: OutputFormat) throws -> String {
        switch format {
        case .csv: try render(kind, report, as: .csv)
        case .json: try render(kind, report, as: .json)
        case .html:
            DashboardPage.standalone(DashboardPageModel(kind: kind, report: report, periods: [], canManage: false))
        }
    }

    /// What changed between two periods, in any format.
    public static func renderChanges(_ comparison: ChangesReport.Comparison, format: OutputFormat) throws -> String {
        switch format {
        case .csv: try renderChanges(comparison, as: .csv)
        case .json: try renderChanges(comparison, as: .json)
        case .html: ChangesPage.standalone(ChangesPageModel(periods: [], comparison: comparison))
        }
    }
}

/// The governing-body paper as a standalone printable HTML document.
public enum PaperOutput {
    public static func html(_ paper: GoverningBodyPaper) -> String { PaperPage.standalone(paper) }
}
