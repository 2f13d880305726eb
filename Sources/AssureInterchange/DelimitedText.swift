import AssureCore
import Foundation

/// CSV (RFC 4180) and tab-separated text, as files or as a table pasted from a paper. A quoted field may hold
/// commas, line breaks and doubled quotes; a quote inside an unquoted field is text. Rows are numbered as a
/// spreadsheet shows them, so a quoted line break does not shift the numbers.
public enum DelimitedText {
    public enum Delimiter: Character, Sendable { case comma = ",", tab = "\t", semicolon = ";" }

    /// Tab when the first line has one (pasted tables and TSV), semicolon when it has those but no comma, else comma.
    public static func delimiter(for text: Substring) -> Delimiter {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        if firstLine.contains("\t") { return .tab }
        if firstLine.contains(";") && !firstLine.contains(",") { return .semicolon }
        return .comma
    }

    public static func read(
        _ text: String, delimiter chosen: Delimiter? = nil, sheet: String? = nil
    ) throws(ImportProblems) -> ImportTable {
        let delimiter = chosen ?? Self.delimiter(for: text[...])
        var text = text
        // Native strings are contiguous UTF-8 already: read them in place rather than copy the file once more.
        let result = text.withUTF8 { bytes in
            Result { () throws(ImportProblems) in try read(bytes, delimiter: delimiter, sheet: sheet) }
        }
        return try result.get()
    }

    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, delimiter: Delimiter, sheet: String?
    ) throws(ImportProblems) -> ImportTable {
        let separator = UInt8(ascii: delimiter.rawValue.unicodeScalars.first!)
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var table = ImportTable.Builder()
        // At most one cell per byte and one row per line break: reserved, not touched.
        table.reserve(cells: bytes.count / 2 + 1, rows: bytes.count / 2 + 1, textBytes: bytes.count)
        var column = 0
        var width: Int?
        var index = 0
        var rowNumber = 1
        var quoted: [UInt8] = []

        func fail(_ row: Int, _ column: Int, _ message: String) -> ImportProblems {
            ImportProblems([ImportProblem(sheet: sheet, row: row, column: column, message)])
        }
        func nextCell() throws(ImportProblems) {
            column += 1
            if column >= ImportTable.maximumColumns {
                throw fail(
                    rowNumber, column,
                    "This row has more than \(ImportTable.maximumColumns) columns (it reaches column \(columnLetter(column)) here); "
                        + "Assure reads tables up to column \(columnLetter(ImportTable.maximumColumns - 1)). Remove the empty columns or split the table."
                )
            }
        }
        func endRow() throws(ImportProblems) {
            if width == nil { width = column + 1 }
            table.endRow(number: rowNumber)
            column = 0
            rowNumber += 1
            if rowNumber > ImportTable.maximumRows + 1 {
                throw ImportProblems([
                    ImportProblem(
                        sheet: sheet, row: rowNumber - 1, column: nil,
                        "The file has more than \(ImportTable.maximumRows.formatted()) rows; split it.")
                ])
            }
        }

        var rowOpen = false
        while index < bytes.count {
            rowOpen = true
            if bytes[index] == quote {
                let opened = (row: rowNumber, column: column)
                quoted.removeAll(keepingCapacity: true)
                index += 1
                var closed = false
                while index < bytes.count {
                    if bytes[index] == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote {
                            quoted.append(quote); index += 2; continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    quoted.append(bytes[index])
                    index += 1
                }
                guard closed else {
                    throw fail(
                        opened.row, opened.column,
                        "A quote opens this cell and is never closed, so the rest of the file would be one cell.")
                }
                if index < bytes.count, ![separator, lf, cr].contains(bytes[index]) {
                    throw fail(
                        opened.row, opened.column,
                        "Text follows the closing quote of this cell; a quote inside a quoted cell is written twice (\"\")."
                    )
                }
                table.append(text: quoted, column: column)
            } else {
                let start = index
                while index < bytes.count, bytes[index] != separator, bytes[index] != lf, bytes[index] != cr {
                    index += 1
                }
                table.append(text: UnsafeBufferPointer(rebasing: bytes[start..<index]), column: column)
            }
            guard index < bytes.count else { break }
            if bytes[index] == separator {
                index += 1
                try nextCell()
                continue
            }
            if bytes[index] == cr, index + 1 < bytes.count, bytes[index + 1] == lf { index += 1 }
            index += 1
            try endRow()
            rowOpen = false
        }
        if rowOpen {
            if delimiter != .tab, let width, column + 1 < width {
                throw fail(
                    rowNumber, column + 1,
                    "This last row has \(column + 1) of the header's \(width) cells and the file ends without a line break: it looks cut short."
                )
            }
            try endRow()
        }
        return ImportTable(sheet: sheet, table)
    }
}
