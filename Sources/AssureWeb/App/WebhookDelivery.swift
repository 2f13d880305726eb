import AssureApp
import AssureCore
import AssureStorage
import AsyncHTTPClient
import Fluent
import NIOCore
import NIOHTTP1
import Vapor

/// Posts a webhook's delivery to its address, signed with its secret at the moment of sending (so a retry carries a
/// fresh time). Any 2xx is delivered; anything else, or no answer within 10 seconds, is an attempt the outbox retries.
enum WebhookDelivery {
    struct Refused: Error, CustomStringConvertible { let description: String }

    static let timeout: TimeAmount = .seconds(10)
    /// How long a delivery may be in one server's hands: the timeout, and a margin to record the outcome.
    static let lease: TimeInterval = 30

    static func send(
        _ entry: OutboxEntry, db: Database, client: HTTPClient, receivers: WebhookReceivers, now: Date
    ) async throws {
        guard let webhookID = entry.webhookID, let secret = try await Webhooks.secret(db, id: webhookID) else {
            throw Refused(description: "the webhook was removed, so this delivery has no secret to sign it")
        }
        // Checked again as it goes: the deployment may have narrowed its receivers since the webhook was added.
        if let problem = Webhooks.problem(with: entry.message.toAddress, receivers: receivers) {
            throw Refused(description: problem)
        }
        var request = HTTPClientRequest(url: entry.message.toAddress)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Assure-Webhooks/1")
        request.headers.add(name: "Assure-Event", value: entry.message.subject)
        request.headers.add(name: "Assure-Delivery", value: entry.id.uuidString)
        request.headers.add(
            name: WebhookSignature.header,
            value: WebhookSignature.value(body: entry.message.body, secret: secret, at: now))
        request.body = .bytes(ByteBuffer(string: entry.message.body))
        let response = try await client.execute(request, timeout: timeout)
        // Only the first kilobyte of an answer is read: it says why a delivery was refused, and no more is needed.
        var said = try await response.body.collect(upTo: 1 << 20)
        let reason = said.readString(length: min(said.readableBytes, 1024)) ?? ""
        if (300..<400).contains(Int(response.status.code)) {
            // Never followed: a redirect could lead a delivery anywhere, past the receivers allowed.
            throw Refused(
                description: "\(entry.message.toAddress) answered \(response.status.code), a redirect, which webhooks "
                    + "do not follow: register the address it names instead")
        }
        guard (200..<300).contains(Int(response.status.code)) else {
            throw Refused(
                description: "\(entry.message.toAddress) answered \(response.status.code)"
                    + (reason.isEmpty ? "" : ": \(reason.prefix(200))"))
        }
    }
}

/// The HTTP client webhooks go through: its own, because it follows no redirect (a receiver's 3xx could otherwise lead
/// a delivery past the receivers allowed), shut down with the app.
final class WebhookClient: LifecycleHandler, Sendable {
    let client: HTTPClient

    init(_ app: Application) {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.timeout.connect = WebhookDelivery.timeout
        client = HTTPClient(eventLoopGroupProvider: .shared(app.eventLoopGroup), configuration: configuration)
    }

    func shutdownAsync(_ app: Application) async {
        try? await client.shutdown()
    }
}

extension Application {
    private struct WebhookClientKey: StorageKey { typealias Value = WebhookClient }

    /// Made when the app is configured, with the app's event loops.
    var webhookClient: WebhookClient {
        get { storage[WebhookClientKey.self]! }
        set { storage[WebhookClientKey.self] = newValue }
    }
}
