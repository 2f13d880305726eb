import AssureCore
import AssureInterchange
import Foundation
import Testing

/// A small deterministic generator, so a failing case can be replayed from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Corrupts bytes the way damaged files are: flipped bytes, cut short, stray quotes, tabs, line breaks and zeros.
func corrupt(_ data: Data, _ random: inout SplitMix) -> Data {
    var bytes = [UInt8](data)
    for _ in 0..<Int.random(in: 1...6, using: &random) {
        guard !bytes.isEmpty else { break }
        let at = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
        case 1: bytes.removeSubrange(at...)
        case 2: bytes.insert([0x22, 0x09, 0x0A, 0x00, 0x2C].randomElement(using: &random)!, at: at)
        case 3: bytes.remove(at: at)
        default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 40)], at: at)
        }
    }
    return Data(bytes)
}

@Suite("Corrupted files give an error or a table, never a crash")
struct FuzzTests {
    static let csv = Data(
        #"""
        Programme,Reference,Project,RAG,Milestone,Milestone date,Budget (£)
        Transformation,T1,"PCBC, phase ""2""",Amber,Lockdown,20-Jul-16,"1,250,000"
        ,T2,STP,Green,Submission,30/06/2016 Complete,None
        Acute,A1,Vanguard,Red,Link,On-going,300

        """#.utf8)

    static func xlsx() throws -> Data {
        let rows: [[WorkbookCell]] =
            [["Programme", "Project", "RAG", "Due"].map { .text($0, style: .header) }]
            + (1...30).map {
                [
                    .text("Programme \($0 % 4)"), .text("Project \($0)"), .text(["Green", "Amber", "Red"][$0 % 3]),
                    WorkbookCell(.date(CalendarDate(year: 2017, month: 1 + $0 % 12, day: 1)!)),
                ]
            }
        return try XLSXWriter.write(Workbook(sheets: [WorkbookSheet(name: "Data", rows: rows)]))
    }

    @Test("2,000 corrupted CSV and XLSX files each read cleanly or give ImportProblems", arguments: [1, 2, 3, 4])
    func corruptedFiles(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        let originals = [(Self.csv, "f.csv"), (try Self.xlsx(), "f.xlsx")]
        var outcomes = (read: 0, refused: 0)
        for index in 0..<500 {
            let (original, name) = originals[index % 2]
            let damaged = corrupt(original, &random)
            do {
                let contents = try ImportFile.read(damaged, filename: name)
                // a table that reads must also map and plan without trapping
                for table in contents.tables {
                    if let mapping = ImportMapping.guess(table) {
                        _ = ImportReader.read(table, mapping: mapping, context: ImportContext(scale: .threePoint))
                    }
                }
                outcomes.read += 1
            } catch {
                #expect(!error.problems.isEmpty)
                #expect(error.problems.allSatisfy { !$0.message.isEmpty })
                outcomes.refused += 1
            }
        }
        // both kinds of outcome occur, so the corruption is neither always harmless nor always fatal
        #expect(outcomes.read > 0 && outcomes.refused > 0, "\(outcomes)")
    }
}
