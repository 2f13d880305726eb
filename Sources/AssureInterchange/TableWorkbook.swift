import AssureCore

/// Any table page as a sheet: header styled and frozen, ratings as text on their colour, and dates as real dates
/// where a date column's text names one day.
public enum TableWorkbook {
    public static func sheet(_ table: ReportTable, name: String? = nil) -> WorkbookSheet {
        let dateColumns = Set(table.columns.indices.filter { table.columns[$0].lowercased().contains("date") })
        var rows: [[WorkbookCell]] = []
        rows.append([.text(table.title, style: .title)])
        rows += table.subtitle.map { [.text($0)] }
        let headerRow = rows.count + 1
        rows.append(table.columns.map { .text($0, style: .header) })
        for row in table.rows {
            rows.append(
                row.enumerated().map { index, cell in
                    if cell.isRating {
                        return cell.text.isEmpty ? .empty : .text(cell.text, style: .rating(code: cell.rating?.code))
                    }
                    if dateColumns.contains(index), let day = exactDay(cell.text) { return WorkbookCell(.date(day)) }
                    return .text(cell.text, style: cell.text.count > 60 ? .wrapped : .plain)
                })
        }
        let widths = table.columns.indices.map { index -> Double in
            let longest = table.rows.map { $0.indices.contains(index) ? $0[index].text.count : 0 }.max() ?? 0
            return Double(min(60, max(10, max(longest, table.columns[index].count) + 2)))
        }
        return WorkbookSheet(
            name: XLSXWriter.sheetName(name ?? table.title), columns: widths.map { WorkbookColumn(width: $0) },
            rows: rows, frozenRows: headerRow)
    }

    /// Several tables, one sheet each, with names made unique.
    public static func workbook(_ tables: [ReportTable]) -> Workbook {
        var used: Set<String> = []
        return Workbook(
            sheets: tables.map { table in
                var sheet = sheet(table)
                var name = sheet.name
                var counter = 2
                while used.contains(name.lowercased()) {
                    name = String(sheet.name.prefix(27)) + " (\(counter))"
                    counter += 1
                }
                used.insert(name.lowercased())
                sheet.name = name
                return sheet
            })
    }

    static func exactDay(_ text: String) -> CalendarDate? {
        guard let parsed = DateText(text).parsed, parsed.precision == .day, parsed.qualifier == nil else { return nil }
        return parsed.dueBy
    }
}
