import Foundation

/// openpyxl (from PyPI; .ci/run installs it) as an independent reader and writer of XLSX. Without it the tests are
/// skipped, unless ASSURE_REQUIRE_OPENPYXL=1 (as in CI) makes its absence a failure.
public enum Openpyxl {
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["ASSURE_REQUIRE_OPENPYXL"] == "1" }

    public static var isAvailable: Bool { module("openpyxl") }

    /// Whether python3 can import a module (checked once, before any test runs).
    public static func module(_ name: String) -> Bool {
        (try? Subprocess.runBlocking(python, ["python3", "-c", "import \(name)"]).status) == 0
    }

    static let python = URL(fileURLWithPath: "/usr/bin/env")

    /// Runs a Python script; its standard output, or an error with its standard error.
    public static func run(_ script: String, arguments: [String]) async throws -> String {
        let finished = try await Subprocess.run(python, ["python3", "-c", script] + arguments)
        guard finished.status == 0 else { throw TestFailure(description: finished.errors) }
        return finished.output
    }

    public struct TestFailure: Error, CustomStringConvertible { public let description: String }

    public static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("assure-\(UUID().uuidString)-\(name)")
    }
}
