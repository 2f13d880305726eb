import Foundation

/// A real SMTP server (aiosmtpd, from PyPI) on loopback, started by a test and stopped after it. Messages land in a
/// maildir the test reads back. Tests that need it are skipped when aiosmtpd is missing, unless
/// ASSURE_REQUIRE_SMTP=1 (as .ci/run sets) makes that a failure.
public final class TestMailServer: @unchecked Sendable {
    public let port: Int
    public let maildir: URL
    private var process: Process?
    private let options: [String]

    public static var isAvailable: Bool {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import aiosmtpd"]
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }

    public static var isRequired: Bool { ProcessInfo.processInfo.environment["ASSURE_REQUIRE_SMTP"] == "1" }

    /// A server on a free port, not yet started: a test can first show what happens while it is down.
    public init(options: [String] = []) throws {
        port = try Loopback.freePort()
        maildir = FileManager.default.temporaryDirectory.appendingPathComponent("assure-mail-\(UUID().uuidString)")
        self.options = options
    }

    public func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, String(port), maildir.path] + options
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        self.process = process
        let line = output.fileHandleForReading.availableData
        guard String(decoding: line, as: UTF8.self).contains("ready") else {
            throw TestDatabaseError(
                description: "the test SMTP server did not start (is aiosmtpd installed? pip install aiosmtpd)")
        }
    }

    public func stop() {
        process?.terminate()
        process?.waitUntilExit()
        process = nil
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: maildir)
    }

    /// Every message received so far, as raw RFC 5322 text.
    public func messages() -> [String] {
        let folder = maildir.appendingPathComponent("new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    private static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("scripts/test-smtp-server.py").path
    }
}

/// Just enough of RFC 5322 to read back what the test server stored.
public struct ParsedMail {
    public let headers: [(String, String)]
    public let rawBody: String

    public init(_ text: String) {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = normalised.components(separatedBy: "\n\n")
        headers = parts[0].split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        rawBody = parts.dropFirst().joined(separator: "\n\n")
    }

    public func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }

    public var decodedSubject: String? {
        guard let subject = header("Subject") else { return nil }
        guard subject.hasPrefix("=?UTF-8?B?"), subject.hasSuffix("?=") else { return subject }
        let encoded = subject.dropFirst(10).dropLast(2)
        return Data(base64Encoded: String(encoded)).map { String(decoding: $0, as: UTF8.self) }
    }

    public var body: String? {
        Data(base64Encoded: rawBody.components(separatedBy: .whitespacesAndNewlines).joined()).map {
            String(decoding: $0, as: UTF8.self)
        }
    }
}
