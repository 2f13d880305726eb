import AssureApp
import AssureCore
import AssureMail
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Runs beside the server: queues the scheduled chasers that are due and delivers the outbox, every few seconds; forgets
/// expired import drafts, and reports failed the imports of a server that stopped answering.
/// A mail server that is down only delays messages; each attempt and its error are on the outbox page.
final class OutboxWorker: LifecycleHandler, @unchecked Sendable {
    private let interval: Int
    private var task: Task<Void, Never>?

    init(interval: Int) {
        self.interval = interval
    }

    func didBootAsync(_ app: Application) async throws {
        let interval = interval
        task = Task { [app] in
            while !Task.isCancelled {
                await Self.tick(app)
                try? await Task.sleep(for: .seconds(interval))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        _ = await task?.value
    }

    /// Each duty on its own, so that one failing (say, the mail server refusing) never stops the others.
    static func tick(_ app: Application) async {
        let now = app.settings.clock()
        await duty("forgetting expired import drafts", app) { try await ImportDrafts.forgetExpired(app.db, now: now) }
        await duty("forgetting expired idempotency keys", app) {
            try await IdempotencyKeys.forgetExpired(app.db, now: now)
        }
        await duty("checking for imports whose server stopped", app) {
            if ImportJobs.writesProgress(app.db), try await ImportJobs.failSilent(app.db, now: now) > 0 {
                app.logger.warning("Imports whose server stopped answering are marked failed.")
            }
        }
        await duty("queueing scheduled chasers", app) {
            let chased = try await Chasers.chaseScheduled(app.db, links: app.settings.noticeLinks)
            if !chased.queued.isEmpty {
                app.logger.notice("Queued scheduled chasers to \(chased.queued.count) people.")
            }
        }
        await duty("failing deliveries whose server stopped", app) {
            let failed = try await Outbox.failInterrupted(app.db, now: now)
            if failed > 0 { app.logger.warning("\(failed) deliveries were interrupted by a server stopping.") }
        }
        await duty("delivering webhooks", app) {
            let (client, receivers) = (app.webhookClient.client, app.settings.webhookReceivers)
            let result = try await Outbox.deliverDue(
                app.db, .webhooks, server: app.settings.serverName, lease: WebhookDelivery.lease, now: now
            ) {
                try await WebhookDelivery.send(
                    $0, db: app.db, client: client, receivers: receivers, now: app.settings.clock())
            }
            if result.sent + result.deferred + result.failed > 0 {
                app.logger.notice(
                    "Webhooks: \(result.sent) delivered, \(result.deferred) to retry, \(result.failed) failed.")
            }
        }
        guard let mail = app.settings.mail else { return }
        await duty("delivering the outbox", app) {
            let client = SMTPClient(settings: mail, group: app.eventLoopGroup)
            let result = try await Outbox.deliverDue(
                app.db, .mail, server: app.settings.serverName,
                lease: Outbox.sendingLease(smtpTimeout: mail.timeoutSeconds)
            ) { try await client.send($0.message) }
            if result.sent + result.deferred + result.failed > 0 {
                app.logger.notice("Outbox: \(result.sent) sent, \(result.deferred) to retry, \(result.failed) failed.")
            }
        }
    }

    private static func duty(_ name: String, _ app: Application, _ work: () async throws -> Void) async {
        do {
            try await work()
        } catch {
            app.logger.error("Outbox worker, \(name): \(error)")
        }
    }
}
