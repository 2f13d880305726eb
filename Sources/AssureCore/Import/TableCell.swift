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
        case .date(let date):
            "\(date.day < 10 ? "0" : "")\(date.day)-\(CalendarDate.monthNames[date.month - 1].prefix(3))-\(String(date.year).suffix(2))"
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
///
/// Held sparsely and packed, because an upload is hostile input: an empty cell costs nothing, a filled one 11 bytes
/// plus its text, and a row 8 bytes, so a file's table never costs more than a small multiple of the file (a cell at
/// column XFD in every row once cost half a megabyte a row). Rows with no cells at all are not kept; a `Row` is
/// built, dense up to its last cell, only when it is read.
public struct ImportTable: Sendable {
    /// The widest table Assure reads: a wider one is refused, naming the first cell past the limit.
    public static let maximumColumns = 512
    /// The most rows one upload may have.
    public static let maximumRows = 1_000_000
    /// The most text a table's cells may hold between them. A workbook's cells can each point at one long shared
    /// string, so a 9 KB file can stand for gigabytes of text; past this it is refused.
    public static let maximumTextBytes = 100 * 1024 * 1024

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
    var storage: Storage

    public init(sheet: String? = nil, rows: [Row]) {
        var builder = Builder()
        for row in rows {
            for (column, cell) in row.cells.enumerated() { builder.append(cell, column: column) }
            builder.endRow(number: row.number, keepEmpty: true)
        }
        self.init(sheet: sheet, builder)
    }

    public init(sheet: String? = nil, _ builder: Builder) {
        self.sheet = sheet
        self.storage = builder.storage
    }

    /// Builds a table from rows of text, numbering them from 1.
    public init(sheet: String? = nil, text rows: [[String]]) {
        self.init(
            sheet: sheet,
            rows: rows.enumerated().map {
                Row(number: $0.offset + 1, cells: $0.element.map { $0.isEmpty ? .empty : .text($0) })
            })
    }

    /// The rows, each built when it is read.
    public var rows: Rows { Rows(storage: storage) }

    /// True when some cell holds more than spaces.
    public var hasValues: Bool { rows.contains { $0.cells.contains { !$0.isBlank } } }

    /// Each column's first value below the header row, for a preview to show beside the header: one pass over at
    /// most `scanning` rows, however wide the table (a column empty all the way down is "").
    public func firstValues(below headerRow: Int, columns: Int, scanning: Int = 1_000) -> [String] {
        var values = Array(repeating: "", count: columns)
        var missing = columns
        for row in rows.lazy.filter({ $0.number > headerRow }).prefix(scanning) where missing > 0 {
            for (column, cell) in row.cells.prefix(columns).enumerated() where values[column].isEmpty && !cell.isBlank {
                values[column] = cell.text
                missing -= 1
            }
        }
        return values
    }

    /// The number of filled cells: what the table costs.
    public var filledCells: Int { storage.columns.count }

    public struct Rows: RandomAccessCollection, Sendable {
        let storage: Storage
        public var startIndex: Int { 0 }
        public var endIndex: Int { storage.numbers.count }
        public subscript(index: Int) -> Row {
            let start = index == 0 ? 0 : Int(storage.ends[index - 1])
            let end = Int(storage.ends[index])
            let width = start < end ? Int(storage.columns[end - 1]) + 1 : 0
            var cells = Array(repeating: TableCell.empty, count: width)
            for entry in start..<end { cells[Int(storage.columns[entry])] = storage.cell(entry) }
            return Row(number: Int(storage.numbers[index]), cells: cells)
        }
    }

    /// Column, kind and payload of each filled cell in row order, in separate arrays so that none pads; text in one
    /// byte arena, or an index into the workbook's shared strings (a string used by many cells is held once).
    struct Storage: Sendable {
        var numbers: [Int32] = []
        var ends: [Int32] = []
        var columns: [UInt16] = []
        var kinds: [Kind] = []
        var payloads: [UInt64] = []
        var arena: [UInt8] = []
        var shared: [String] = []

        enum Kind: UInt8, Sendable { case text, shared, number, date, bool }

