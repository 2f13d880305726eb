import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

@testable import AssureWeb

/// A receiver on loopback, as a Power Automate flow or a warehouse's endpoint would be: a real HTTP server that keeps
/// what it is sent, and answers 500 to the first `failures` deliveries.
final class WebhookReceiver: Sendable {
    struct Delivery: Sendable {
        let event: String
        let signature: String
        let body: String
    }

    let app: Application
    let url: String
    private let received = NIOLockedValueBox<[Delivery]>([])
    private let failures: NIOLockedValueBox<Int>

    var deliveries: [Delivery] { received.withLockedValue { $0 } }

    init(failures: Int = 0) async throws {
        let failing = NIOLockedValueBox(failures)
        self.failures = failing
        app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        app.routes.post("hook") { [received] req -> HTTPStatus in
            let refuse = failing.withLockedValue { left -> Bool in
                defer { left = max(0, left - 1) }
                return left > 0
            }
            if refuse { return .internalServerError }
            let delivery = Delivery(
                event: req.headers.first(name: "Assure-Event") ?? "",
                signature: req.headers.first(name: "Assure-Signature") ?? "",
                body: req.body.string ?? "")
            received.withLockedValue { $0.append(delivery) }
            return .noContent
        }
        // An address that has moved: it sends deliveries on to /hook, which a webhook must not follow.
        app.routes.post("moved") { _ in
            Response(status: .temporaryRedirect, headers: ["Location": "/hook"])
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        url = "http://127.0.0.1:\(app.http.server.shared.localAddress?.port ?? 0)/hook"
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    /// Checks a delivery's signature as a receiver would, with Python's own HMAC (not Assure's code): the HMAC-SHA256
    /// of "time.body" under the secret, compared in constant time. Returns the time signed, or nil when it does not hold.
    static func verify(_ delivery: Delivery, secret: String) async throws -> Int? {
        let script = """
            import hmac, hashlib, sys
            secret, header, body = sys.argv[1], sys.argv[2], sys.argv[3]
            parts = dict(p.split("=", 1) for p in header.split(","))
            expected = hmac.new(secret.encode(), (parts["t"] + "." + body).encode(), hashlib.sha256).hexdigest()
            print(parts["t"] if hmac.compare_digest(expected, parts["v1"]) else "bad")
            """
        let run = try await Subprocess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, secret, delivery.signature, delivery.body])
        return Int(run.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

@Suite("Webhooks: signed deliveries of events, through the outbox")
struct WebhookTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(
        "The PMO registers a receiver; a submission, an approval, a publication and a decline to Red reach it signed",
        arguments: Backend.all)
    func deliveries(backend: Backend) async throws {
        let receiver = try await WebhookReceiver(failures: 1)
        let clock = MovableClock()
        do {
            // The receiver is on this machine, which a deployment must name to send there.
            try await withWebApp(
                backend,
                adjust: {
                    $0.clock = clock.now
                    $0.webhookReceivers = WebhookReceivers(allowed: ["127.0.0.1"])
                }
            ) { app in
                let ids = try await DemoIDs.load(app)
                // given the PMO adds a webhook for every event on the Webhooks page
                let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
                #expect(try await pmo.get(Link.webhooks.path).status == .ok)
                let made = try await pmo.post(
                    Link.webhooks.path,
                    pairs: [("url", receiver.url), ("description", "Teams flow")]
                        + WebhookEvent.allCases.map { ("events[]", $0.rawValue) })
                #expect(made.status == .created, "\(made.body.string)")
                let secret = String(
                    try #require(made.body.string.firstMatch(of: #/<code id="new-secret">([^<]+)</code>/#)).1)
                #expect(secret.hasPrefix("whsec_"))
                #expect(!(try await pmo.get(Link.webhooks.path).body.string.contains(secret)), "shown once only")

                // when Jane submits MAT001 as Red (Green in September), the PMO approves it and publishes October
                let jane = try await APICycleTests.Script(app, email: "jane.brennan@assure.demo")
                let script = try await APICycleTests.Script(app, email: DemoLoader.adminEmail)
                let mat001 = Link.apiReturn(period: ids.october.id, project: ids.mat001.id)
                let submitted = try await jane.send(
                    .PUT, mat001,
                    #"{"rating": "Red", "update": "Estates lost the site.", "mitigation": "Options paper to the board.", "submit": true}"#,
                    ifMatch: try await jane.etag(mat001))
                #expect(submitted.status == .ok, "\(submitted.body.string)")
                let approved = try await script.send(
                    .POST, .apiReviewReturn(period: ids.october.id, project: ids.mat001.id), #"{"action": "approve"}"#,
                    ifMatch: try await script.etag(mat001))
                #expect(approved.status == .ok, "\(approved.body.string)")
                let published = try await script.send(
                    .POST, .apiPublishPeriod(period: ids.october.id), #"{"missing": "carry-forward"}"#,
                    ifMatch: try await script.etag(.apiPeriod(period: ids.october.id)))
                #expect(published.status == .ok, "\(published.body.string)")

                // then the first delivery is refused by the receiver (500): the outbox says so and will retry
                let firstTick = clock.now().timeIntervalSince1970
                await OutboxWorker.tick(app)
                let outbox = try await pmo.get(Link.outbox.path).body.string
                #expect(outbox.contains("Teams flow"))
                #expect(outbox.contains("answered 500"), "the receiver's refusal is on the outbox page")
                // and when the retry is due, everything arrives
                clock.advance(by: 120)
                await OutboxWorker.tick(app)
                let deliveries = receiver.deliveries
                #expect(
                    Set(deliveries.map(\.event)) == Set(WebhookEvent.allCases.map(\.rawValue)),
                    "\(deliveries.map(\.event))")
                #expect(deliveries.count == Set(deliveries.map(\.body)).count, "each once")
                // each signed with the secret, at the time it was sent, checked by a receiver's own HMAC
                for delivery in deliveries {
                    let signedAt = try await WebhookReceiver.verify(delivery, secret: secret)
                    #expect(signedAt != nil, "\(delivery.event): \(delivery.signature)")
                    let time = Double(signedAt ?? 0)
                    #expect(time >= firstTick - 5 && time <= clock.now().timeIntervalSince1970 + 5)
                    #expect(try await WebhookReceiver.verify(delivery, secret: secret + "x") == nil)
                    #expect(try Self.json(delivery.body)["event"] as? String == delivery.event)
                }
                // and the decline to Red names MAT001, rated Green before
                let declines = try deliveries.filter { $0.event == "rating.declined-to-red" }.map {
                    try #require(try Self.json($0.body)["data"] as? [String: Any])
                }
                #expect(
                    declines.contains {
                        $0["reference"] as? String == "MAT001" && $0["previousRating"] as? String == "Green"
                    })
                #expect(declines.allSatisfy { $0["rating"] as? String == "Red" })
                let submittedEvent = try #require(deliveries.first { $0.event == "return.submitted" })
                // the retried delivery (the first queued, refused once) was signed afresh when it was sent again
                let retriedAt = Double(try await WebhookReceiver.verify(submittedEvent, secret: secret) ?? 0)
                #expect(retriedAt >= firstTick + 115, "a retry carries the time it was sent")
                let data = try #require(try Self.json(submittedEvent.body)["data"] as? [String: Any])
                #expect(data["reference"] as? String == "MAT001" && data["rating"] as? String == "Red")
                #expect(data["by"] as? String == "Jane Brennan")
                // and the outbox lists them delivered
                #expect(try await pmo.get(Link.outbox.path).body.string.contains("rating.declined-to-red"))
            }
        } catch {
            try await receiver.stop()
            throw error
        }
        try await receiver.stop()
    }

    @Test(
        "Webhooks are the PMO's: a bad address or no event is named, others are refused, removal stops deliveries",
        arguments: Backend.all)
    func management(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await pmo.get(Link.webhooks.path)
            // when the PMO gives an address that is not one, and no event
            let bad = try await pmo.post(
                Link.webhooks.path, pairs: [("url", "ftp://user:pw@example.org"), ("description", "Warehouse")])
            // then both are named and what she wrote is kept
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("starting https://"))
            #expect(bad.body.string.contains("Choose one or more of"))
            #expect(bad.body.string.contains("value=\"Warehouse\""))
            // and an editor may neither see nor add webhooks
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            #expect(try await jane.get(Link.webhooks.path).status == .forbidden)
            #expect(
                try await jane.post(
                    Link.webhooks.path,
                    pairs: [
                        ("url", "https://example.org/x"), ("description", "Mine"), ("events[]", "period.published"),
                    ]
                ).status == .forbidden)
            // when the PMO adds one and then removes it, a submission queues nothing for it
            _ = try await pmo.post(
                Link.webhooks.path,
                pairs: [("url", "https://example.org/hook"), ("description", "Flow"), ("events[]", "return.submitted")])
            let hook = try #require(try await Webhooks.list(app.db).first)
            #expect(try await pmo.post(Link.removeWebhook(id: hook.id).path, [:]).status == .seeOther)
            #expect(try await Webhooks.list(app.db).isEmpty)
            let form = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).form
            try await Returns.save(
                app.db,
                try #require(
                    try await Users.authenticate(
                        app.db, email: "jane.brennan@assure.demo", password: DemoLoader.adminPassword)),
                periodID: ids.october.id, projectID: ids.mat001.id,
                form: ReturnForm(
                    rating: "Amber", update: "Update.", mitigation: "", milestones: form.milestones,
                    baseVersion: form.baseVersion))
            #expect(try await Outbox.list(app.db).allSatisfy { $0.webhookID == nil })
            // and both changes are in the audit log, without the secret
            let audit = try await AuditLog.recent(app.db, limit: 20).filter { $0.entity == "webhook" }
            #expect(Set(audit.map(\.action)) == ["create", "remove"])
            #expect(audit.allSatisfy { !($0.after ?? "").contains("whsec_") && !($0.before ?? "").contains("whsec_") })
        }
    }

    @Test(
        "Webhooks go nowhere inside Assure's own network unless the deployment names the receiver; a redirect is not followed",
        arguments: Backend.all)
    func receivers(backend: Backend) async throws {
        let receiver = try await WebhookReceiver()
        do {
            try await withWebApp(backend) { app in
                let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
                _ = try await pmo.get(Link.webhooks.path)
                // when the PMO gives this machine's address, a private one, or one written to hide which
                for url in [
                    receiver.url, "http://localhost:9000/x", "http://[::1]/x", "http://10.20.30.40/x",
                    "http://169.254.169.254/latest", "http://2130706433/x", "http://0177.0.0.1/x",
                ] {
                    let refused = try await pmo.post(
                        Link.webhooks.path,
                        pairs: [("url", url), ("description", "Inside"), ("events[]", "period.published")])
                    // then each is refused, saying how a deployment allows it
                    #expect(refused.status == .unprocessableEntity, "\(url)")
                    #expect(
                        refused.body.string.contains("--webhook-to") || refused.body.string.contains("four numbers"),
                        "\(url)")
                }
                #expect(try await Webhooks.list(app.db).isEmpty)
            }
            // given a deployment that names its receivers
            let allowed = WebhookReceivers(allowed: ["127.0.0.1", "*.example.org"])
            try await withWebApp(backend, adjust: { $0.webhookReceivers = allowed }) { app in
                let ids = try await DemoIDs.load(app)
                let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
                _ = try await pmo.get(Link.webhooks.path)
                // then a receiver not named is refused, even a public one
                let elsewhere = try await pmo.post(
                    Link.webhooks.path,
                    pairs: [
                        ("url", "https://hooks.example.com/x"), ("description", "Elsewhere"),
                        ("events[]", "period.published"),
                    ])
                #expect(elsewhere.status == .unprocessableEntity)
                #expect(elsewhere.body.string.contains("only to 127.0.0.1, *.example.org"))
                // and one named is taken; when it answers with a redirect, the delivery fails saying so
                let moved = receiver.url.replacingOccurrences(of: "/hook", with: "/moved")
                let made = try await pmo.post(
                    Link.webhooks.path,
                    pairs: [("url", moved), ("description", "Moved flow"), ("events[]", "period.published")])
                #expect(made.status == .created, "\(made.body.string)")
                let script = try await APICycleTests.Script(app, email: DemoLoader.adminEmail)
                let published = try await script.send(
                    .POST, .apiPublishPeriod(period: ids.october.id), #"{"missing": "carry-forward"}"#,
                    ifMatch: try await script.etag(.apiPeriod(period: ids.october.id)))
                #expect(published.status == .ok, "\(published.body.string)")
                await OutboxWorker.tick(app)
                #expect(receiver.deliveries.isEmpty, "the redirect was not followed")
                let outbox = try await pmo.get(Link.outbox.path).body.string
                #expect(outbox.contains("a redirect, which webhooks do not follow"), "\(outbox.prefix(4000))")
            }
        } catch {
            try await receiver.stop()
            throw error
        }
        try await receiver.stop()
    }
}
