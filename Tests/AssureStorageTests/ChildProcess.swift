import AssureStorage
import Foundation
import Testing

/// The built `assure` command, run as a separate process against a test database.
enum Child {
    /// Next to the test bundle: `swift test` builds every product first.
    static var executable: URL {
        get throws {
            let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            let url = directory.appendingPathComponent("assure")
            guard FileManager.default.isExecutableFile(atPath: url.path) else {
                throw ChildError(message: "no assure executable beside the tests (\(url.path)): run swift build first")
            }
            return url
        }
    }

    static func argument(_ target: DatabaseTarget) -> String {
        switch target {
        case .sqlite(let path): path
        case .postgres(let url): url
        }
    }

    static func start(_ arguments: [String], _ target: DatabaseTarget) throws -> Process {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments + ["--database", argument(target)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs to the end; a non-zero exit is an error.
    static func run(_ arguments: [String], _ target: DatabaseTarget) throws {
        let process = try start(arguments, target)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ChildError(message: "assure \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }

    /// Starts the command, waits until it holds the database's write lock (seen from outside, three polls running),
    /// then kills it with SIGKILL. True when it was killed while writing; false when it finished first.
    static func killWhileWriting(_ arguments: [String], _ target: DatabaseTarget) async throws -> Bool {
        let process = try start(arguments, target)
        var held = 0
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning, Date() < deadline {
            held = try writeLockHeld(target) ? held + 1 : 0
            if held >= 3 {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return process.terminationReason == .uncaughtSignal
            }
            try await Task.sleep(for: .milliseconds(40))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return false
    }

    /// Whether another connection holds a write transaction open: SQLite refuses `BEGIN IMMEDIATE` at once;
    /// PostgreSQL shows a row-exclusive lock held by another backend.
    static func writeLockHeld(_ target: DatabaseTarget) throws -> Bool {
        switch target {
        case .sqlite(let path):
            let script = """
                import sqlite3, sys
                c = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
                try:
                    c.execute("BEGIN IMMEDIATE"); c.execute("ROLLBACK"); print("free")
                except sqlite3.OperationalError:
                    print("held")
                """
            return try output("/usr/bin/env", ["python3", "-c", script, path]) == "held"
        case .postgres(let url):
            let query = "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.datname = current_database() "
                + "AND a.pid <> pg_backend_pid() AND l.mode = 'RowExclusiveLock'"
            return (Int(try output("/usr/bin/env", ["psql", url, "-Atc", query])) ?? 0) > 0
        }
    }

    static func output(_ command: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct ChildError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
