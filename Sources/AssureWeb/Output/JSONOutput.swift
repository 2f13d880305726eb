import Foundation
import Vapor

/// JSON as the API and the CLI write it: sorted keys, slashes unescaped; pretty for files people read.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The value as an API response.
    static func response<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> Response {
        Response(
            status: status, headers: ["Content-Type": OutputFormat.json.contentType],
            body: .init(string: try encode(value)))
    }
}
