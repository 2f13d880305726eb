import AssureCore
import AssureStorage
import Crypto
import Vapor

/// A POST to the API with an `Idempotency-Key` header is done once: a retry with the same key and the same request
/// gets the first answer again (marked `Idempotent-Replayed: true`), the same key with a different request is refused
/// (422), and a retry while the first is still being handled is told so (409). Keys are the user's own, kept a day.
struct IdempotencyMiddleware: AsyncMiddleware {
    let route: AppRoute

    static let header: HTTPHeaders.Name = "Idempotency-Key"
    /// The answer's headers a replay repeats.
    static let kept: [HTTPHeaders.Name] = [.contentType, .eTag, .location]

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .POST, let key = request.headers.first(name: Self.header) else {
            return try await next.respond(to: request)
        }
        guard !key.isEmpty, key.utf8.count <= 255, key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw APIRefusal(
                APIProblem(
                    .badRequest,
                    detail: "Idempotency-Key must be 1 to 255 printable characters without spaces (a UUID is usual)."))
        }
        guard let userID = request.actor?.userID else { return try await next.respond(to: request) }
        let body = try await request.body.collect(max: route.bodyLimit).get()
        var digest = SHA256()
        digest.update(data: Data("\(request.method.rawValue) \(request.url.string)\n".utf8))
        if let body { digest.update(data: Data(body.readableBytesView)) }
        let hash = digest.finalize().hexadecimal
        switch try await IdempotencyKeys.claim(request.db, userID: userID, key: key, requestHash: hash) {
        case .reused:
            throw APIRefusal(
                APIProblem(
                    .keyReused,
                    detail:
                        "This Idempotency-Key was sent before with another request; use a new key for a new request."))
        case .inFlight:
            throw APIRefusal(
                APIProblem(
                    .keyInFlight,
                    detail: "The first request with this Idempotency-Key is still being handled; try again shortly."))
        case .replay(let answer):
            var headers = HTTPHeaders(answer.headers.map { ($0.key, $0.value) })
            headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
            return Response(
                status: HTTPStatus(statusCode: answer.status), headers: headers, body: .init(string: answer.body))
        case .claimed(let claim):
            let response: Response
            do {
                response = try await next.respond(to: request)
            } catch {
                try? await IdempotencyKeys.release(request.db, claim: claim)
                throw error
            }
            guard (200..<300).contains(response.status.code), let buffer = response.body.buffer else {
                try await IdempotencyKeys.release(request.db, claim: claim)
                return response
            }
            let headers = Dictionary(
                Self.kept.compactMap { name in response.headers.first(name: name).map { (name.description, $0) } },
                uniquingKeysWith: { first, _ in first })
            try await IdempotencyKeys.keep(
                request.db, claim: claim,
                answer: .init(
                    status: Int(response.status.code), headers: headers, body: String(buffer: buffer)))
            return response
        }
    }
}
