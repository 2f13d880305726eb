import Foundation

/// One cell of a table read from a file: what a spreadsheet holds, before Assure gives it a meaning.
public enum TableCell: Hashable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case date(CalendarDate)
    case bool(Bool)

    /// The cell as a person reads it. Dates are written as the seed papers write them ("20-Jul-16"), which the
    /// date reader understands; whole numbers lose their ".0".
    public var text: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let value): Self.format(value)
        case .date(let date): "\(date.day < 10 ? "0" : "")\(date.day)-\(CalendarDate.monthNames[date.month - 1].prefix(3))-\(String(date.year).suffix(2))"
        case .bool(let value): value ? "TRUE" : "FALSE"
        }
    }

    /// Blank, or text that is only spaces.
    public var isBlank: Bool {
        if case .text(let text) = self { return text.allSatisfy(\.isWhitespace) }
        return self == .empty
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// A table as read from a CSV file, pasted text or one sheet of a workbook. Row numbers are those the user sees
/// in the file or spreadsheet (1-based), so a problem can name them.
public struct ImportTable: Sendable {
    public struct Row: Sendable {
        public var number: Int
        public var cells: [TableCell]
        public init(number: Int, cells: [TableCell]) {
            self.number = number
            self.cells = cells
        }
        public subscript(column: Int) -> TableCell { column < cells.count ? cells[column] : .empty }
    }

    /// The sheet's name for a workbook; nil for CSV and pasted text.
    public var sheet: String?
    public var rows: [Row]

    public init(sheet: String? = nil, rows: [Row]) {
        self.sheet = sheet
        self.rows = rows
    }

    /// Builds a table from rows of text, numbering them from 1.
    public init(sheet: String? = nil, text rows: [[String]]) {
        self.init(sheet: sheet, rows: rows.enumerated().map { Row(number: $0.offset + 1, cells: $0.element.map { $0.isEmpty ? .empty : .text($0) }) })
    }
}

/// "A", "B", … "Z", "AA": the spreadsheet's name for a 0-based column.
public func columnLetter(_ index: Int) -> String {
    var index = index + 1
    var letters = ""
    while index > 0 {
        let remainder = (index - 1) % 26
        letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
        index = (index - 1) / 26
    }
    return letters
}
