import AssureCore
import FluentKit
import Foundation

/// A message waiting for, or done with, delivery. Never deleted: the outbox page is the record of what was sent.
package final class OutboxRecord: Model, @unchecked Sendable {
    package static let schema = "outbox_messages"
    @ID package var id: UUID?
    @Field(key: "created_at") package var createdAt: Date
    /// "chaser" or "alert".
    @Field(key: "kind") package var kind: String
    /// Stops the same chaser or alert being queued twice.
    @OptionalField(key: "dedupe_key") package var dedupeKey: String?
    @Field(key: "to_address") package var toAddress: String
    @Field(key: "to_name") package var toName: String
    @Field(key: "subject") package var subject: String
    @Field(key: "body") package var body: String
    /// "pending", "sending" (claimed by one server, until `next_attempt_at`), "sent" or "failed" (given up after the
    /// last retry, or interrupted mid-delivery; the PMO can retry by hand).
    @Field(key: "status") package var status: String
    @Field(key: "attempts") package var attempts: Int
    @OptionalField(key: "last_error") package var lastError: String?
    @Field(key: "next_attempt_at") package var nextAttemptAt: Date
    /// The server delivering it while it is "sending" (M038), as its `--server-name`; nil otherwise.
    @OptionalField(key: "sending_server") package var sendingServer: String?
    @OptionalField(key: "sent_at") package var sentAt: Date?
    @OptionalField(key: "period_id") package var periodID: UUID?
    @OptionalField(key: "project_id") package var projectID: UUID?
    /// The webhook a delivery is for (M041): `to_address` is its URL, `subject` the event, `body` the JSON sent.
    @OptionalField(key: "webhook_id") package var webhookID: UUID?
    package init() {}
}

/// An address the PMO registered for events (M041). Removing one stamps `removed_at`: deliveries already queued keep
/// the record they name.
package final class WebhookRecord: Model, @unchecked Sendable {
    package static let schema = "webhooks"
    @ID package var id: UUID?
    @Field(key: "url") package var url: String
    /// The events, comma-separated.
    @Field(key: "events") package var events: String
    @Field(key: "description") package var description: String
    @Field(key: "secret") package var secret: String
    @Field(key: "created_by") package var createdBy: String
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "removed_at") package var removedAt: Date?
    package init() {}

    package var summary: WebhookSummary {
        get throws {
            WebhookSummary(
                id: try requireID(), url: url,
                events: events.split(separator: ",").compactMap { WebhookEvent(rawValue: String($0)) },
                description: description, createdBy: createdBy, createdAt: createdAt)
        }
    }
}
