import AssureCore
import AssureOutput
import Crypto
import Fluent
import Vapor

/// One item of the API (a period, a return) with its entity tag: a digest of what the client is sent, so the tag
/// changes exactly when what the client would see changes. A write to the item names the tag it read in `If-Match`;
/// a write against any other is refused with 412 and the item as it now is.
struct APIItem<Value: Encodable & Sendable>: Sendable {
    let value: Value
    let body: String
    let etag: String

    init(_ value: Value) throws {
        self.value = value
        body = try JSONOutput.encode(value)
        etag = "\"" + SHA256.hash(data: Data(body.utf8)).prefix(16).hexadecimal + "\""
    }

    /// The item as a response, with its tag, and for a newly made item its address.
    func response(status: HTTPStatus = .ok, location: Link? = nil) -> Response {
        var headers = HTTPHeaders([("Content-Type", OutputFormat.json.contentType), ("ETag", etag)])
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        if let location { headers.replaceOrAdd(name: .location, value: location.path) }
        return Response(status: status, headers: headers, body: .init(string: body))
    }

    /// Whether an `If-Match` header names this item's present version (or `*`, any version). Tags compare strongly:
    /// a weak tag (`W/"…"`) never matches, as RFC 9110 says for If-Match.
    func isMatched(by headers: HTTPHeaders) -> Bool {
        let sent = EntityTags.listed(in: headers, .ifMatch)
        return sent.contains("*") || sent.contains(etag)
    }

    /// Refuses a write to this item unless `If-Match` names its present version: 428 when the header is missing, 412
    /// (with the item as it is now) when it names another.
    func requireMatch(_ request: Request) throws {
        guard !request.headers[.ifMatch].isEmpty else {
            throw APIRefusal(
                APIProblem(
                    .preconditionRequired,
                    detail: "Send If-Match with the ETag you read (GET this item first): nothing was changed."))
        }
        guard isMatched(by: request.headers) else {
            throw stale(
                "This item changed since you read it; `current` is the item now, with its ETag. "
                    + "Nothing was changed.")
        }
    }

    /// A change to an item, made only if `If-Match` names the item as `read` gives it. The read, the comparison and
    /// the write are one transaction that holds the item (`writeTransaction(lockingKey:)`, keyed by the ids in the
    /// address), so of two such changes at once the second reads what the first wrote and is answered 412 rather than
    /// overwrite it. `change` is also given what was read (an item's version): an application function that refuses
    /// it as a conflict (a page's save that came between) is answered 412 too, with the item as it is now. Returns
    /// the item as changed.
    static func change<Read: Sendable>(
        _ request: Request, read: @escaping @Sendable (any Database) async throws -> (item: APIItem, read: Read),
        _ change: @escaping @Sendable (any Database, Read) async throws -> Void
    ) async throws -> APIItem {
        try await conditionally(request, read: read) { db, state in
            try await change(db, state)
            return try await read(db).item
        }
    }

    /// As `change`, for a change after which there is no item to answer with (a deletion).
    static func conditionally<Read: Sendable, Result: Sendable>(
        _ request: Request, read: @escaping @Sendable (any Database) async throws -> (item: APIItem, read: Read),
        _ change: @escaping @Sendable (any Database, Read) async throws -> Result
    ) async throws -> Result {
        // The item's ids, in the order its address gives them: /users/{id} and /users/{id}/disable lock the same user.
        let key = request.url.path.split(separator: "/").filter { UUID(uuidString: String($0)) != nil }
            .joined(separator: "/").lowercased()
        return try await request.db.writeTransaction(lockingKey: key) { db in
            let (item, state) = try await read(db)
            try item.requireMatch(request)
            do {
                return try await change(db, state)
            } catch DomainError.conflict {
                throw try await read(db).item.stale("Changed by someone else since you read it; nothing was changed.")
            }
        }
    }

    /// The 412 for a write made against an older version: the item as it is now (`current`) and its tag.
    func stale(_ detail: String) -> APIRefusal {
        APIRefusal(APIProblem(.stale, detail: detail, current: value), etag: etag)
    }
}

/// A refusal that is already a problem, with its own headers: thrown from deep in a handler, answered as it is.
struct APIRefusal: Error, Sendable {
    let problem: APIProblem
    var etag: String? = nil

    init(_ problem: APIProblem, etag: String? = nil) {
        self.problem = problem
        self.etag = etag
    }
}

enum EntityTags {
    /// The tags a conditional header lists (`"a", "b"` or `*`), from every line of it.
    static func listed(in headers: HTTPHeaders, _ name: HTTPHeaders.Name) -> [String] {
        headers[name].flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }
}
