import AssureCore
import Foundation
import Testing
import ZIPFoundation

@testable import AssureInterchange

@Suite("XLSX read and written")
struct XLSXTests {
    @Test("A workbook Assure writes reads back with the same values, dates as dates")
    func roundTrip() throws {
        // given a sheet with text, numbers, a date, a coloured rating and a drop-down
        let sheet = WorkbookSheet(
            name: "Return", columns: [WorkbookColumn(width: 20), WorkbookColumn(width: 10, isHidden: true)],
            rows: [
                [
                    .text("Project", style: .header), .text("RAG", style: .header), .text("Due", style: .header),
                    .text("Cost", style: .header),
                ],
                [
                    .text("PCBC & <STP>"), .text("Amber", style: .amber),
                    WorkbookCell(.date(CalendarDate(year: 2016, month: 7, day: 20)!)), WorkbookCell(.number(1250000.5)),
                ],
                [.text("=SUM(A1)"), .empty, .empty, WorkbookCell(.number(-3))],
            ], frozenRows: 1,
            validations: [ListValidation(column: 1, rows: 2...3, values: ["Green", "Amber", "Red"], prompt: "Choose")])
        // when it is written and read
        let data = try XLSXWriter.write(Workbook(sheets: [sheet]))
        let tables = try XLSXReader.read(data)
        // then
        #expect(tables.map(\.sheet) == ["Return"])
        let rows = tables[0].rows
        #expect(
            rows[1].cells == [
                .text("PCBC & <STP>"), .text("Amber"), .date(CalendarDate(year: 2016, month: 7, day: 20)!),
                .number(1250000.5),
            ])
        #expect(rows[2].cells.first == .text("=SUM(A1)"))
        #expect(rows[2][3] == .number(-3))
        // and the same workbook gives the same bytes
        #expect(try XLSXWriter.write(Workbook(sheets: [sheet])) == data)
    }

    @Test(
        "Shared strings with rich runs and phonetic guides, inline strings, skipped cells, 1904 dates and custom date formats"
    )
    func realExcelParts() throws {
        // given parts written as Excel writes them
        let data = try zip([
            "[Content_Types].xml": "<Types/>",
            "xl/workbook.xml":
                #"<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels":
                #"<Relationships><Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml"/></Relationships>"#,
            "xl/sharedStrings.xml":
                #"<sst><si><t>Project</t></si><si><r><t>Amber</t></r><r><t>/Red</t></r><rPh><t>x</t></rPh></si></sst>"#,
            "xl/styles.xml":
                #"<styleSheet><numFmts><numFmt numFmtId="170" formatCode="[Red]dd\-mmm\-yy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="14"/></cellXfs></styleSheet>"#,
            "xl/worksheets/sheet1.xml":
                #"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Note</t></is></c></row><row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" s="1"><v>0</v></c><c r="D3" t="b"><v>1</v></c><c r="E3"><v>42</v></c></row></sheetData></worksheet>"#,
        ])
        // when
        let table = try #require(try XLSXReader.read(data).first)
        // then
        #expect(table.rows.map(\.number) == [1, 3])
        #expect(table.rows[0].cells == [.text("Project"), .empty, .text("Note")])
        #expect(
            table.rows[1].cells == [
                .empty, .text("Amber/Red"), .date(CalendarDate(year: 1904, month: 1, day: 1)!), .bool(true),
                .number(42),
            ])
    }

    @Test("Excel's 1900 serials, including its phantom 29 February 1900")
    func serials() {
        #expect(SheetPart.excelDay(42571, date1904: false) == CalendarDate(year: 2016, month: 7, day: 20))
        #expect(SheetPart.excelDay(61, date1904: false) == CalendarDate(year: 1900, month: 3, day: 1))
        #expect(SheetPart.excelDay(59, date1904: false) == CalendarDate(year: 1900, month: 2, day: 28))
        #expect(SheetXML.serial(CalendarDate(year: 2016, month: 7, day: 20)!) == 42571)
    }

    @Test("A zip that is not a workbook, and a shared string that is not there, are named")
    func damaged() throws {
        let notWorkbook = try zip(["hello.txt": "hi"])
        #expect { try XLSXReader.read(notWorkbook) } throws: {
            ($0 as? ImportProblems)?.description
                == "This zip archive is not an XLSX workbook: it has no xl/workbook.xml."
        }
        let badIndex = try zip([
            "xl/workbook.xml": #"<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels":
                #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml":
                #"<worksheet><sheetData><row r="4"><c r="B4" t="s"><v>7</v></c></row></sheetData></worksheet>"#,
        ])
        #expect { try XLSXReader.read(badIndex) } throws: {
            ($0 as? ImportProblems)?.description
                == "Sheet S, row 4, column B: The cell points at shared string 7, which the workbook does not have."
        }
    }

    @Test("An empty workbook is refused")
    func emptyWorkbook() throws {
        let data = try XLSXWriter.write(Workbook(sheets: [WorkbookSheet(name: "Empty", rows: [])]))
        #expect { try ImportFile.read(data, filename: "e.xlsx") } throws: {
            ($0 as? ImportProblems)?.description == "Every sheet of the workbook is empty (Empty)."
        }
    }
}

/// A zip of the given parts, for workbooks written by hand.
func zip(_ parts: [String: String]) throws -> Data {
    let archive = try Archive(accessMode: .create)
    for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate)
        { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return archive.data!
}
