import AssureCore
import AssureInterchange
import AssureTestSupport
import Foundation
import Testing

@Suite("XLSX checked by openpyxl", .enabled(if: Openpyxl.isAvailable || Openpyxl.isRequired))
struct OpenpyxlTests {
    @Test("openpyxl reads Assure's workbook: sheets, values, dates, hidden column, drop-down and colour")
    func openpyxlReadsAssure() async throws {
        // given a workbook as Assure writes a return
        let sheet = WorkbookSheet(
            name: "Return", columns: [WorkbookColumn(width: 30, isHidden: true), WorkbookColumn(width: 30)],
            rows: [
                [
                    .text("Id", style: .header), .text("Project", style: .header), .text("Rating", style: .header),
                    .text("Due", style: .header),
                ],
                [
                    .text("abc"), .text("PCBC"), .text("Amber", style: .amber),
                    WorkbookCell(.date(CalendarDate(year: 2016, month: 7, day: 20)!)),
                ],
            ], frozenRows: 1,
            validations: [
                ListValidation(
                    column: 2, rows: 2...2, values: ["Complete", "Green", "Amber", "Red"], prompt: "Choose a rating")
            ])
        let file = Openpyxl.temporaryFile("out.xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try XLSXWriter.write(
            Workbook(sheets: [WorkbookSheet(name: "Instructions", rows: [[.text("Fill in")]]), sheet])
        ).write(to: file)
        // when openpyxl opens it
        let output = try await Openpyxl.run(
            """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Return"]
            rows = [[c.isoformat()[:10] if hasattr(c, "isoformat") else c for c in r] for r in ws.iter_rows(values_only=True)]
            dv = [(d.type, str(d.sqref), d.formula1) for d in ws.data_validations.dataValidation]
            print(json.dumps({"sheets": wb.sheetnames, "rows": rows, "dv": dv, "hidden": ws.column_dimensions["A"].hidden,
                              "fill": ws["C2"].fill.fgColor.rgb, "freeze": ws.freeze_panes, "bold": ws["B1"].font.b,
                              "date": ws["D2"].is_date}))
            """, arguments: [file.path])
        // then
        let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
        #expect(result["sheets"] as? [String] == ["Instructions", "Return"])
        #expect(
            (result["rows"] as? [[Any]])?[1].compactMap { $0 as? String } == ["abc", "PCBC", "Amber", "2016-07-20"])
        #expect((result["dv"] as? [[String]])?.first == ["list", "C2", "\"Complete,Green,Amber,Red\""])
        #expect(result["hidden"] as? Bool == true)
        #expect(result["fill"] as? String == "FFFFC000")
        #expect(result["freeze"] as? String == "A2")
        #expect(result["bold"] as? Bool == true)
        #expect(result["date"] as? Bool == true)
    }

    @Test("Assure reads openpyxl's workbook: shared strings, dates, numbers, two sheets")
    func assureReadsOpenpyxl() async throws {
        let file = Openpyxl.temporaryFile("in.xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await Openpyxl.run(
            """
            import sys, datetime, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "Portfolio"
            ws.append(["Department", "Project", "RAG", "Budget", "Go-live"])
            ws.append(["Finance", "Ledger", "AMBER / RED", 1250000, datetime.date(2017, 3, 31)])
            ws.append(["Finance", "Payroll", "Green", 300000.5, None])
            wb.create_sheet("Notes").append(["Only notes"])
            wb.save(sys.argv[1])
            """, arguments: [file.path])
        let tables = try ImportFile.read(try Data(contentsOf: file), filename: "in.xlsx").tables
        #expect(tables.map(\.sheet) == ["Portfolio", "Notes"])
        #expect(
            tables[0].rows[1].cells == [
                .text("Finance"), .text("Ledger"), .text("AMBER / RED"), .number(1250000),
                .date(CalendarDate(year: 2017, month: 3, day: 31)!),
            ])
        #expect(tables[0].rows[2].cells == [.text("Finance"), .text("Payroll"), .text("Green"), .number(300000.5)])
    }
}
