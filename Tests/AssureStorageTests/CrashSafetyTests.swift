import AssureApp
import AssureCore
import AssureInterchange
import AssureTestSupport
import Foundation
import SQLKit
import Testing

@testable import AssureStorage

/// The `assure` command run as a child process and killed with SIGKILL while it holds the database's write lock,
/// in the middle of an import and of a publication: the database must be as it was, whole and usable.
@Suite("Crash safety: SIGKILL mid-write leaves the database as it was", .serialized)
struct CrashSafetyTests {
    @Test(
        "An import of a 10,000-row workbook killed part-way changes nothing; the same import then completes",
        arguments: Backend.all)
    func importKilled(backend: Backend) async throws {
        try await withDatabaseTarget(backend) { target in
            // given a database holding a portfolio
            try await Child.run(["demo", "generate", "--projects", "300", "--periods", "2"], target)
            let before = try await Storage.withDatabase(target) { try await Backups.exportAll($0) }
            let workbook = try Self.workbook(rows: 10_000)
            defer { try? FileManager.default.removeItem(at: workbook) }
            let importing = [
                "import", workbook.path, "--portfolio", "Crash test", "--create-portfolio", "--scale", "three-point",
                "--period", "2026-10",
            ]

            // when the import is killed while it writes
            let killed = try await Child.killWhileWriting(importing, target)

            // then every table is as it was, the audit chain holds, and the same import runs to the end
            #expect(killed, "the import was still writing when it was killed")
            try await Self.expectUnchanged(target, before)
            try await Child.run(importing, target)
            let imported = try await Storage.withDatabase(target) {
                try await Catalogue.findPortfolio($0, name: "Crash test")
            }
            #expect(imported.info.name == "Crash test")
        }
    }

    @Test(
        "A publication killed part-way leaves the period open and unchanged; publishing again works",
        arguments: Backend.all)
    func publishKilled(backend: Backend) async throws {
        try await withDatabaseTarget(backend) { target in
            // given a generated portfolio of 3,000 projects whose last month is open
            try await Child.run(
                ["demo", "generate", "--projects", "3000", "--periods", "2", "--milestones-per-project", "2"], target)
            let (name, key) = try await Storage.withDatabase(target) { db in
                let portfolio = try #require(try await Catalogue.portfolios(db).first)
                return (portfolio.info.name, try #require(portfolio.periods.last { $0.status != .published }).key)
            }
            let before = try await Storage.withDatabase(target) { try await Backups.exportAll($0) }
            let publishing = ["period", "publish", "--portfolio", name, "--period", key, "--missing", "carry-forward"]

            // when publishing is killed while it writes
            let killed = try await Child.killWhileWriting(publishing, target)

            // then nothing changed, and the period publishes when asked again
            #expect(killed, "the publication was still writing when it was killed")
            try await Self.expectUnchanged(target, before)
            try await Child.run(publishing, target)
            let status = try await Storage.withDatabase(target) {
                try await Catalogue.findPeriod($0, key: key, portfolio: name).1.status
            }
            #expect(status == .published)
        }
    }

    static func expectUnchanged(_ target: DatabaseTarget, _ before: [String: [String]]) async throws {
        try await Storage.withDatabase(target) { db in
            let after = try await Backups.exportAll(db)
            #expect(after.keys.sorted() == before.keys.sorted())
            for table in before.keys.sorted() { #expect(after[table] == before[table], "table \(table) changed") }
            #expect(try await AuditChain.verify(db).broken == nil)
            if case .sqlite = target {
                struct Check: Decodable { let integrity_check: String }
                let checks = try await (db as! any SQLDatabase).raw("PRAGMA integrity_check").all(decoding: Check.self)
                #expect(checks.map(\.integrity_check) == ["ok"])
            }
        }
    }

    /// A workbook as a programme office keeps it: programme, project, rating and update on every row.
    static func workbook(rows: Int) throws -> URL {
        let ratings = ["Green", "Amber", "Red"]
        let table = ReportTable(
            title: "Returns", columns: ["PROGRAMME", "PROJECT", "RAG", "UPDATE"],
            rows: (0..<rows).map { index in
                [
                    .init("Programme \(index % 40)"), .init("Project \(index)"), .init(ratings[index % 3]),
                    .init("Update \(index): work continues on plan with the partners named in the business case."),
                ]
            })
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString).xlsx")
        try XLSXWriter.write(TableWorkbook.workbook([table])).write(to: url)
        return url
    }
}
