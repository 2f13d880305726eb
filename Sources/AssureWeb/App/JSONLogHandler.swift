import Foundation
import NIOConcurrencyHelpers
import Vapor

/// One JSON object per line on standard error, for a log collector (`assure serve --log-format json`): the time, the
/// level, the logger, the message, the server's name and whatever metadata the line carries (request-id above all).
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let server: String
    private static let output = NIOLockedValueBox(FileHandle.standardError)

    public init(label: String, server: String) {
        self.label = label
        self.server = server
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let (level, message, metadata, source) = (event.level, event.message, event.metadata, event.source)
        var fields: [String: String] = [:]
        for (key, value) in self.metadata.merging(metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = "\(value)"
        }
        fields["time"] = ISO8601DateFormatter.string(
            from: Date(), timeZone: .gmt, formatOptions: [.withInternetDateTime, .withFractionalSeconds])
        fields["level"] = level.rawValue
        fields["logger"] = label
        fields["message"] = "\(message)"
        fields["server"] = server
        fields["source"] = source
        if let error = event.error { fields["error"] = "\(error)" }
        guard var line = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return }
        line.append(UInt8(ascii: "\n"))
        Self.output.withLockedValue { $0.write(line) }
    }
}
