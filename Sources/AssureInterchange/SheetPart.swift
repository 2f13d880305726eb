import AssureCore
import Foundation

/// One worksheet's `<sheetData>`, cell by cell. A cell's column comes from its reference ("C7"); where a writer
/// leaves references out, cells follow one another.
enum SheetPart {
    static func read(
        _ data: Data, strings: [String], styles: DateStyles, date1904: Bool,
        sheet: String
    ) throws(ImportProblems) -> ImportTable {
        var table = ImportTable.Builder(shared: strings)
        // A cell is at least "<c><v>1</v></c>" (15 bytes) and a row "<row/>" (6): reserved, not touched.
        table.reserve(cells: data.count / 15 + 1, rows: data.count / 6 + 1, textBytes: data.count)
        var problems: [ImportProblem] = []
        var rowNumber = 0
        var rowCount = 0
        var column = 0
        var type = "n"
        var style = 0
        var value = ""
        var inValue = false
        var inInline = false
        var stop: ImportProblem?
        var sharedText = 0

        let events = XMLEvents()
        events.onStart = { name, attributes in
            guard stop == nil else { return }
            switch name {
            case "row":
                rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                column = 0
                rowCount += 1
                if rowCount > ImportTable.maximumRows {
                    stop = ImportProblem(
                        sheet: sheet, row: rowNumber, column: nil,
                        "The sheet has more than \(ImportTable.maximumRows.formatted()) rows; split it.")
                }
            case "c":
                if let reference = attributes["r"].flatMap(Self.cellReference) { column = reference.column }
                if column >= ImportTable.maximumColumns {
                    stop = ImportProblem(
                        sheet: sheet, row: rowNumber, column: column,
                        "This cell is past column \(columnLetter(ImportTable.maximumColumns - 1)), the last Assure reads. "
                            + "Delete the columns beyond the table (select them, then Delete) and save again.")
                }
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
            case "v": inValue = true
            case "is": inInline = true
            case "t" where inInline: inValue = true
            default: break
            }
        }
        events.onText = { text in if inValue, stop == nil { value += text } }
        events.onEnd = { name in
            guard stop == nil else { return }
            switch name {
            case "v", "t": inValue = false
            case "is": inInline = false
            case "c":
                if type == "s" {
                    if let index = Int(value), strings.indices.contains(index) {
                        table.append(sharedString: index, column: column)
                        sharedText += strings[index].utf8.count
                        if sharedText > ImportTable.maximumTextBytes {
                            stop = ImportProblem(
                                sheet: sheet, row: rowNumber, column: column,
                                "The sheet's cells repeat its shared text to more than \(ImportTable.maximumTextBytes / 1024 / 1024) MB, "
                                    + "the most Assure reads from one table. Is this the table you meant to upload?")
                        }
                    } else {
                        problems.append(
                            ImportProblem(
                                sheet: sheet, row: rowNumber, column: column,
                                "The cell points at shared string \(value), which the workbook does not have."))
                    }
                } else {
                    switch Self.cell(
                        type: type, value: value, isDate: styles.dateStyles.contains(style), strings: strings,
                        date1904: date1904)
                    {
                    case .success(let cell): table.append(cell, column: column)
                    case .failure(let message):
                        problems.append(ImportProblem(sheet: sheet, row: rowNumber, column: column, message.message))
                    }
                }
                column += 1
                if problems.count >= 1_000 {
                    stop = ImportProblem(
                        sheet: sheet, row: rowNumber, column: nil, "Reading stopped after 1,000 problems.")
                }
            case "row":
                table.endRow(number: rowNumber)
            default: break
            }
        }
        try events.parse(data, part: "the sheet \(sheet)", stop: { stop != nil })
        if let stop { problems.append(stop) }
        if !problems.isEmpty { throw ImportProblems(problems) }
        return ImportTable(sheet: sheet, table)
    }

    static func cell(
        type: String, value: String, isDate: Bool, strings: [String], date1904: Bool
    ) -> Result<TableCell, ImportProblem> {
        func fail(_ message: String) -> Result<TableCell, ImportProblem> {
            .failure(ImportProblem(row: nil, column: nil, message))
        }
        switch type {
        case "s":
            guard let index = Int(value), strings.indices.contains(index) else {
                return fail("The cell points at shared string \(value), which the workbook does not have.")
            }
            return .success(strings[index].isEmpty ? .empty : .text(strings[index]))
        case "str", "inlineStr":
            return .success(value.isEmpty ? .empty : .text(value))
        case "b":
            return .success(.bool(value == "1" || value.lowercased() == "true"))
        case "e":
            return .success(.text(value))
        case "d":
            guard let day = CalendarDate(iso: String(value.prefix(10))) else {
                return fail("“\(value)” is not an ISO date.")
            }
            return .success(.date(day))
        default:
            guard !value.isEmpty else { return .success(.empty) }
            guard let number = Double(value), number.isFinite else { return fail("“\(value)” is not a number.") }
            if isDate, number >= 0, number < 2_958_466 { return .success(.date(excelDay(number, date1904: date1904))) }
            return .success(.number(number))
        }
    }

    /// Excel's day serials: from 30 Dec 1899 (which absorbs Lotus's missing 29 Feb 1900 for serials from 61),
    /// or from 1 Jan 1904 in the 1904 system. A time of day is dropped.
    static func excelDay(_ serial: Double, date1904: Bool) -> CalendarDate {
        let whole = Int(serial.rounded(.down))
        if date1904 { return CalendarDate(year: 1904, month: 1, day: 1)!.adding(days: whole) }
        if whole < 61 { return CalendarDate(year: 1899, month: 12, day: 31)!.adding(days: whole) }
        return CalendarDate(year: 1899, month: 12, day: 30)!.adding(days: whole)
    }

    /// "AB12" → row 12, column 27 (0-based column).
    static func cellReference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0
        var digits = ""
        for character in text {
            if let ascii = character.asciiValue, character.isLetter {
                guard digits.isEmpty else { return nil }
                column = column * 26 + Int(ascii & 0xDF) - 64
            } else if character.isNumber {
                digits.append(character)
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits) else { return nil }
        return (row, column - 1)
    }
}
