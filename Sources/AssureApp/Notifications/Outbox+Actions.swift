import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Outbox {
    /// How long a message may be in the hands of the server sending it. The SMTP client gives up on a conversation
    /// after `timeout` seconds (connecting has a limit of its own, as long again), so a message still "sending" after
    /// twice that and a margin for recording the outcome was left by a server that stopped mid-delivery.
    public static func sendingLease(smtpTimeout timeout: Int64) -> TimeInterval { TimeInterval(2 * timeout + 10) }

    /// Sends every pending message that is due. Each is claimed first, by one conditional update that only one server
    /// can win (it becomes "sending", in `server`'s hands for `lease` seconds), so two servers never send the same
    /// message; a failure is recorded with its error and retried later. A message left "sending" by a server that
    /// stopped is not sent again, since it may have gone: it is marked failed saying so, for the PMO to check and retry.
    public static func deliverDue(
        _ db: Database, server: String, lease: TimeInterval, now: Date = WallClock.now(),
        send: @Sendable (MailMessage) async throws -> Void
    ) async throws -> DeliveryResult {
        let interrupted = try await failInterrupted(db, now: now)
        var result = try await deliverDue(db, .mail, server: server, lease: lease, now: now) {
            try await send($0.message)
        }
        result.failed += interrupted
        return result
    }

    /// How a message goes: by email, or to a webhook's URL. Each has its own sender (a mail server may be down or not
    /// configured while webhooks are delivered, and the other way round).
    public enum Channel: Sendable { case mail, webhooks }

    /// Delivers the due messages of one channel, as above, leaving messages whose server stopped to
    /// `failInterrupted` (which covers both channels, so a worker runs it once a tick).
    public static func deliverDue(
        _ db: Database, _ channel: Channel, server: String, lease: TimeInterval, now: Date = WallClock.now(),
        send: @Sendable (OutboxEntry) async throws -> Void
    ) async throws -> DeliveryResult {
        var result = DeliveryResult()
        let pending = OutboxRecord.query(on: db).filter(\.$status == OutboxEntry.Status.pending.rawValue)
            .filter(\.$nextAttemptAt <= now)
        let due =
            try await (channel == .mail ? pending.filter(\.$webhookID == nil) : pending.filter(\.$webhookID != nil))
            .sort(\.$createdAt).limit(100).all()
        for record in due {
            guard let claimed = try await claim(db, record, server: server, until: now.addingTimeInterval(lease)) else {
                continue
            }
            let attempts = claimed.attempts
            let delay = attempts <= retryDelays.count ? retryDelays[attempts - 1] : nil
            do {
                try await send(claimed.entry)
                claimed.status = OutboxEntry.Status.sent.rawValue
                claimed.sentAt = WallClock.now()
                claimed.lastError = nil
                result.sent += 1
            } catch {
                claimed.lastError = "Attempt \(attempts): \(error)"
                if let delay {
                    claimed.status = OutboxEntry.Status.pending.rawValue
                    claimed.nextAttemptAt = now.addingTimeInterval(delay)
                    result.deferred += 1
                } else {
                    claimed.status = OutboxEntry.Status.failed.rawValue
                    result.failed += 1
                }
            }
            claimed.sendingServer = nil
            try await claimed.save(on: db)
        }
        return result
    }

    /// Makes the message this server's to send, if no other server has: its attempt is counted and it is "sending"
    /// until the lease ends. Nil when another server won it.
    private static func claim(
        _ db: Database, _ record: OutboxRecord, server: String, until leaseEnd: Date
    ) async throws -> OutboxRecord? {
        let id = try record.requireID()
        struct Claimed: Decodable { let id: UUID }
        let won = try await db.sql().raw(
            """
            UPDATE outbox_messages SET status = \(bind: OutboxEntry.Status.sending.rawValue),
            attempts = \(bind: record.attempts + 1), next_attempt_at = \(bind: leaseEnd),
            sending_server = \(bind: server)
            WHERE id = \(bind: id) AND status = \(bind: OutboxEntry.Status.pending.rawValue)
            AND attempts = \(bind: record.attempts) RETURNING id
            """
        ).all(decoding: Claimed.self)
        guard !won.isEmpty else { return nil }
        return try await OutboxRecord.find(id, on: db)
    }

    /// Messages whose sending server stopped mid-delivery: failed, saying they may have gone, in one update (so two
    /// servers noticing at once do not both count them). Returns how many.
    public static func failInterrupted(_ db: Database, now: Date) async throws -> Int {
        struct Failed: Decodable { let id: UUID }
        let sending = OutboxEntry.Status.sending.rawValue
        return try await db.sql().raw(
            """
            UPDATE outbox_messages SET status = \(bind: OutboxEntry.Status.failed.rawValue),
            last_error = 'Attempt ' || CAST(attempts AS TEXT) || ' was interrupted: '
              || COALESCE(sending_server, 'the server') || ', which was sending it, stopped, so it may or may not have '
              || 'reached ' || to_address || '. It is not sent again by itself: check with them, then retry if need be.',
            sending_server = NULL
            WHERE status = \(bind: sending) AND next_attempt_at < \(bind: now) RETURNING id
            """
        ).all(decoding: Failed.self).count
    }

    /// The PMO sends a failed (or waiting) message again now.
    public static func retry(_ db: Database, _ actor: Actor, id: UUID) async throws {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) manages the outbox") }
        guard let record = try await OutboxRecord.find(id, on: db) else { throw DomainError.notFound("message") }
        guard record.status != OutboxEntry.Status.sent.rawValue else {
            throw DomainError.invalid(["message": "This message was sent already."])
        }
        guard record.status != OutboxEntry.Status.sending.rawValue else {
            throw DomainError.invalid(["message": "This message is being sent now."])
        }
        guard !record.toAddress.isEmpty else {
            throw DomainError.invalid([
                "message": "This message has no address: record the person's email, then chase again."
            ])
        }
        let before = try record.entry
        record.status = OutboxEntry.Status.pending.rawValue
        record.nextAttemptAt = WallClock.now()
        record.attempts = 0
        try await record.save(on: db)
        try await AuditLog.record(
            db, actor, "retry", entity: "outbox", id: id, before: before.status.rawValue, after: "pending")
    }
}
