import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Fluent
import Foundation
import Testing

@Suite("Backup, restore and export of everything")
struct BackupTests {
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("assure-\(UUID().uuidString)-\(name)").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test(
        "A demo database backed up while open and restored elsewhere has every table's rows, and its audit chain holds")
    func roundTrip() async throws {
        let source = Self.temporary("source.sqlite"), backup = Self.temporary("backup.sqlite"),
            target = Self.temporary("target.sqlite")
        defer { [source, backup, target].forEach(Self.remove) }
        // given the demo, backed up while the database is open
        let original = try await Storage.withDatabase(.sqlite(path: source)) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            try await Backups.backup(db, to: backup)
            // a second backup to the same file is refused
            await #expect(throws: DomainError.self) { try await Backups.backup(db, to: backup) }
            return try await Backups.exportAll(db)
        }
        // when it is restored to a new file
        let tables = try await Backups.restore(from: backup, to: target, replace: false)
        // export-all leaves out sessions, migrations, sign-in attempts, API tokens and kept idempotent answers
        #expect(tables == original.count + 5)
        // then every table holds the same rows, and the restored log's chain holds
        let restored = try await Storage.withDatabase(.sqlite(path: target)) { db in
            #expect(try await AuditChain.verify(db).broken == nil)
            return try await Backups.exportAll(db)
        }
        #expect(restored == original)
        #expect(original["risks"]?.count == 16 && original["return_milestones"]?.isEmpty == false)
        #expect(original["users"]?.allSatisfy { !$0.contains("password_hash") } == true)
        // restoring over an existing database needs --replace
        await #expect(throws: DomainError.self) { try await Backups.restore(from: backup, to: target, replace: false) }
    }

    @Test("A file that is not an Assure database is refused and the target is left alone")
    func refusesForeignFiles() async throws {
        let foreign = Self.temporary("foreign.sqlite"), target = Self.temporary("target.sqlite")
        defer { [foreign, target].forEach(Self.remove) }
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: foreign))
        await #expect(throws: DomainError.self) { try await Backups.restore(from: foreign, to: target, replace: true) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("Every table exports as JSON on both databases", arguments: Backend.all)
    func exportAll(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let tables = try await Backups.exportAll(db)
            #expect(tables["portfolios"]?.count == 3)
            #expect(tables["glossary_entries"]?.count == 33)
            let first = try #require(tables["projects"]?.first)
            #expect((try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])?["title"] != nil)
            if backend == .postgres {
                await #expect(throws: DomainError.self) {
                    try await Backups.backup(db, to: Self.temporary("pg.sqlite"))
                }
            }
        }
    }
}
