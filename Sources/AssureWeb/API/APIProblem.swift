import AssureCore
import Foundation
import OpenAPIKit
import Vapor

/// An API error as problem details (RFC 9457), served as `application/problem+json`: `type` names the kind of
/// problem for a script to branch on, `title` says it in words, `detail` says what happened this time. Two members of
/// Assure's own: `errors` names each bad field, and `current` carries the item as it is now (on 409 and 412), so a
/// client can merge without another read.
struct APIProblem: Codable, Sendable {
    /// The kinds of problem, each a URN (a name, not a page to fetch) with its status and title.
    enum Kind: String, CaseIterable, Sendable {
        case badRequest = "bad-request"
        case unauthorized
        case forbidden
        case notFound = "not-found"
        case methodNotAllowed = "method-not-allowed"
        case conflict
        case frozen
        case stale
        case preconditionRequired = "precondition-required"
        case keyReused = "idempotency-key-reused"
        case keyInFlight = "idempotency-key-in-flight"
        case tooLarge = "too-large"
        case invalid
        case unavailable
        case serverError = "server-error"

        var type: String { "urn:assure:problem:\(rawValue)" }

        var title: String {
            switch self {
            case .badRequest: "The request is malformed"
            case .unauthorized: "Sign in or send an API token"
            case .forbidden: "Not allowed"
            case .notFound: "Not found"
            case .methodNotAllowed: "Not a method this address takes"
            case .conflict: "Changed by someone else, or not possible in the item's present state"
            case .frozen: "Published and frozen"
            case .stale: "The item has changed since the version named in If-Match"
            case .preconditionRequired: "A write to an existing item needs If-Match with the item's ETag"
            case .keyReused: "This Idempotency-Key was used for a different request"
            case .keyInFlight: "A request with this Idempotency-Key is still being processed"
            case .tooLarge: "The body is too large"
            case .invalid: "The request has problems; nothing was changed"
            case .unavailable: "The database cannot be reached just now"
            case .serverError: "Something went wrong; nothing was changed"
            }
        }

        var status: HTTPStatus {
            switch self {
            case .badRequest: .badRequest
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            case .notFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .conflict, .frozen, .keyInFlight: .conflict
            case .stale: .preconditionFailed
            case .preconditionRequired: .preconditionRequired
            case .tooLarge: .payloadTooLarge
            case .invalid, .keyReused: .unprocessableEntity
            case .unavailable: .serviceUnavailable
            case .serverError: .internalServerError
            }
        }

        /// The kind for a status no domain error named (Vapor's own aborts, a body limit).
        init(status: HTTPStatus) {
            self =
                Self.allCases.first { $0.status == status && ![.frozen, .keyInFlight, .keyReused].contains($0) }
                ?? (status.code >= 500 ? .serverError : .badRequest)
        }
    }

    let type: String
    let title: String
    let status: Int
    let detail: String
    var errors: [String: String]? = nil
    var current: CurrentItem? = nil

    init(
        _ kind: Kind, detail: String, errors: [String: String]? = nil, current: (any Encodable & Sendable)? = nil
    ) {
        type = kind.type
        title = kind.title
        status = Int(kind.status.code)
        self.detail = detail
        self.errors = errors
        self.current = current.map(CurrentItem.init)
    }

    /// The problem an error thrown anywhere under /api/ is.
    init(_ error: any Error, status: HTTPStatus, message: String) {
        switch error {
        case DomainError.invalid(let fields):
            self.init(
                .invalid, detail: "Nothing was changed. " + message.replacingOccurrences(of: "\n", with: "; "),
                errors: fields)
        case DomainError.frozen: self.init(.frozen, detail: message)
        case DomainError.conflict: self.init(.conflict, detail: message)
        default: self.init(Kind(status: status), detail: message)
        }
    }

    /// The item as it is now, on 409 and 412: whichever kind the write was to, encoded as that kind's own answer.
    struct CurrentItem: Codable, Sendable, SchemaLeaf {
        let item: (any Encodable & Sendable)?

        init(_ item: any Encodable & Sendable) { self.item = item }

        /// Assure never reads a problem back; a decoded one keeps only that an item came with it.
        init(from decoder: any Decoder) throws { item = nil }

        func encode(to encoder: any Encoder) throws { try item?.encode(to: encoder) }

        static func leaf(_ walk: SchemaRecorder.Walk) -> (value: CurrentItem, schema: JSONSchema) {
            let kinds = OpenAPIDocument.items.keys.sorted().map { JSONSchema.reference(.component(named: $0)) }
            return (
                CurrentItem(""), JSONSchema.any(of: kinds).with(description: "The item as it is now (on 409 and 412)")
            )
        }
    }

    static let contentType = "application/problem+json"

    /// The problem as a response, with the item's ETag when it carries the item as it is now.
    func response(etag: String? = nil) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPHeaders([("Content-Type", Self.contentType), ("Cache-Control", "no-store")])
        if let etag { headers.replaceOrAdd(name: .eTag, value: etag) }
        if status == 401 { headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        let body = (try? encoder.encode(self)) ?? Data()
        return Response(status: HTTPStatus(statusCode: status), headers: headers, body: .init(data: body))
    }
}
