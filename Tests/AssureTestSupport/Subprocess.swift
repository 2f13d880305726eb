import Foundation

/// Another program run by a test (python3 with openpyxl or python-docx, LibreOffice, the `assure` command). Its waits
/// happen on a thread of its own: Swift runs async tests on as many threads as there are cores (two here), and a test
/// blocked in a pipe read or `waitUntilExit` on one of them held the whole suite still. Standard output and standard
/// error are read at the same time, so neither pipe can fill while the other is read.
public enum Subprocess {
    public struct Finished: Sendable {
        public let status: Int32
        public let reason: Process.TerminationReason
        public let output: String
        public let errors: String
    }

    /// Runs the program to its end without holding one of Swift's concurrency threads.
    public static func run(_ executable: URL, _ arguments: [String]) async throws -> Finished {
        try await offThread { try runBlocking(executable, arguments) }
    }

    /// Waits for a process started elsewhere, off Swift's concurrency threads.
    public static func wait(_ process: Process) async {
        _ = try? await offThread { process.waitUntilExit() }
    }

    /// The same run, for the few callers that are not async (a suite's `.enabled(if:)` check).
    public static func runBlocking(_ executable: URL, _ arguments: [String]) throws -> Finished {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errorText = Collected()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errorText.data = errors.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Finished(
            status: process.terminationStatus, reason: process.terminationReason,
            output: String(decoding: out, as: UTF8.self), errors: String(decoding: errorText.data, as: UTF8.self))
    }

    /// Runs blocking work on a new thread and resumes the caller when it is done.
    public static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}
