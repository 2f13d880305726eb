import AssureCore
import AssureDemo
import AssureStorage
import AssureTestSupport
import Fluent
import Testing

@Suite("Glossary, business cases and funding rounds in the database")
struct RegisterStorageTests {
    let admin = Actor.commandLine("register-test")

    @Test("The demo database reproduces seed 002's prioritisation and allocation tables and its abbreviations", arguments: Backend.all)
    func demoMatchesSeed(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let set = try #require(try await Prioritisations.all(db).first)
            #expect(set.table.textRows == GoverningBody2018.prioritisation.table.textRows)
            #expect(set.table.textRows.map(\.last) == ["12", "14", "13", "15"])
            let round = try #require(try await FundingRounds.all(db).first)
            #expect(round.table.textRows == GoverningBody2018.funding.table.textRows)
            #expect(round.total == Money(pounds: 6_130_000) && round.envelope == Money(pounds: 6_800_000))
            #expect(try await GlossaryEntries.all(db).count == 33)
        }
    }

    @Test("Bad input is refused and loses nothing; an over-allocation is kept and shown", arguments: Backend.all)
    func badInput(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let set = try #require(try await Prioritisations.all(db).first)
            let transport = try #require(set.cases.first { $0.name == "Integrated Transport" })
            // a rating outside H/M/L
            await #expect(throws: StorageError.invalid(["rating-Quality": "“Excellent” is not a rating: use H, M or L."])) {
                try await Prioritisations.saveCase(db, admin, setID: set.id, caseID: transport.id, name: transport.name,
                                                   ratings: ["Quality": "Excellent"], baseVersion: transport.version)
            }
            // a save from a version read before someone else's
            let changed = try await Prioritisations.saveCase(db, admin, setID: set.id, caseID: transport.id, name: transport.name,
                                                             ratings: ["Quality": "L", "Access": "H"], baseVersion: transport.version)
            #expect(changed.version == transport.version + 1)
            await #expect(throws: StorageError.self) {
                try await Prioritisations.saveCase(db, admin, setID: set.id, caseID: transport.id, name: "Overwrite", ratings: [:], baseVersion: transport.version)
            }
            #expect(try await Prioritisations.all(db).first?.cases.first { $0.id == transport.id }?.name == "Integrated Transport")
            // an allocation that pushes the total past the envelope is allowed, and the round says so
            let round = try #require(try await FundingRounds.all(db).first)
            let over = try await FundingRounds.allocate(db, admin, roundID: round.id, label: "Digital", amount: "£1,000,000", comment: "")
            #expect(over.isOver && over.headroom == Money(pounds: -330_000))
            await #expect(throws: StorageError.self) {
                try await FundingRounds.allocate(db, admin, roundID: round.id, label: "Digital", amount: "a lot", comment: "")
            }
            // the glossary refuses a second entry for an abbreviation, and a viewer
            await #expect(throws: StorageError.invalid(["abbreviation": "STP is already in the glossary."])) {
                try await GlossaryEntries.save(db, admin, abbreviation: "STP", expansion: "Something else")
            }
            let viewer = Actor(userID: nil, name: "Board", role: .viewer)
            await #expect(throws: StorageError.self) { try await GlossaryEntries.save(db, viewer, abbreviation: "XYZ", expansion: "X") }
            #expect(try await AuditLog.recent(db, limit: 10).contains { $0.entity == "funding-round" && $0.action == "allocate" })
        }
    }
}
