import ArgumentParser
import AssureApp
import AssureStorage
import Foundation

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the SQLite database consistently while it is in use (for PostgreSQL, use pg_dump).")
    @Option(help: "The backup file to write (must not exist).") var output: String
    @OptionGroup var db: DatabaseOption

    func run() async throws {
        try await CLI.run {
            try await Storage.withDatabase(db.target) { try await Backups.backup($0, to: output) }
            print("Backed up to \(output).")
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Check a backup and put it in place of the SQLite database (stop the server first).")
    @Argument(help: "The backup file.") var file: String
    @Option(help: "The SQLite file to restore to. Default: $ASSURE_DATABASE, else ./assure.sqlite.") var database:
        String?
    @Flag(help: "Replace the database if it exists.") var replace = false

    func run() async throws {
        let target = database ?? ProcessInfo.processInfo.environment["ASSURE_DATABASE"] ?? DatabaseTarget.defaultPath
        guard !target.hasPrefix("postgres") else {
            throw ValidationError("For PostgreSQL, restore a pg_dump file with pg_restore.")
        }
        try await CLI.run {
            let tables = try await Backups.restore(from: file, to: target, replace: replace)
            print("Restored \(file) to \(target) (\(tables) tables, checked).")
        }
    }
}

struct ExportAllCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-all",
        abstract: "Every table as JSON (one object per row; password hashes left out), to move off the product.")
    @Option(help: "The JSON file to write.") var output: String
    @OptionGroup var db: DatabaseOption

    func run() async throws {
        try await CLI.run {
            let tables = try await Storage.withDatabase(db.target) { try await Backups.exportAll($0) }
            var json = "{\n"
            json += tables.keys.sorted().map { table in
                "\"\(table)\": [\n" + tables[table]!.map { "  " + $0 }.joined(separator: ",\n") + "\n]"
            }.joined(separator: ",\n")
            json += "\n}\n"
            do { try json.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw ValidationError("--output \(output): cannot write there (\(error.localizedDescription))")
            }
            print("Wrote \(tables.count) tables, \(tables.values.map(\.count).reduce(0, +)) rows, to \(output).")
        }
    }
}
