import AssureCore
import AssureDemo
import Foundation
import Testing

@Suite("Seed 001: the risk register")
struct Seed001RiskTests {
    /// The paper's table as copied from the seed (Tests/Fixtures/seeds/seed001-risks.txt, its page footer dropped).
    static func paper() throws -> [[String]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/seeds/seed001-risks.txt")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init).prefix(4).map { $0 }
                + Array(
                    repeating: "",
                    count: max(0, 4 - line.split(separator: "\t", omittingEmptySubsequences: false).count))
        }
    }

    @Test("The register's table is the paper's, with its two sections, cell by cell")
    func tableMatchesPaper() throws {
        let table = RiskRegister2016.register.table
        #expect(table.columns == ["RISK", "SEVERITY", "LIKELIHOOD", "MITIGATION"])
        expectTable(table, equals: try Self.paper())
        #expect(table.textRows.filter { $0[1].isEmpty }.map(\.first) == ["CCG RISKS", "STP - SYSTEM WIDE RISKS"])
    }

    @Test("Scores, bands, references and the heat map")
    func scoring() throws {
        let register = RiskRegister2016.register
        let urgent = try #require(register.risks.first { $0.description.hasPrefix("Urgent care/A&E") })
        #expect(register.score(urgent) == 9 && register.band(urgent) == "Red")
        #expect(urgent.references == ["Corporate Risk Register CDG4.1", "Corporate Risk Register CDG 4.2"])
        let workforce = try #require(register.risks.first { $0.description.hasPrefix("System wide workforce") })
        #expect(register.score(workforce) == 4 && register.band(workforce) == "Amber")
        #expect(
            register.risks.first { $0.description.hasPrefix("Impact on NHS providers") }?.references == ["GBAF 3.2"])
        // rows H, M, L of severity; columns L, M, H of likelihood
        // 5 High × High, 8 High × Medium, 3 Medium × Medium: every one of the paper's 16 risks
        #expect(register.heatMap == [[0, 8, 5], [0, 3, 0], [0, 0, 0]])
        let counted: Int = register.heatMap.joined().reduce(0, +)
        #expect(counted == register.risks.count)
    }

    @Test("A likelihood outside the scale is refused; a 1–5 register has its own bands")
    func validation() {
        let register = RiskRegister(name: "R", scale: .oneToFive, risks: [])
        #expect(
            register.validate(description: "Risk", severity: "H", likelihood: "6", reviewDate: "") == [
                "severity": "“H” is not on this register's scale (5, 4, 3, 2, 1).",
                "likelihood": "“6” is not on this register's scale (5, 4, 3, 2, 1).",
            ])
        #expect(
            register.bands.band(16) == "Red" && register.bands.band(8) == "Amber" && register.bands.band(6) == "Green")
    }
}
