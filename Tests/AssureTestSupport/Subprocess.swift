import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Another program run by a test (python3 with openpyxl or python-docx, LibreOffice, the `assure` command, the
/// cluster script). Its waits happen on a thread of its own: Swift runs async tests on as many threads as there are
/// cores (two here), and a test blocked in a wait on one of them held the whole suite still.
///
/// Every run has a time limit. A CI run was once held until CI's own limit by a test waiting for a program's output to
/// end: a pipe stays open while any process holding it lives (LibreOffice's `soffice` script starts `soffice.bin`,
/// the cluster script leaves servers running), and Foundation's wait for a program's exit was seen never to return. So
/// the program runs in a process group of its own, writes to files rather than pipes, is waited for with `waitpid`,
/// and at its limit the whole group is killed and the run fails, naming the command.
public enum Subprocess {
    public struct Finished: Sendable {
        public let status: Int32
        public let reason: Process.TerminationReason
        public let output: String
        public let errors: String

        public init(status: Int32, reason: Process.TerminationReason, output: String, errors: String) {
            self.status = status
            self.reason = reason
            self.output = output
            self.errors = errors
        }
    }

    /// A program still running at its time limit; it and everything it started have been killed.
    public struct TimedOut: Error, CustomStringConvertible {
        public let command: [String]
        public let seconds: TimeInterval
        public let output: String
        public let errors: String
        public var description: String {
            "\(command.joined(separator: " ")) was still running after \(Int(seconds)) s and was killed; it had said: "
                + "\(output.suffix(1500)) \(errors.suffix(1500))"
        }
    }

    /// Long enough for any program a test runs on a slow, loaded machine; short enough that a stuck one fails its test
    /// well within CI's limit.
    public static let defaultTimeLimit: TimeInterval = 900

    /// Runs the program to its end without holding one of Swift's concurrency threads.
    public static func run(
        _ executable: URL, _ arguments: [String], timeLimit: TimeInterval = defaultTimeLimit
    ) async throws -> Finished {
        try await offThread { try runBlocking(executable, arguments, timeLimit: timeLimit) }
    }

    /// Waits for a process started elsewhere without holding a thread. One still running at `timeLimit` is killed,
    /// and given ten seconds more: then the wait ends whatever Foundation says (check `isRunning` before reading how it
    /// ended), so that no test waits for ever.
    public static func wait(_ process: Process, timeLimit: TimeInterval = defaultTimeLimit) async {
        var deadline = Date().addingTimeInterval(timeLimit)
        var killed = false
        while process.isRunning {
            if Date() > deadline {
                if killed { return }
                kill(process.processIdentifier, SIGKILL)
                killed = true
                deadline = Date().addingTimeInterval(10)
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The same run, for the few callers that are not async (a suite's `.enabled(if:)` check).
    public static func runBlocking(
        _ executable: URL, _ arguments: [String], timeLimit: TimeInterval = defaultTimeLimit
    ) throws -> Finished {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assure-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out"), errors = directory.appendingPathComponent("err")
        let command = [executable.path] + arguments
        let status = try spawnAndWait(command, output: output, errors: errors, timeLimit: timeLimit)
        let said = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        let complained = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard let status else {
            throw TimedOut(command: command, seconds: timeLimit, output: said, errors: complained)
        }
        return Finished(status: status.code, reason: status.reason, output: said, errors: complained)
    }

    /// Starts `arguments` (the first is the program's path) in a process group of its own, with standard input from
    /// /dev/null, standard output to `output` and standard error to `errors` (or to `output` when nil), and waits for
    /// it. Nil when it ran past `timeLimit`: then its whole group has been killed.
    public static func spawnAndWait(
        _ arguments: [String], output: URL, errors: URL?, timeLimit: TimeInterval
    ) throws -> (code: Int32, reason: Process.TerminationReason)? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let errors {
            posix_spawn_file_actions_addopen(&actions, 2, errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "could not start \(arguments[0])"])
        }
        let deadline = Date().addingTimeInterval(timeLimit)
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited == -1, errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECHILD) }
            if Date() > deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                return nil
            }
            usleep(20_000)
        }
        let signal = status & 0x7f
        return signal == 0 ? ((status >> 8) & 0xff, .exit) : (signal, .uncaughtSignal)
    }

    /// Runs blocking work on a new thread and resumes the caller when it is done.
    public static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}
