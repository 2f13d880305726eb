import AssureCore
import Foundation
import ZIPFoundation

/// Writes a paper's blocks as a Word document (DOCX): headings with Word's built-in heading styles (so the navigation
/// pane and readers such as python-docx see them), numbered paragraphs, tables with a bold header row, page breaks.
/// Parts carry a fixed time, so the same paper gives the same bytes.
public enum DocxWriter {
    public static func write(_ blocks: [PaperBlock], title: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelations),
            ("word/_rels/document.xml.rels", documentRelations),
            ("word/styles.xml", styles),
            ("docProps/core.xml", core(title)),
            ("word/document.xml", document(blocks)),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: XLSXWriter.fixedDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    static func run(_ text: String, bold: Bool = false) -> String {
        let lines = text.components(separatedBy: "\n").map { "<w:t xml:space=\"preserve\">\(XMLText.escape($0))</w:t>" }
        return "<w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")\(lines.joined(separator: "<w:br/>"))</w:r>"
    }

    static func paragraph(_ text: String, style: String? = nil, bold: Bool = false) -> String {
        "<w:p>\(style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "")\(run(text, bold: bold))</w:p>"
    }

    static func table(_ table: ReportTable) -> String {
        let header = table.columns.contains { !$0.isEmpty }
        var xml =
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/></w:tblPr><w:tblGrid>"
        xml += table.columns.map { _ in "<w:gridCol/>" }.joined() + "</w:tblGrid>"
        let rows = (header ? [table.columns.map { ($0, true) }] : []) + table.textRows.map { $0.map { ($0, false) } }
        for row in rows {
            xml +=
                "<w:tr>"
                + row.map {
                    "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>\(paragraph($0.0, bold: $0.1))</w:tc>"
                }.joined() + "</w:tr>"
        }
        return xml + "</w:tbl>" + paragraph("")
    }

    static func document(_ blocks: [PaperBlock]) -> String {
        var body = ""
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                body += paragraph(text, style: level == 0 ? "Title" : "Heading\(min(level, 3))")
            case .paragraph(let text): body += paragraph(text)
            case .numbered(let item): body += paragraph("\(item.number)\t\(item.text)", style: "Numbered")
            case .table(let table):
                if !table.title.isEmpty, table.title != "Cover sheet", table.title != "Assurance checklist" {
                    body += paragraph(table.title, style: "Caption")
                }
                body += self.table(table)
            case .pageBreak: body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)\
            <w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>\
            </w:body></w:document>
            """
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let rootRelations = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let documentRelations = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    static func core(_ title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(XMLText.escape(title))</dc:title><dc:creator>Assure</dc:creator></cp:coreProperties>
        """
    }

    static func style(_ id: String, name: String, size: Int, bold: Bool, spaceBefore: Int = 120) -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
            + "<w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"\(spaceBefore)\" w:after=\"80\"/></w:pPr>"
            + "<w:rPr>\(bold ? "<w:b/>" : "")<w:sz w:val=\"\(size)\"/></w:rPr></w:style>"
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="80"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        \(style("Title", name: "Title", size: 36, bold: true, spaceBefore: 0))\
        \(style("Heading1", name: "heading 1", size: 28, bold: true, spaceBefore: 240))\
        \(style("Heading2", name: "heading 2", size: 24, bold: true))\
        \(style("Heading3", name: "heading 3", size: 22, bold: true))\
        \(style("Caption", name: "caption", size: 20, bold: true))\
        <w:style w:type="paragraph" w:styleId="Numbered"><w:name w:val="Numbered Paragraph"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:tabs><w:tab w:val="left" w:pos="709"/></w:tabs><w:ind w:left="709" w:hanging="709"/></w:pPr></w:style>\
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>\
        <w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
        <w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
        </w:tblBorders></w:tblPr></w:style>\
        </w:styles>
        """
}
