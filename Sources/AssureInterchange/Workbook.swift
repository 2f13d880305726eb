import AssureCore

/// A workbook to write: sheets of typed cells, each with a style. Ratings carry their colour; dates are real dates.
public struct Workbook: Sendable {
    public var sheets: [WorkbookSheet]
    public init(sheets: [WorkbookSheet]) { self.sheets = sheets }
}

public struct WorkbookSheet: Sendable {
    public var name: String
    public var columns: [WorkbookColumn]
    public var rows: [[WorkbookCell]]
    /// Rows kept in view while scrolling (the header).
    public var frozenRows: Int
    public var validations: [ListValidation]
    public var isHidden: Bool

    public init(
        name: String, columns: [WorkbookColumn] = [], rows: [[WorkbookCell]], frozenRows: Int = 0,
        validations: [ListValidation] = [], isHidden: Bool = false
    ) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.frozenRows = frozenRows
        self.validations = validations
        self.isHidden = isHidden
    }
}

public struct WorkbookColumn: Sendable {
    public var width: Double
    public var isHidden: Bool
    public init(width: Double, isHidden: Bool = false) {
        self.width = width
        self.isHidden = isHidden
    }
}

/// A drop-down list on a range of cells: Excel refuses any other value typed there.
public struct ListValidation: Sendable {
    /// 0-based column; rows are 1-based and inclusive.
    public var column: Int
    public var rows: ClosedRange<Int>
    public var values: [String]
    public var prompt: String

    public init(column: Int, rows: ClosedRange<Int>, values: [String], prompt: String) {
        self.column = column
        self.rows = rows
        self.values = values
        self.prompt = prompt
    }

    var range: String { "\(columnLetter(column))\(rows.lowerBound):\(columnLetter(column))\(rows.upperBound)" }
}

public struct WorkbookCell: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case empty, text(String), number(Double), date(CalendarDate)
    }

    public var value: Value
    public var style: CellStyle

    public init(_ value: Value, style: CellStyle = .plain) {
        self.value = value
        self.style = style
    }

    public static func text(_ text: String, style: CellStyle = .plain) -> WorkbookCell {
        WorkbookCell(text.isEmpty ? .empty : .text(text), style: style)
    }

    public static let empty = WorkbookCell(.empty)
}

/// The styles a written workbook uses. The raw value is the index in styles.xml's cellXfs.
public enum CellStyle: Int, CaseIterable, Sendable {
    case plain, header, date, wrapped, title, complete, green, amberGreen, amber, amberRed, red, offScale

    /// A rating's colour by its code on the scale; text that is not on the scale is shaded grey.
    public static func rating(code: String?) -> CellStyle {
        switch code {
        case "complete": .complete
        case "green": .green
        case "amber-green": .amberGreen
        case "amber": .amber
        case "amber-red": .amberRed
        case "red": .red
        case nil: .offScale
        default: .offScale
        }
    }

    /// ARGB fill, for the rating styles and the header.
    var fill: String? {
        switch self {
        case .header: "FFD9E1F2"
        case .complete: "FF9BC2E6"
        case .green: "FF00B050"
        case .amberGreen: "FFC5E0B4"
        case .amber: "FFFFC000"
        case .amberRed: "FFF4B183"
        case .red: "FFFF0000"
        case .offScale: "FFD9D9D9"
        default: nil
        }
    }

    var isBold: Bool { self == .header || self == .title }
}
