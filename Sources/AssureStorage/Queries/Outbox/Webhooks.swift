import AssureCore
import FluentKit
import Foundation

/// The PMO's webhooks (M041), and the deliveries events queue for them: one outbox message per webhook that asked
/// for the event, written in the transaction that caused it, so a delivery is queued exactly when the change is made.
public enum Webhooks {
    /// The webhooks not removed, oldest first.
    public static func list(_ db: Database) async throws -> [WebhookSummary] {
        try await WebhookRecord.query(on: db).filter(\.$removedAt == nil).sort(\.$createdAt).all().map {
            try $0.summary
        }
    }

    /// The secret that signs a webhook's deliveries; nil once it is removed (its queued deliveries then fail).
    package static func secret(_ db: Database, id: UUID) async throws -> String? {
        guard let record = try await WebhookRecord.find(id, on: db), record.removedAt == nil else { return nil }
        return record.secret
    }

    package static func insert(
        _ db: Database, url: String, events: [WebhookEvent], description: String, secret: String, createdBy: String
    ) async throws -> WebhookSummary {
        let record = WebhookRecord()
        record.url = url
        record.events = events.map(\.rawValue).joined(separator: ",")
        record.description = description
        record.secret = secret
        record.createdBy = createdBy
        record.createdAt = WallClock.now()
        try await record.create(on: db)
        return try record.summary
    }

    /// Marks a webhook removed; returns it as it was, or nil if there is none.
    package static func markRemoved(_ db: Database, id: UUID) async throws -> WebhookSummary? {
        guard let record = try await WebhookRecord.find(id, on: db), record.removedAt == nil else { return nil }
        record.removedAt = WallClock.now()
        try await record.save(on: db)
        return try record.summary
    }

    /// What is sent: the event, when it happened, a delivery id the receiver can use to drop a repeat, and the data.
    struct Envelope<Data: Encodable>: Encodable {
        let id: UUID
        let event: String
        let occurredAt: String
        let data: Data
    }

    /// Queues a delivery of the event to every webhook that asked for it. `key` names the occasion (a return's
    /// submission at a version, a period's publication at a time): the same occasion is never queued twice.
    package static func emit(
        _ db: Database, _ event: WebhookEvent, key: String, data: some Encodable & Sendable
    ) async throws {
        try await subscribers(db).emit(db, event, key: key, data: data)
    }

    /// The webhooks as they stand, read once for a change that queues several events (a publication).
    package static func subscribers(_ db: Database) async throws -> Subscribers {
        Subscribers(hooks: try await list(db))
    }

    package struct Subscribers: Sendable {
        let hooks: [WebhookSummary]

        /// The events any webhook asked for: work that only feeds webhooks (reading the last period's ratings at
        /// publication) is skipped when none asked.
        package var events: Set<WebhookEvent> { Set(hooks.flatMap(\.events)) }

        package func emit(
            _ db: Database, _ event: WebhookEvent, key: String, data: some Encodable & Sendable
        ) async throws {
            let asked = hooks.filter { $0.events.contains(event) }
            guard !asked.isEmpty else { return }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let now = WallClock.now()
            for hook in asked {
                let body = try encoder.encode(
                    Envelope(
                        id: UUID.random(), event: event.rawValue, occurredAt: ISO8601DateFormatter().string(from: now),
                        data: data))
                try await Outbox.enqueue(
                    db, kind: "webhook",
                    MailMessage(
                        toAddress: hook.url, toName: hook.description, subject: event.rawValue,
                        body: String(decoding: body, as: UTF8.self)),
                    dedupeKey: "webhook|\(hook.id)|\(event.rawValue)|\(key)", periodID: nil, projectID: nil,
                    webhookID: hook.id)
            }
        }
    }
}
