import AssureCore
import Foundation

/// A whole portfolio's dashboard as API JSON, written table by table and programme by programme: byte for byte what
/// `JSONOutput.encode(APIDashboard(kind, report))` gives for the whole report, without the whole report in memory. The
/// frame is the document around each table's rows; the rows are written between its parts as each programme is read.
package struct DashboardJSONFrame: Sendable {
    /// `parts[t]` comes before table t's rows; the last part after the last table's.
    package let parts: [String]

    /// Whether a table's rows are its programmes' rows one programme after another, so that they can be written so.
    package static func streams(_ kind: ReportKind) -> Bool { kind == .programmeDashboard }

    package struct Unframed: Error, CustomStringConvertible {
        package var description: String { "the dashboard's JSON could not be split around its tables' rows" }
    }

    /// `summary` is the report without rows (a published period's summary), as the reader is shown it.
    package init(_ kind: ReportKind, summary: PeriodReport) throws {
        let tables = kind.tables(summary)
        // Each table holds one marked row; the document is cut where each marked row stands.
        let markers = tables.indices.map { "assure-table-rows-\($0)-\(UUID.random().uuidString)" }
        let marked = tables.indices.map { APITable(tables[$0], rows: [[APICell(text: markers[$0])]]) }
        var rest = Substring(try JSONOutput.encode(APIDashboard(kind, summary, tables: marked)))
        var parts: [String] = []
        for index in tables.indices {
            let row = try JSONOutput.encode([APICell(text: markers[index])])
            guard let range = rest.range(of: row) else { throw Unframed() }
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        self.parts = parts
    }

    /// Rows as they stand in the document, each after a comma but the table's first.
    package static func rows(_ rows: [[ReportTable.Cell]], first: inout Bool) throws -> String {
        var text = ""
        for row in rows {
            if !first { text += "," }
            first = false
            text += try JSONOutput.encode(row.map(APICell.init))
        }
        return text
    }
}
