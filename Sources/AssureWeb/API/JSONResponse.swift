import AssureOutput
import Vapor

extension JSONOutput {
    /// The value as an API response.
    static func response<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> Response {
        Response(
            status: status, headers: ["Content-Type": OutputFormat.json.contentType],
            body: .init(string: try encode(value)))
    }
}
