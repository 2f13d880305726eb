import AssureCore
import Foundation

/// A file handed to Assure to import, whatever it is: an XLSX workbook (each sheet a table), or CSV or tab-separated
/// text in UTF-8, UTF-16 or Windows-1252. Anything else is refused with a reason.
public enum ImportFile {
    public static let maximumBytes = 25 * 1024 * 1024

    public struct Contents: Sendable {
        public var tables: [ImportTable]
        /// What the user should know about how the file was read ("read as Windows-1252").
        public var notes: [String]
    }

    public static func read(_ data: Data, filename: String? = nil) throws(ImportProblems) -> Contents {
        func refuse(_ message: String) -> ImportProblems {
            ImportProblems([ImportProblem(row: nil, column: nil, message)])
        }
        guard !data.isEmpty else { throw refuse("The file is empty.") }
        guard data.count <= maximumBytes else {
            throw refuse(
                "The file is \(data.count / 1024 / 1024) MB; the limit is \(maximumBytes / 1024 / 1024) MB. Split it, or export only the columns needed."
            )
        }
        let name = filename?.lowercased() ?? ""
        let isZip = data.starts(with: [0x50, 0x4B, 0x03, 0x04])
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw refuse("This is an Excel 97–2003 (.xls) file; save it as .xlsx or CSV and import that.")
        }
        if isZip {
            let tables = try XLSXReader.read(data)
            let filled = tables.filter(\.hasValues)
            guard !filled.isEmpty else {
                throw refuse(
                    "Every sheet of the workbook is empty (\(tables.map { $0.sheet ?? "" }.joined(separator: ", "))).")
            }
            return Contents(tables: filled, notes: [])
        }
        if name.hasSuffix(".xlsx") || name.hasSuffix(".xlsm") {
            throw refuse("This file is named .xlsx but is not an XLSX workbook (not a zip archive).")
        }
        if data.prefix(4096).contains(0), !data.starts(with: [0xFF, 0xFE]), !data.starts(with: [0xFE, 0xFF]) {
            throw refuse("This is not a text or XLSX file (it holds binary data).")
        }
        let (text, encoding) = TextDecoding.decode(data)
        let table = try DelimitedText.read(text)
        guard table.hasValues else { throw refuse("The file has no rows.") }
        return Contents(
            tables: [table], notes: encoding == .windows1252 ? ["Read as Windows-1252 text (it is not UTF-8)."] : [])
    }

    /// Pasted text as the contents of a file with one table.
    public static func contents(pasted text: String) throws(ImportProblems) -> Contents {
        Contents(tables: [try read(pasted: text)], notes: [])
    }

    /// Text pasted into the web page: tab-separated when copied from Word, Excel or a PDF.
    public static func read(pasted text: String) throws(ImportProblems) -> ImportTable {
        let table = try DelimitedText.read(text.replacingOccurrences(of: "\r\n", with: "\n"))
        guard table.hasValues else {
            throw ImportProblems([ImportProblem(row: nil, column: nil, "Nothing was pasted.")])
        }
        return table
    }
}
