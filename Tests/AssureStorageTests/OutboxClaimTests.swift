import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing

/// Several servers run the outbox worker against one database: each message must go once, and a message whose
/// server stopped while sending it must not go again unasked.
@Suite("The outbox shared by several servers")
struct OutboxClaimTests {
    /// A server's hold on a message it is sending, for a 30-second mail server time limit.
    static let lease = Outbox.sendingLease(smtpTimeout: 30)

    /// The October chasers queued; returns their addresses.
    static func queueChasers(_ db: Database) async throws -> [String] {
        try await DemoLoader.load(db, cost: testBcryptCost)
        let (_, october) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
        return try await Chasers.chase(db, .commandLine("test"), periodID: october.id, links: .none).queued
    }

    @Test("Four workers delivering at once send each message once", arguments: Backend.all)
    func oneSendEach(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let queued = try await Self.queueChasers(db)
            #expect(queued.count >= 3)
            let sent = NIOLockedValueBox<[String]>([])
            // when four workers (as on four servers) deliver at the same moment, each taking a while per message
            let now = Date()
            let results = try await withThrowingTaskGroup(of: Outbox.DeliveryResult.self) { group in
                for worker in 1...4 {
                    group.addTask {
                        try await Outbox.deliverDue(db, server: "app-\(worker)", lease: Self.lease, now: now) {
                            message in
                            try await Task.sleep(for: .milliseconds(20))
                            sent.withLockedValue { $0.append(message.toAddress) }
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then every message went exactly once, and the workers' counts add up to the messages
            #expect(sent.withLockedValue { $0 }.sorted() == queued.sorted())
            #expect(results.map(\.sent).reduce(0, +) == queued.count)
            #expect(try await Outbox.list(db).allSatisfy { $0.status == .sent && $0.attempts == 1 })
        }
    }

    @Test(
        "A message whose server stopped mid-delivery is failed saying it may have gone, not sent again; the PMO retries it",
        arguments: Backend.all)
    func interruptedDelivery(backend: Backend) async throws {
        try await withStorage(backend) { db in
            _ = try await Self.queueChasers(db)
            let now = Date()
            let victim = try #require(try await Outbox.list(db).first)
            // given a server that claimed one message, as delivery does, and was killed before it finished
            try await db.sql().raw(
                """
                UPDATE outbox_messages SET status = 'sending', attempts = 1, sending_server = 'app-2',
                next_attempt_at = \(bind: now.addingTimeInterval(Self.lease)) WHERE id = \(bind: victim.id)
                """
            ).run()
            let sent = NIOLockedValueBox<[UUID]>([])
            let send: @Sendable (MailMessage) async throws -> Void = { message in
                sent.withLockedValue { $0.append(UUID()) }
                #expect(message.subject != victim.message.subject || message.toAddress != victim.message.toAddress)
            }
            // when another server delivers while the claim still holds, then it leaves that message alone
            let during = try await Outbox.deliverDue(db, server: "app-1", lease: Self.lease, now: now, send: send)
            #expect(during.failed == 0)
            let inHand = try #require(try await Outbox.list(db).first { $0.id == victim.id })
            #expect(inHand.status == .sending && inHand.sendingServer == "app-2")
            // and the PMO may not retry it while it is in a server's hands
            await #expect(throws: DomainError.self) {
                try await Outbox.retry(db, .commandLine("pmo"), id: victim.id)
            }
            // when the claim has lapsed, then it is failed, saying it may have reached them, and not sent
            let after = try await Outbox.deliverDue(
                db, server: "app-1", lease: Self.lease, now: now.addingTimeInterval(Self.lease + 1), send: send)
            #expect(after.failed == 1 && after.sent == 0)
            let failed = try #require(try await Outbox.list(db).first { $0.id == victim.id })
            #expect(failed.status == .failed)
            #expect(failed.lastError?.contains("may or may not have reached \(victim.message.toAddress).") == true)
            #expect(
                failed.lastError?.hasPrefix("Attempt 1 was interrupted: app-2, which was sending it, stopped") == true)
            #expect(failed.sendingServer == nil)
            // when the PMO, having checked, retries it, then it goes once
            try await Outbox.retry(db, .commandLine("pmo"), id: victim.id)
            let retried = try await Outbox.deliverDue(
                db, server: "app-1", lease: Self.lease, now: Date().addingTimeInterval(Self.lease + 2)
            ) { _ in sent.withLockedValue { $0.append(victim.id) } }
            #expect(retried.sent == 1)
            #expect(sent.withLockedValue { $0.filter { $0 == victim.id }.count } == 1)
        }
    }

    @Test(
        "Four servers checking the chaser schedule at once queue each chaser once, and none fails",
        arguments: Backend.all)
    func scheduledOnce(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given October's returns due on 7 November, chased 5 days before
            try await DemoLoader.load(db, cost: testBcryptCost)
            let (portfolio, october) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
            let pmo = Actor.commandLine("pmo")
            try await PeriodLifecycle.setReturnsDue(
                db, pmo, periodID: october.id, due: CalendarDate(year: 2016, month: 11, day: 7))
            try await Structure.setChaseSchedule(db, pmo, portfolioID: portfolio.info.id, daysBefore: 5)
            // when four servers' workers check the schedule on 2 November at the same moment
            let results = try await withThrowingTaskGroup(of: Chasers.Result.self) { group in
                for worker in 1...4 {
                    group.addTask {
                        try await Chasers.chaseScheduled(
                            db, links: .none, today: CalendarDate(year: 2016, month: 11, day: 2)!)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then each person's chaser is queued once, by one of them
            let queued = results.flatMap(\.queued)
            #expect(!queued.isEmpty)
            #expect(Set(queued).count == queued.count)
            let automatic = try await Outbox.list(db).filter { $0.message.subject.hasPrefix("Return needed by") }
            #expect(automatic.count == queued.count)
        }
    }
}
