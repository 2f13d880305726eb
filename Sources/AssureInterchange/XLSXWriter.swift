import AssureCore
import Foundation
import ZIPFoundation

/// Writes a workbook as XLSX: the smallest set of parts Excel, LibreOffice and openpyxl all open. Text is written as
/// inline strings, so no cell is ever a formula.
public enum XLSXWriter {
    public static func write(_ workbook: Workbook) throws -> Data {
        let archive = try Archive(accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(workbook)),
            ("_rels/.rels", rootRelations),
            ("xl/workbook.xml", workbookXML(workbook)),
            ("xl/_rels/workbook.xml.rels", workbookRelations(workbook)),
            ("xl/styles.xml", WorkbookStyles.xml),
        ]
        for (index, sheet) in workbook.sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", SheetXML.write(sheet)))
        }
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// Parts carry a fixed time, so the same workbook gives the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 1_483_228_800)

    static func contentTypes(_ workbook: Workbook) -> String {
        let sheets = workbook.sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            \(sheets)</Types>
            """
    }

    static let rootRelations = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static func workbookXML(_ workbook: Workbook) -> String {
        let sheets = workbook.sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(XMLText.escape(sheetName(sheet.name)))\" sheetId=\"\(index + 1)\"\(sheet.isHidden ? " state=\"hidden\"" : "") r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets>\(sheets)</sheets></workbook>
            """
    }

    static func workbookRelations(_ workbook: Workbook) -> String {
        let sheets = workbook.sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        let styles =
            "<Relationship Id=\"rId\(workbook.sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(sheets)\(styles)</Relationships>
            """
    }

    /// Excel allows 31 characters and none of : \ / ? * [ ].
    public static func sheetName(_ name: String) -> String {
        let cleaned = String(name.map { ":\\/?*[]".contains($0) ? "-" : $0 }).trimmingCharacters(in: .whitespaces)
        return String((cleaned.isEmpty ? "Sheet" : cleaned).prefix(31))
    }
}

enum XMLText {
    /// Escapes markup and drops the control characters XML 1.0 cannot carry.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
