import AssureApp
import AssureCore
import AssureMail
import AssureStorage
import AssureTestSupport
import Foundation
import Testing

/// Chasers go through the outbox to a real SMTP server, which a test takes down and brings back.
@Suite(
    .enabled(
        if: TestMailServer.isAvailable || TestMailServer.isRequired, "aiosmtpd is not installed (pip install aiosmtpd)")
)
struct OutboxDeliveryTests {
    @Test(
        "With the mail server down, chasers wait and are retried; when it returns, each is delivered once",
        arguments: Backend.all)
    func retriedUntilDelivered(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given the October chasers queued, and a mail server that is not running yet
            try await DemoLoader.load(db, cost: testBcryptCost)
            let (_, october) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
            let queued = try await Chasers.chase(db, .commandLine("test"), periodID: october.id, links: .none).queued
            #expect(queued.count >= 3)
            let server = try TestMailServer()
            let client = SMTPClient(
                settings: SMTPSettings(
                    host: "127.0.0.1", port: server.port, fromAddress: "pmo@assure.demo",
                    timeoutSeconds: 10))
            let now = Date()

            // when delivery runs, then nothing is sent, nothing is lost, and each message says why it waits
            let down = try await Outbox.deliverDue(db, server: "test", lease: 70, now: now) {
                try await client.send($0)
            }
            #expect(down == Outbox.DeliveryResult(sent: 0, deferred: queued.count, failed: 0))
            for entry in try await Outbox.list(db) {
                #expect(
                    entry.status == .pending && entry.attempts == 1 && entry.lastError?.hasPrefix("Attempt 1:") == true)
            }

            // when the server is back but the retry is not yet due, then nothing is sent early
            try server.start()
            defer { server.stop() }
            #expect(
                try await Outbox.deliverDue(db, server: "test", lease: 70, now: now.addingTimeInterval(30)) {
                    try await client.send($0)
                }.sent == 0
            )

            // when the retry is due, then every chaser is delivered, once, to its person
            let up = try await Outbox.deliverDue(
                db, server: "test", lease: 70, now: now.addingTimeInterval(Outbox.retryDelays[0] + 1)
            ) {
                try await client.send($0)
            }
            #expect(up.sent == queued.count)
            #expect(try await Outbox.list(db).allSatisfy { $0.status == .sent && $0.lastError == nil })
            let recipients = server.messages().compactMap { ParsedMail($0).header("To") }
            #expect(recipients.count == queued.count)
            for address in queued { #expect(recipients.contains { $0.hasSuffix("<\(address)>") }, "\(address)") }
            #expect(
                try await Outbox.deliverDue(db, server: "test", lease: 70, now: now.addingTimeInterval(3600)) {
                    try await client.send($0)
                }.sent
                    == 0)
        }
    }

    @Test(
        "A message that keeps failing is marked failed after the last retry, and the PMO can send it again",
        arguments: Backend.all)
    func givesUpThenRetriedByHand(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let (_, october) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
            _ = try await Chasers.chase(db, .commandLine("test"), periodID: october.id, links: .none)
            struct Refused: Error {}
            var now = Date()
            // when every attempt fails
            for _ in 0...Outbox.retryDelays.count {
                _ = try await Outbox.deliverDue(db, server: "test", lease: 70, now: now) { _ in throw Refused() }
                now = now.addingTimeInterval(Outbox.retryDelays.max()! + 1)
            }
            // then each is failed, with the attempts counted and the last error kept
            let entries = try await Outbox.list(db)
            #expect(entries.allSatisfy { $0.status == .failed && $0.attempts == Outbox.retryDelays.count + 1 })
            // and a retry by hand puts one back in the queue
            try await Outbox.retry(db, .commandLine("test"), id: entries[0].id)
            let retried = try #require(try await Outbox.list(db).first { $0.id == entries[0].id })
            #expect(retried.status == .pending && retried.attempts == 0)
            await #expect(throws: DomainError.self) {
                try await Outbox.retry(db, Actor(userID: nil, name: "viewer", role: .viewer), id: entries[1].id)
            }
        }
    }
}
