import Foundation

/// Assure as deployed on several servers: `scripts/cluster` started for a test, with Debian's HAProxy in front of
/// `count` `assure serve` processes on a PostgreSQL server of its own (so the test may stop and start it).
public final class TestCluster: @unchecked Sendable {
    public static var haproxy: String? {
        ["/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
    public static var isAvailable: Bool { haproxy != nil }
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["ASSURE_REQUIRE_HAPROXY"] == "1" }

    /// The repository, where `scripts/cluster` and `deploy/haproxy.cfg` are.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public let port: Int
    public let directory: URL
    public let binary: URL
    /// The balancer's address, which is all a user knows.
    public var url: String { "http://127.0.0.1:\(port)" }
    /// The cluster's own database.
    public let databaseURL: String

    /// Starts the cluster: the first server loads the demo. `binary` is the `assure` built beside the tests.
    public init(servers: Int, binary: URL, serveOptions: [String] = []) async throws {
        self.binary = binary
        port = Int.random(in: 20_000...29_000) / 100 * 100
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("assure-cluster-\(port)-\(UUID())")
        let started = try await Self.script(
            ["start", "--servers", String(servers), "--port", String(port), "--demo", "--"] + serveOptions,
            directory: directory, binary: binary)
        guard started.status == 0 else {
            throw ClusterError(message: "scripts/cluster start failed: \(started.errors.suffix(3000))")
        }
        databaseURL = try String(contentsOf: directory.appendingPathComponent("database"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `scripts/cluster ACTION [K]` on this cluster: stop-server, kill-server, start-server, stop-database, …
    @discardableResult
    public func run(_ action: String, _ number: Int? = nil) async throws -> Subprocess.Finished {
        let finished = try await Self.script(
            [action] + (number.map { [String($0)] } ?? []) + ["--port", String(port)], directory: directory,
            binary: binary)
        guard finished.status == 0 else {
            throw ClusterError(message: "scripts/cluster \(action) failed: \(finished.errors.suffix(3000))")
        }
        return finished
    }

    /// What server K has logged.
    public func log(_ number: Int) -> String {
        (try? String(contentsOf: directory.appendingPathComponent("app-\(number).log"), encoding: .utf8)) ?? ""
    }

    /// Stops everything and removes the cluster's files.
    public func stop() async {
        _ = try? await run("stop")
        try? FileManager.default.removeItem(at: directory)
    }

    private static func script(
        _ arguments: [String], directory: URL, binary: URL
    ) async throws -> Subprocess.Finished {
        let output = directory.appendingPathExtension("out")
        let command =
            [
                "/usr/bin/env", "ASSURE_CLUSTER_DIR=\(directory.path)", "ASSURE_BIN=\(binary.path)", "bash",
                root.appendingPathComponent("scripts/cluster").path,
            ] + arguments
        // Standard output and error go to a file, not to pipes the servers it leaves running could hold open.
        let status = try await Subprocess.offThread {
            try Subprocess.spawnAndWait(command, output: output, errors: nil, timeLimit: Subprocess.defaultTimeLimit)
        }
        let said = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: output)
        guard let status else {
            throw Subprocess.TimedOut(command: command, seconds: Subprocess.defaultTimeLimit, output: said, errors: "")
        }
        return Subprocess.Finished(status: status.code, reason: status.reason, output: said, errors: said)
    }
}

public struct ClusterError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
