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

    public static func read(_ text: String, delimiter chosen: Delimiter? = nil, sheet: String? = nil) throws(ImportProblems) -> ImportTable {
        let delimiter = chosen ?? Self.delimiter(for: text[...])
        let separator = UInt8(ascii: delimiter.rawValue.unicodeScalars.first!)
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let bytes = Array(text.utf8)
        var rows: [ImportTable.Row] = []
        var cells: [TableCell] = []
        var index = 0
        var rowNumber = 1
        var problems: [ImportProblem] = []

        func cell(_ slice: ArraySlice<UInt8>) -> TableCell {
            slice.isEmpty ? .empty : .text(String(decoding: slice, as: UTF8.self))
        }
        func endRow() {
            rows.append(ImportTable.Row(number: rowNumber, cells: cells))
            cells = []
            rowNumber += 1
        }

        while index < bytes.count {
            if bytes[index] == quote {
                let opened = (row: rowNumber, column: cells.count)
                var value: [UInt8] = []
                index += 1
                var closed = false
                while index < bytes.count {
                    if bytes[index] == quote {
                        if index + 1 < bytes.count, bytes[index + 1] == quote { value.append(quote); index += 2; continue }
                        closed = true
                        index += 1
                        break
                    }
                    value.append(bytes[index])
                    index += 1
                }
                guard closed else {
                    problems.append(ImportProblem(sheet: sheet, row: opened.row, column: opened.column,
                                                  "A quote opens this cell and is never closed, so the rest of the file would be one cell."))
                    throw ImportProblems(problems)
                }
                if index < bytes.count, ![separator, lf, cr].contains(bytes[index]) {
                    problems.append(ImportProblem(sheet: sheet, row: opened.row, column: opened.column,
                                                  "Text follows the closing quote of this cell; a quote inside a quoted cell is written twice (\"\")."))
                    throw ImportProblems(problems)
                }
                cells.append(value.isEmpty ? .empty : .text(String(decoding: value, as: UTF8.self)))
            } else {
                let start = index
                while index < bytes.count, bytes[index] != separator, bytes[index] != lf, bytes[index] != cr { index += 1 }
                cells.append(cell(bytes[start..<index]))
            }
            guard index < bytes.count else { break }
            if bytes[index] == separator {
                index += 1
                if index == bytes.count { cells.append(.empty) }
                continue
            }
            if bytes[index] == cr, index + 1 < bytes.count, bytes[index + 1] == lf { index += 1 }
            index += 1
            endRow()
        }
        if !cells.isEmpty {
            let width = rows.first?.cells.count ?? cells.count
            if delimiter != .tab, rows.count > 0, cells.count < width {
                problems.append(ImportProblem(sheet: sheet, row: rowNumber, column: cells.count,
                                              "This last row has \(cells.count) of the header's \(width) cells and the file ends without a line break: it looks cut short."))
                throw ImportProblems(problems)
            }
            endRow()
        }
        return ImportTable(sheet: sheet, rows: rows)
    }
}
