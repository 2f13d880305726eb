import Foundation

/// Runs the tools a benchmark compares against or drives (sqlite3, psql, wrk, curl) and the server under test.
enum Subprocess {
    /// Finds a program on PATH; the message names it when it is missing.
    static func locate(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
            return "\(directory)/\(name)"
        }
        throw BenchError("\(name) is not installed (scripts/bench installs it from Debian's packages)")
    }

    /// Runs to the end and returns standard output; a failure carries standard error.
    @discardableResult
    static func run(_ name: String, _ arguments: [String], discardOutput: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try locate(name))
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = discardOutput ? FileHandle.nullDevice : output
        process.standardError = errors
        try process.run()
        let data = discardOutput ? Data() : output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError(
                "\(name) \(arguments.prefix(3).joined(separator: " ")) … failed (\(process.terminationStatus)): \(errorText.prefix(400))"
            )
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts a long-running process with its output sent to a log file.
    static func start(_ executable: String, _ arguments: [String], log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
