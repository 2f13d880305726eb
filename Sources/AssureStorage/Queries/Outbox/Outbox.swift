import AssureCore
import FluentKit
import Foundation

/// A message as the outbox page shows it.
public struct OutboxEntry: Codable, Hashable, Sendable {
    /// "sending" while one server has it in hand (see `Outbox.sendingLease`).
    public enum Status: String, Codable, Sendable { case pending, sending, sent, failed }
    public var id: UUID
    public var createdAt: Date
    public var kind: String
    public var message: MailMessage
    public var status: Status
    public var attempts: Int
    public var lastError: String?
    public var nextAttemptAt: Date
    public var sentAt: Date?
    /// The server delivering it, while it is "sending".
    public var sendingServer: String? = nil
    /// For a webhook's delivery: the webhook (`message.toAddress` is its URL, `subject` the event).
    public var webhookID: UUID? = nil
}

/// Messages are written to the outbox in the transaction that causes them, then delivered (and retried) apart from it:
/// a mail server that is down delays a message but never loses it, and never fails the return that caused it.
public enum Outbox {
    /// Wait before each retry; after the last, the message is marked failed and waits for the PMO to retry it.
    public static let retryDelays: [TimeInterval] = [60, 5 * 60, 15 * 60, 60 * 60, 4 * 60 * 60]

    /// Queues a message unless one with the same key was queued before. Returns whether it was queued.
    @discardableResult
    package static func enqueue(
        _ db: Database, kind: String, _ message: MailMessage, dedupeKey: String?, periodID: UUID?,
        projectID: UUID?, undeliverable: String? = nil, webhookID: UUID? = nil
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
        record.webhookID = webhookID
        try await record.create(on: db)
        return true
    }

    /// How many messages are in each state: the backlog an operator watches.
    public static func counts(_ db: Database) async throws -> [OutboxEntry.Status: Int] {
        struct Row: Decodable { let status: String; let count: Int }
        let rows = try await db.sql().raw("SELECT status, COUNT(*) AS count FROM outbox_messages GROUP BY status")
            .all(decoding: Row.self)
        var counts: [OutboxEntry.Status: Int] = [:]
        for row in rows { if let status = OutboxEntry.Status(rawValue: row.status) { counts[status] = row.count } }
        return counts
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

}

package extension OutboxRecord {
    var entry: OutboxEntry {
        get throws {
            try OutboxEntry(
                id: requireID(), createdAt: createdAt, kind: kind,
                message: MailMessage(toAddress: toAddress, toName: toName, subject: subject, body: body),
                status: try OutboxEntry.Status(stored: status, "outbox.status"), attempts: attempts,
                lastError: lastError,
                nextAttemptAt: nextAttemptAt, sentAt: sentAt, sendingServer: sendingServer, webhookID: webhookID)
        }
    }
}
