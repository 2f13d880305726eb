import AssureApp
import AssureCore
import AssureDemo
import AssureTestSupport
import Fluent
import SQLKit
import Testing

@testable import AssureStorage

@Suite("The audit log's hash chain")
struct AuditChainTests {
    let admin = Actor.commandLine("audit-test")

    @Test(
        "Every write is chained, batches too; a changed, removed or last-removed entry is found", arguments: Backend.all
    )
    func tampering(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given the demo and a few more writes, one of them an import that appends its entries in a batch
            try await DemoLoader.load(db, cost: testBcryptCost)
            try await GlossaryEntries.save(db, admin, abbreviation: "QOF", expansion: "Quality and Outcomes Framework")
            let portfolio = try await Structure.createPortfolio(db, admin, name: "Chained", scale: .threePoint)
            let plan = try await importPlan(
                db, portfolioID: portfolio.id, text: "Programme\tProject\tRAG\nA\tOne\tGreen\nA\tTwo\tAmber\n")
            _ = try await Imports.apply(
                db, admin, portfolioID: portfolio.id, periodKey: "2017-01", plan: plan, source: "t")
            let entries = try await AuditRecord.query(on: db).count()
            // then the chain holds over every entry
            #expect(try await AuditChain.verify(db) == AuditChain.Verification(entries: entries, broken: nil))
            let sql = db as! any SQLDatabase
            // when an entry's content is changed in the database
            try await sql.raw("UPDATE audit_entries SET after_json = '{\"forged\":true}' WHERE sequence = 7").run()
            #expect(try await AuditChain.verify(db).broken?.sequence == 7)
            #expect(try await AuditChain.verify(db).broken?.reason == "entry 7 was changed after it was written")
            // when one is removed instead
            try await sql.raw("DELETE FROM audit_entries WHERE sequence = 7").run()
            #expect(try await AuditChain.verify(db).broken?.reason == "entry 7 is missing")
        }
    }

    @Test("Removing the newest entries is found through the chain's head", arguments: Backend.all)
    func truncation(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let last = try #require(
                try await AuditRecord.query(on: db).sort(\.$sequence, .descending).first()?.sequence)
            try await (db as! any SQLDatabase).raw("DELETE FROM audit_entries WHERE sequence = \(bind: last)").run()
            let result = try await AuditChain.verify(db)
            #expect(result.broken?.reason.hasSuffix("later entries were removed") == true)
        }
    }

    /// PostgreSQL runs the writers' transactions side by side, so the head's row lock is what keeps them in line; SQLite
    /// lets one write at a time and a writer that read a stale head starts again. Fewer writers than connections would
    /// not contend; many more wait for the pool's four connections, and in a busy test run (CI on two cores beside
    /// Chromium and LibreOffice) sixteen once waited past the pool's ten seconds. Eight on PostgreSQL, four on SQLite.
    @Test("Concurrent writers never fork the chain", arguments: Backend.all)
    func concurrentWrites(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let admin = self.admin
            let writers = backend == .postgres ? 8 : 4
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<writers {
                    group.addTask {
                        try await GlossaryEntries.save(
                            db, admin, abbreviation: "AB\(index)", expansion: "Entry \(index)")
                    }
                }
                try await group.waitForAll()
            }
            let result = try await AuditChain.verify(db)
            #expect(result.broken == nil, "\(String(describing: result.broken))")
            let count = try await AuditRecord.query(on: db).count()
            #expect(result.entries == count)
        }
    }

    @Test("An existing log is chained by the migration, in the order it was written", arguments: Backend.all)
    func migrationChainsExistingEntries(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            // given a log as it was before the chain
            try await M024_AddAuditChain().revert(on: db)
            // when the migration runs
            try await M024_AddAuditChain().prepare(on: db)
            // then every entry is chained and new writes continue the chain
            try await GlossaryEntries.save(db, admin, abbreviation: "QOF", expansion: "Quality and Outcomes Framework")
            let result = try await AuditChain.verify(db)
            let count = try await AuditRecord.query(on: db).count()
            #expect(result.broken == nil && result.entries == count)
        }
    }
}
