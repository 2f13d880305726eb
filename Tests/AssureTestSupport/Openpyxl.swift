import Foundation

/// openpyxl (from PyPI; .ci/run installs it) as an independent reader and writer of XLSX. Without it the tests are
/// skipped, unless ASSURE_REQUIRE_OPENPYXL=1 (as in CI) makes its absence a failure.
public enum Openpyxl {
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["ASSURE_REQUIRE_OPENPYXL"] == "1" }

    public static var isAvailable: Bool { (try? run("import openpyxl", arguments: [])) != nil }

    /// Runs a Python script; its standard output, or an error with its standard error.
    public static func run(_ script: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFailure(description: errorText) }
        return String(decoding: data, as: UTF8.self)
    }

    public struct TestFailure: Error, CustomStringConvertible { public let description: String }

    public static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("assure-\(UUID().uuidString)-\(name)")
    }
}
