import Foundation
import NIOCore
import Vapor
import VaporTesting

/// What a test reads of an answer, whichever way the request went.
protocol HTTPAnswer {
    var status: HTTPStatus { get }
    var headers: HTTPHeaders { get }
    var body: ByteBuffer { get }
}

extension TestingHTTPResponse: HTTPAnswer {}

/// An answer from the app, in memory or over a socket.
struct WebResponse: HTTPAnswer, Sendable {
    var status: HTTPStatus
    var headers: HTTPHeaders
    var body: ByteBuffer
}

/// How a test's requests reach the app: handed to it in memory, or through a real HTTP server on loopback (where body
/// limits and the server's own timeouts apply).
///
/// Not Vapor's `.running` tester: it gives every request 30 s, fixed, and a 26 MB upload under the whole suite on two
/// busy cores once took longer. This one gives a request five minutes: long enough that only a server that never
/// answers fails, short enough to fail well within CI's limit.
enum WebTransport {
    case inMemory, live

    static let liveTimeLimit: TimeAmount = .minutes(5)

    func send(
        _ app: Application, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer? = nil
    ) async throws -> WebResponse {
        switch self {
        case .inMemory:
            let answer = try await app.testing(method: .inMemory).sendRequest(
                method, path, headers: headers, body: body)
            return WebResponse(status: answer.status, headers: answer.headers, body: answer.body)
        case .live:
            return try await Self.overSocket(app, method, path, headers: headers, body: body)
        }
    }

    /// Starts the app's server on a free port, sends the request, and stops the server again, whatever happens.
    private static func overSocket(
        _ app: Application, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?
    ) async throws -> WebResponse {
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        do {
            guard let port = app.http.server.shared.localAddress?.port else {
                throw Abort(.internalServerError, reason: "the test server has no port")
            }
            let url = "http://127.0.0.1:\(port)\(path.hasPrefix("/") ? "" : "/")\(path)"
            let request = try HTTPClient.Request(
                url: url, method: method, headers: headers, body: body.map { .byteBuffer($0) })
            let response = try await client.execute(request: request, deadline: .now() + liveTimeLimit).get()
            let collected = response.body ?? ByteBuffer()
            try await client.shutdown()
            await app.server.shutdown()
            return WebResponse(status: response.status, headers: response.headers, body: collected)
        } catch {
            try? await client.shutdown()
            await app.server.shutdown()
            throw error
        }
    }
}
