import AssureCore
import AssureDemo
import Foundation
import Testing

@Suite("Seed 001: key deliverables by financial year")
struct Seed001DeliverableTests {
    /// The four tables as copied from the paper (Tests/Fixtures/seeds/seed001-deliverables.txt), with the HTML the
    /// extraction left in one cell read as text (tags dropped, spaces collapsed), as the demo enters it.
    static func paperTables() throws -> [[[String]]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/seeds/seed001-deliverables.txt")
        return try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n\n").filter { !$0.isEmpty }.map {
            block in
            block.split(separator: "\n").map { line in
                var cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                while cells.count < 3 { cells.append("") }
                cells[0] = cells[0].replacing(#/<[^>]+>/#, with: " ").split(whereSeparator: \.isWhitespace).joined(
                    separator: " ")
                return Array(cells.prefix(3))
            }
        }
    }

    @Test("Each programme's ✓ matrix is the paper's, cell by cell", arguments: Array(0..<4))
    func matrix(index: Int) throws {
        let paper = try Self.paperTables()[index]
        let table = DeliverablesReport.tables(Deliverables2016.all)[index]
        #expect(table.columns == paper[0])
        expectTable(table, equals: Array(paper.dropFirst()))
    }

    @Test("Financial years are read as people write them, and a deliverable needs one")
    func years() {
        #expect(FinancialYear(written: "17/18") == FinancialYear(startingIn: 2017))
        #expect(FinancialYear(written: "2018/19")?.label == "18/19")
        #expect(FinancialYear(written: "17/19") == nil)
        #expect(
            Deliverable.validate(programme: "P", title: "T", years: ["2017"]) == [
                "years": "“2017” is not a financial year: write 17/18."
            ])
        #expect(
            Deliverable.validate(programme: "P", title: "T", years: []) == [
                "years": "Give the financial years it is due in, e.g. 17/18, 18/19."
            ])
    }
}
