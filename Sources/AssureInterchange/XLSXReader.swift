import AssureCore
import Foundation
import ZIPFoundation

/// Reads the sheets of an XLSX workbook as tables: shared and inline strings, numbers, booleans, and numbers
/// styled as dates turned into days (both the 1900 and 1904 date systems). Empty cells that a row skips stay empty.
public enum XLSXReader {
    /// An XLSX part larger than this once unzipped is refused rather than read (a zip bomb would otherwise fill memory).
    public static let maximumPartSize = 200 * 1024 * 1024

    public static func read(_ data: Data) throws(ImportProblems) -> [ImportTable] {
        // ZIPFoundation 0.9.20's in-memory archive traps when a damaged archive makes it seek past the end (found by
        // FuzzTests); reading from a file, the same damage is an error. So the bytes go through a temporary file.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "assure-import-\(UUID.random().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        let archive: Archive
        do {
            try data.write(to: file)
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw ImportProblems([
                ImportProblemFactory.file("This file is not an XLSX workbook: it is not a zip archive.")
            ])
        }
        guard archive["xl/workbook.xml"] != nil else {
            throw ImportProblems([
                ImportProblemFactory.file("This zip archive is not an XLSX workbook: it has no xl/workbook.xml.")
            ])
        }
        let workbook = try WorkbookPart.read(
            try part(archive, "xl/workbook.xml"),
            relations: try part(archive, "xl/_rels/workbook.xml.rels"))
        let strings =
            try archive["xl/sharedStrings.xml"].map { _ throws(ImportProblems) in
                try SharedStrings.read(try part(archive, "xl/sharedStrings.xml"))
            } ?? []
        let styles =
            try archive["xl/styles.xml"].map { _ throws(ImportProblems) in
                try DateStyles.read(try part(archive, "xl/styles.xml"))
            } ?? DateStyles(dateStyles: [])
        var tables: [ImportTable] = []
        for sheet in workbook.sheets {
            let path = sheet.target.hasPrefix("/") ? String(sheet.target.dropFirst()) : "xl/" + sheet.target
            tables.append(
                try SheetPart.read(
                    try part(archive, path), strings: strings, styles: styles,
                    date1904: workbook.date1904, sheet: sheet.name))
        }
        return tables
    }

    static func part(_ archive: Archive, _ path: String) throws(ImportProblems) -> Data {
        guard let entry = archive[path] else {
            throw ImportProblems([ImportProblemFactory.file("The workbook has no \(path).")])
        }
        guard entry.uncompressedSize <= maximumPartSize else {
            throw ImportProblems([
                ImportProblemFactory.file(
                    "The workbook's \(path) is over \(maximumPartSize / 1024 / 1024) MB unzipped.")
            ])
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > maximumPartSize { throw CocoaError(.fileReadTooLarge) }
            }
        } catch {
            throw ImportProblems([
                ImportProblemFactory.file("The workbook's \(path) cannot be unzipped: it is damaged or too large.")
            ])
        }
        return data
    }
}

/// xl/workbook.xml with its relations: each sheet's name and part, and the date system.
struct WorkbookPart {
    var sheets: [(name: String, target: String)]
    var date1904: Bool

    static func read(_ data: Data, relations: Data) throws(ImportProblems) -> WorkbookPart {
        var targets: [String: String] = [:]
        let rels = XMLEvents()
        rels.onStart = { name, attributes in
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target
            }
        }
        try rels.parse(relations, part: "xl/_rels/workbook.xml.rels")
        var sheets: [(String, String)] = []
        var date1904 = false
        var missing: [String] = []
        let events = XMLEvents()
        events.onStart = { name, attributes in
            if name == "workbookPr" { date1904 = ["1", "true"].contains(attributes["date1904"] ?? "") }
            guard name == "sheet", let sheetName = attributes["name"] else { return }
            let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
            if let target = targets[id] { sheets.append((sheetName, target)) } else { missing.append(sheetName) }
        }
        try events.parse(data, part: "xl/workbook.xml")
        if !missing.isEmpty {
            throw ImportProblems([
                ImportProblemFactory.file(
                    "The workbook names sheets it does not contain: \(missing.joined(separator: ", ")).")
            ])
        }
        return WorkbookPart(sheets: sheets, date1904: date1904)
    }
}

enum SharedStrings {
    /// Each `<si>` is one string: its `<t>`, or the `<t>` of each rich-text run; phonetic guides (`<rPh>`) are not text.
    static func read(_ data: Data) throws(ImportProblems) -> [String] {
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        let events = XMLEvents()
        events.onStart = { name, _ in
            switch name {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }
        events.onEnd = { name in
            switch name {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
        events.onText = { text in if inText { current += text } }
        try events.parse(data, part: "xl/sharedStrings.xml")
        return strings
    }
}

/// Which cell styles format a number as a date: Excel's built-in date formats and any custom format with day,
/// month or year codes outside quoted text and [colour] brackets.
struct DateStyles {
    var dateStyles: Set<Int>

    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    static func read(_ data: Data) throws(ImportProblems) -> DateStyles {
        var customDates: Set<Int> = []
        var inCellFormats = false
        var index = 0
        var dates: Set<Int> = []
        let events = XMLEvents()
        events.onStart = { name, attributes in
            if name == "numFmt", let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                isDateFormat(code)
            {
                customDates.insert(id)
            }
            if name == "cellXfs" { inCellFormats = true; index = 0 }
            if name == "xf", inCellFormats {
                let format = attributes["numFmtId"].flatMap(Int.init) ?? 0
                if builtInDateFormats.contains(format) || customDates.contains(format) { dates.insert(index) }
                index += 1
            }
        }
        events.onEnd = { name in if name == "cellXfs" { inCellFormats = false } }
        try events.parse(data, part: "xl/styles.xml")
        return DateStyles(dateStyles: dates)
    }

    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        for character in code.lowercased() {
            switch character {
            case "\"": inQuotes.toggle()
            case "[": inBrackets = true
            case "]": inBrackets = false
            case "d", "m", "y": if !inQuotes && !inBrackets { return true }
            default: continue
            }
        }
        return false
    }
}
