import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Outbox {
    /// Sends every pending message that is due. Each is claimed first (its next attempt pushed back), so two workers
    /// never send the same message; a failure is recorded with its error and retried later.
    public static func deliverDue(
        _ db: Database, now: Date = WallClock.now(),
        send: @Sendable (MailMessage) async throws -> Void
    ) async throws -> DeliveryResult {
        var result = DeliveryResult()
        let due = try await OutboxRecord.query(on: db).filter(\.$status == OutboxEntry.Status.pending.rawValue)
            .filter(\.$nextAttemptAt <= now).sort(\.$createdAt).limit(100).all()
        for record in due {
            let attempts = record.attempts + 1
            let delay = attempts <= retryDelays.count ? retryDelays[attempts - 1] : nil
            try await OutboxRecord.query(on: db).filter(\.$id == record.requireID()).filter(
                \.$attempts == record.attempts
            )
            .set(\.$attempts, to: attempts).set(\.$nextAttemptAt, to: now.addingTimeInterval(delay ?? 0)).update()
            guard let claimed = try await OutboxRecord.find(record.requireID(), on: db), claimed.attempts == attempts
            else {
                continue
            }
            do {
                try await send(claimed.entry.message)
                claimed.status = OutboxEntry.Status.sent.rawValue
                claimed.sentAt = WallClock.now()
                claimed.lastError = nil
                result.sent += 1
            } catch {
                claimed.lastError = "Attempt \(attempts): \(error)"
                if delay == nil {
                    claimed.status = OutboxEntry.Status.failed.rawValue
                    result.failed += 1
                } else {
                    result.deferred += 1
                }
            }
            try await claimed.save(on: db)
        }
        return result
    }

    /// The PMO sends a failed (or waiting) message again now.
    public static func retry(_ db: Database, _ actor: Actor, id: UUID) async throws {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) manages the outbox") }
        guard let record = try await OutboxRecord.find(id, on: db) else { throw DomainError.notFound("message") }
        guard record.status != OutboxEntry.Status.sent.rawValue else {
            throw DomainError.invalid(["message": "This message was sent already."])
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
