import AssureApp
import AssureStorage
import AssureTestSupport
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

    /// Runs to the end and returns its exit status, standard output and standard error, as a person at a terminal sees them.
    static func capture(
        _ arguments: [String], _ target: DatabaseTarget
    ) async throws -> (status: Int32, output: String, errors: String) {
        let finished = try await Subprocess.run(try executable, arguments + ["--database", argument(target)])
        return (finished.status, finished.output, finished.errors)
    }

    /// Runs to the end; a non-zero exit is an error.
    static func run(_ arguments: [String], _ target: DatabaseTarget) async throws {
        let finished = try await Subprocess.run(try executable, arguments + ["--database", argument(target)])
        guard finished.status == 0 else {
            throw ChildError(
                message:
                    "assure \(arguments.joined(separator: " ")) exited with \(finished.status): \(finished.errors.suffix(2000))"
            )
        }
    }

    /// Starts the command and a watcher that polls the database from another connection; the moment the command
    /// holds the write lock, the watcher kills it with SIGKILL. True when it was killed while writing; false when it
    /// finished first.
    static func killWhileWriting(_ arguments: [String], _ target: DatabaseTarget) async throws -> Bool {
        let process = try start(arguments, target)
        let watcher = Process()
        watcher.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        watcher.arguments = [
            "python3", "-c", watcherScript, "\(process.processIdentifier)", argument(target),
            isSQLite(target) ? "sqlite" : "postgres",
        ]
        let pipe = Pipe()
        watcher.standardOutput = pipe
        watcher.standardError = FileHandle.nullDevice
        try watcher.run()
        while process.isRunning, watcher.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        if watcher.isRunning { watcher.terminate() }
        await Subprocess.wait(watcher)
        await Subprocess.wait(process)
        let said =
            (try? await Subprocess.offThread {
                String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            }) ?? ""
        return said.contains("killed") && !process.isRunning && process.terminationReason == .uncaughtSignal
    }

    static func isSQLite(_ target: DatabaseTarget) -> Bool {
        if case .sqlite = target { return true }
        return false
    }

    /// SQLite: `BEGIN IMMEDIATE` is refused at once while another connection writes. PostgreSQL: another backend holds a
    /// row-exclusive lock (polled with psql). Polls every few milliseconds, then SIGKILLs the pid.
    static let watcherScript = """
        import os, signal, sqlite3, subprocess, sys, time
        pid, database, kind = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        query = ("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.datname = current_database() "
                 "AND a.pid <> pg_backend_pid() AND l.mode = 'RowExclusiveLock'")
        def held():
            if kind == "sqlite":
                try:
                    c = sqlite3.connect(database, timeout=0, isolation_level=None)
                    c.execute("BEGIN IMMEDIATE"); c.execute("ROLLBACK"); c.close()
                    return False
                except sqlite3.OperationalError:
                    return True
            out = subprocess.run(["psql", database, "-Atc", query], capture_output=True, text=True).stdout.strip()
            return out.isdigit() and int(out) > 0
        deadline = time.time() + 300
        while time.time() < deadline:
            if held():
                os.kill(pid, signal.SIGKILL); print("killed"); sys.exit(0)
            time.sleep(0.002)
        print("timed out")
        """
}

struct ChildError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
