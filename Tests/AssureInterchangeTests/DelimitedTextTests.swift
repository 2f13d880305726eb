import AssureCore
import AssureInterchange
import Foundation
import Testing

@Suite("CSV and pasted text")
struct DelimitedTextTests {
    @Test("Quoted cells keep commas, line breaks and doubled quotes; rows are numbered as a spreadsheet shows them")
    func quoting() throws {
        // given a CSV with a quoted multi-line cell
        let text =
            "Project,Update,RAG\r\nPCBC,\"Lockdown, then \"\"final\"\" review\nnext month\",Amber\r\nSTP,Submitted,Green\r\n"
        // when it is read
        let table = try DelimitedText.read(text)
        // then
        #expect(table.rows.map(\.number) == [1, 2, 3])
        #expect(table.rows[1].cells.map(\.text) == ["PCBC", "Lockdown, then \"final\" review\nnext month", "Amber"])
        #expect(table.rows[2].cells.map(\.text) == ["STP", "Submitted", "Green"])
    }

    @Test("A table pasted from a paper is tab-separated, with trailing empty cells and a quote inside text")
    func pastedText() throws {
        let table = try DelimitedText.read(
            "PROGRAMME\tPROJECT/ROLE\tRAG\t\nTransformation\tthe \"pull\" model\tAmber\t")
        // (an empty cell is not held: a row reads as far as its last value, and past it every cell is empty)
        #expect(table.rows[1].cells.map(\.text) == ["Transformation", "the \"pull\" model", "Amber"])
        #expect(table.rows[1][3] == .empty)
    }

    @Test("A quote that never closes is named by row and column")
    func unterminatedQuote() {
        #expect { try DelimitedText.read("A,B\n1,\"open\n2,3\n") } throws: { error in
            (error as? ImportProblems)?.description
                == "Row 2, column B: A quote opens this cell and is never closed, so the rest of the file would be one cell."
        }
    }

    @Test("Text after a closing quote is an error")
    func textAfterQuote() {
        #expect { try DelimitedText.read("A,B\n\"x\"y,2\n") } throws: { error in
            (error as? ImportProblems)?.problems.first.map { $0.row == 2 && $0.column == 0 } == true
        }
    }

    @Test("A last row cut short without a line break is refused")
    func truncatedLastRow() {
        #expect { try DelimitedText.read("Programme,Project,RAG\nP,A,Green\nP,B") } throws: { error in
            (error as? ImportProblems)?.problems.first?.row == 3
        }
    }

    @Test("UTF-8 with a byte-order mark, Windows-1252 and UTF-16 all read as the same text")
    func encodings() throws {
        // given "Budget £ – “Q1”" in three encodings
        let expected = "Budget £ – “Q1”"
        let utf8BOM = Data([0xEF, 0xBB, 0xBF]) + Data(expected.utf8)
        let windows = Data([0x42, 0x75, 0x64, 0x67, 0x65, 0x74, 0x20, 0xA3, 0x20, 0x96, 0x20, 0x93, 0x51, 0x31, 0x94])
        var utf16 = Data([0xFF, 0xFE])
        for unit in expected.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        // then each decodes to it, and Windows-1252 is said
        #expect(TextDecoding.decode(utf8BOM) == (expected, .utf8))
        #expect(TextDecoding.decode(windows) == (expected, .windows1252))
        #expect(TextDecoding.decode(utf16) == (expected, .utf16))
        let contents = try ImportFile.read(Data("Project,Cost\n".utf8) + windows + Data("\n".utf8))
        #expect(contents.notes == ["Read as Windows-1252 text (it is not UTF-8)."])
    }

    @Test(
        "Files that are not tables are refused with a reason",
        arguments: [
            (Data(), "x.csv", "The file is empty."),
            (
                Data([0xD0, 0xCF, 0x11, 0xE0, 0, 0]), "old.xls",
                "This is an Excel 97–2003 (.xls) file; save it as .xlsx or CSV and import that."
            ),
            (
                Data("Project,RAG\n".utf8), "renamed.xlsx",
                "This file is named .xlsx but is not an XLSX workbook (not a zip archive)."
            ),
            (
                Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), "broken.xlsx",
                "This file is not an XLSX workbook: it is not a zip archive."
            ),
            (
                Data(repeating: 0x41, count: ImportFile.maximumBytes + 1), "big.csv",
                "The file is 25 MB; the limit is 25 MB. Split it, or export only the columns needed."
            ),
        ])
    func refusals(data: Data, name: String, message: String) {
        #expect { try ImportFile.read(data, filename: name) } throws: { error in
            (error as? ImportProblems)?.description == message
        }
    }
}
