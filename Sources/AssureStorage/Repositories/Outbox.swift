import AssureCore
import Fluent
import Foundation

/// A message as the outbox page shows it.
public struct OutboxEntry: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Sendable { case pending, sent, failed }
    public var id: UUID
    public var createdAt: Date
    public var kind: String
    public var message: MailMessage
    public var status: Status
    public var attempts: Int
    public var lastError: String?
    public var nextAttemptAt: Date
    public var sentAt: Date?
}

/// Messages are written to the outbox in the transaction that causes them, then delivered (and retried) apart from it:
/// a mail server that is down delays a message but never loses it, and never fails the return that caused it.
public enum Outbox {
    /// Wait before each retry; after the last, the message is marked failed and waits for the PMO to retry it.
    public static let retryDelays: [TimeInterval] = [60, 5 * 60, 15 * 60, 60 * 60, 4 * 60 * 60]

    /// Queues a message unless one with the same key was queued before. Returns whether it was queued.
    @discardableResult
    static func enqueue(
        _ db: Database, kind: String, _ message: MailMessage, dedupeKey: String?, periodID: UUID?,
        projectID: UUID?, undeliverable: String? = nil
    ) async throws -> Bool {
        if let dedupeKey, try await OutboxRecord.query(on: db).filter(\.$dedupeKey == dedupeKey).first() != nil {
            return false
        }
        let record = OutboxRecord()
        record.createdAt = WallClock.now()
        record.kind = kind
        record.dedupeKey = dedupeKey
        record.toAddress = message.toAddress
        record.toName = message.toName
        record.subject = message.subject
        record.body = message.body
        record.status = (undeliverable == nil ? OutboxEntry.Status.pending : .failed).rawValue
        record.lastError = undeliverable
        record.attempts = 0
        record.nextAttemptAt = WallClock.now()
        record.periodID = periodID
        record.projectID = projectID
        try await record.create(on: db)
        return true
    }

    public static func list(_ db: Database, limit: Int = 500) async throws -> [OutboxEntry] {
        try await OutboxRecord.query(on: db).sort(\.$createdAt, .descending).limit(limit).all().map { try $0.entry }
    }

    public struct DeliveryResult: Equatable, Sendable {
        public var sent = 0
        public var deferred = 0
        public var failed = 0

        public init(sent: Int = 0, deferred: Int = 0, failed: Int = 0) {
            self.sent = sent
            self.deferred = deferred
            self.failed = failed
        }
    }

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

extension OutboxRecord {
    var entry: OutboxEntry {
        get throws {
            try OutboxEntry(
                id: requireID(), createdAt: createdAt, kind: kind,
                message: MailMessage(toAddress: toAddress, toName: toName, subject: subject, body: body),
                status: try OutboxEntry.Status(stored: status, "outbox.status"), attempts: attempts,
                lastError: lastError,
                nextAttemptAt: nextAttemptAt, sentAt: sentAt)
        }
    }
}
