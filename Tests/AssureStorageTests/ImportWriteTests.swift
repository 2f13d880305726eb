import AssureApp
import AssureCore
import AssureDemo
import AssureInterchange
import AssureStorage
import AssureTestSupport
import Fluent
import Foundation
import Testing

@Suite("Imports land whole or not at all")
struct ImportWriteTests {
    let admin = Actor.commandLine("import-test")

    @Test("An approved return in the file stops the whole import, and nothing of it is written", arguments: Backend.all)
    func approvedReturnRollsBack(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given the demo, whose October 2016 MAT001 return is approved
            try await DemoLoader.load(db, cost: testBcryptCost)
            let portfolio = try await Catalogue.findPortfolio(db, name: "CDG Priorities")
            let (_, october) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: portfolio.info.name)
            let matID = try #require(
                try await Catalogue.projects(db, portfolioID: portfolio.info.id).first { $0.reference == "MAT001" }?.id)
            _ = try await Returns.review(
                db, admin, periodID: october.id, projectID: matID, action: .approve, comment: "",
                baseVersion: try await Returns.sheet(db, periodID: october.id, projectID: matID).version)
            // and a file that adds a project and then rates MAT001
            let text =
                "CDG\tPROJECT REFERENCE\tPRIORITY\tRAG\nMental Health\tMH099\tA new priority\tGreen\nMaternity and Family Health\tMAT001\tNetwork\tRed\n"
            let plan = try await importPlan(db, portfolioID: portfolio.info.id, text: text)
            #expect(plan.isClean)
            let before = try await rowCounts(db)
            // when it is applied
            await #expect {
                try await Imports.apply(
                    db, admin, portfolioID: portfolio.info.id, periodKey: "2016-10", plan: plan, source: "t")
            } throws: {
                ($0 as? DomainError)?.description.contains("approved and locked") == true
            }
            // then nothing was written: not the new project, nor any audit entry
            #expect(try await rowCounts(db) == before)
        }
    }

    @Test("Custom attributes are kept with their types, and a mapping saved by name is reused", arguments: Backend.all)
    func attributesAndSavedMappings(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let portfolio = try await Structure.createPortfolio(db, admin, name: "Estates", scale: .fivePoint)
            let text =
                "Sector\tScheme\tDCA\tCapital (£)\tGo-live\nFinance\tLedger\tAMBER / RED\t1,250,000\t31/03/2017\nFinance\tPayroll\tGreen\tNone\t2017-06-30\n"
            let plan = try await importPlan(db, portfolioID: portfolio.id, text: text, choices: ["Sector=programme"])
            #expect(plan.isClean, "\(plan.problems)")
            _ = try await Imports.apply(
                db, admin, portfolioID: portfolio.id, periodKey: "2017-03", plan: plan, source: "estates.xlsx")
            let (names, values) = try await Imports.attributes(db, portfolioID: portfolio.id)
            #expect(names == ["Capital (£)", "Go-live"])
            let ledger = try #require(values.values.first { $0.count == 2 })
            #expect(ledger.map(\.kind) == [.money, .date])
            #expect(ledger.first?.number == 1_250_000)
            // the rating is read on the five-point scale
            let (_, period) = try await Catalogue.findPeriod(db, key: "2017-03", portfolio: "Estates")
            #expect(
                try await Reports.report(db, periodID: period.id).row(title: "Ledger")?.effective?.label == "Amber/Red")
            // a saved mapping is applied to next month's headers
            try await Imports.saveMapping(
                db, admin, portfolioID: portfolio.id, name: "Monthly estates", columns: plan.mapping.saved)
            let saved = try await Imports.savedMapping(db, portfolioID: portfolio.id, name: "Monthly estates")
            let guessed = try #require(ImportMapping.guess(try ImportFile.read(pasted: text)))
            #expect(guessed.targets.first == .attribute(nil))
            #expect(guessed.applying(saved: saved).targets.first == .field(.programme))
            await #expect(throws: DomainError.self) {
                try await Imports.savedMapping(db, portfolioID: portfolio.id, name: "Nope")
            }
        }
    }

    @Test("Only the PMO imports", arguments: Backend.all)
    func onlyPMO(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let portfolio = try await Structure.createPortfolio(db, admin, name: "P", scale: .threePoint)
            let plan = try await importPlan(db, portfolioID: portfolio.id, text: "Programme\tProject\nA\tB\n")
            let editor = Actor(userID: UUID(), name: "Ed", role: .editor, programmeIDs: [])
            await #expect(throws: DomainError.forbidden("only the PMO (admin) imports into a portfolio")) {
                try await Imports.apply(db, editor, portfolioID: portfolio.id, periodKey: nil, plan: plan, source: "t")
            }
        }
    }

    @Test("Corrupted files either import cleanly or change nothing")
    func fuzzedImports() async throws {
        try await withStorage(.sqlite) { db in
            let portfolio = try await Structure.createPortfolio(db, admin, name: "Fuzz", scale: .threePoint)
            let original = Data(
                "Programme,Reference,Project,RAG,Milestone,Milestone date,Cost\nA,R1,One,Green,M,20-Jul-16,\"1,000\"\n,R2,Two,Amber,N,Aug-16,None\nB,R3,Three,Red,,,12\n"
                    .utf8)
            var random = UInt64(7)
            var outcomes = (imported: 0, refused: 0)
            for _ in 0..<150 {
                var bytes = [UInt8](original)
                random = random &* 6364136223846793005 &+ 1442695040888963407
                let at = Int(random >> 33) % bytes.count
                switch (random >> 20) % 3 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random >> 40)
                case 1: bytes.removeSubrange(at...)
                default: bytes.insert(0x22, at: at)
                }
                let before = try await rowCounts(db)
                do {
                    let table = try #require(try ImportFile.read(Data(bytes), filename: "f.csv").tables.first)
                    guard let mapping = ImportMapping.guess(table) else { outcomes.refused += 1; continue }
                    let plan = ImportReader.read(
                        table, mapping: mapping, context: try await Imports.context(db, portfolioID: portfolio.id))
                    _ = try await Imports.apply(
                        db, admin, portfolioID: portfolio.id, periodKey: "2016-07", plan: plan, source: "fuzz")
                    outcomes.imported += 1
                } catch is ImportProblems {
                    #expect(try await rowCounts(db) == before)
                    outcomes.refused += 1
                } catch let error as DomainError {
                    #expect(try await rowCounts(db) == before, "\(error)")
                    outcomes.refused += 1
                }
            }
            #expect(outcomes.imported > 0 && outcomes.refused > 0, "\(outcomes)")
        }
    }
}