        func cell(_ entry: Int) -> TableCell {
            let payload = payloads[entry]
            switch kinds[entry] {
            case .text:
                let offset = Int(payload >> 32), length = Int(payload & 0xFFFF_FFFF)
                return .text(String(decoding: arena[offset..<offset + length], as: UTF8.self))
            case .shared: return .text(shared[Int(payload)])
            case .number: return .number(Double(bitPattern: payload))
            case .date:
                let year = Int(Int32(truncatingIfNeeded: payload >> 16)), month = Int((payload >> 8) & 0xFF),
                    day = Int(payload & 0xFF)
                return CalendarDate(year: year, month: month, day: day).map(TableCell.date) ?? .empty
            case .bool: return .bool(payload != 0)
            }
        }
    }

    /// Fills a table cell by cell, row by row. The readers check the limits, so that they can name the cell.
    public struct Builder: Sendable {
        var storage = Storage()
        var rowHasCells = false

        /// `shared` are the workbook's shared strings, which `append(sharedString:column:)` points into.
        public init(shared: [String] = []) { storage.shared = shared }

        /// Room for what a file of this many bytes could hold at most, reserved but not touched, so that growing
        /// never copies (untouched pages cost no memory).
        public mutating func reserve(cells: Int, rows: Int, textBytes: Int) {
            storage.columns.reserveCapacity(cells)
            storage.kinds.reserveCapacity(cells)
            storage.payloads.reserveCapacity(cells)
            storage.numbers.reserveCapacity(rows)
            storage.ends.reserveCapacity(rows)
            storage.arena.reserveCapacity(textBytes)
        }

        public mutating func append(_ cell: TableCell, column: Int) {
            switch cell {
            case .empty: return
            case .text(let text): append(text: text.utf8, column: column)
            case .number(let value): add(.number, value.bitPattern, column)
            case .date(let date):
                add(
                    .date,
                    UInt64(UInt32(truncatingIfNeeded: date.year)) << 16 | UInt64(date.month) << 8 | UInt64(date.day),
                    column)
            case .bool(let value): add(.bool, value ? 1 : 0, column)
            }
        }

        /// Text given as UTF-8 bytes (an empty text is an empty cell).
        public mutating func append(text bytes: some Collection<UInt8>, column: Int) {
            guard !bytes.isEmpty else { return }
            let offset = storage.arena.count
            storage.arena.append(contentsOf: bytes)
            add(.text, UInt64(offset) << 32 | UInt64(storage.arena.count - offset), column)
        }

        /// The workbook's shared string at `index` (checked by the reader); an empty one is an empty cell.
        public mutating func append(sharedString index: Int, column: Int) {
            guard !storage.shared[index].isEmpty else { return }
            add(.shared, UInt64(index), column)
        }

        mutating func add(_ kind: Storage.Kind, _ payload: UInt64, _ column: Int) {
            precondition((0..<ImportTable.maximumColumns).contains(column), "the reader checks the column")
            // A cell written twice in one row (a workbook can say so) keeps the later value, as a spreadsheet does.
            let rowStart = Int(storage.ends.last ?? 0)
            if rowHasCells, let last = storage.columns.last, Int(last) >= column,
                let existing = storage.columns[rowStart...].firstIndex(of: UInt16(column))
            {
                storage.kinds[existing] = kind
                storage.payloads[existing] = payload
                return
            }
            if rowHasCells, let last = storage.columns.last, Int(last) > column {
                let at = storage.columns[rowStart...].firstIndex { Int($0) > column }!
                storage.columns.insert(UInt16(column), at: at)
                storage.kinds.insert(kind, at: at)
                storage.payloads.insert(payload, at: at)
                return
            }
            storage.columns.append(UInt16(column))
            storage.kinds.append(kind)
            storage.payloads.append(payload)
            rowHasCells = true
        }

        /// Ends the row; a row with no cells is kept only when asked (tables built in code keep their shape).
        public mutating func endRow(number: Int, keepEmpty: Bool = false) {
            defer { rowHasCells = false }
            guard rowHasCells || keepEmpty else { return }
            storage.numbers.append(Int32(clamping: number))
            storage.ends.append(Int32(storage.columns.count))
        }
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
