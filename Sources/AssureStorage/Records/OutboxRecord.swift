import Fluent
import Foundation

/// A message waiting for, or done with, delivery. Never deleted: the outbox page is the record of what was sent.
final class OutboxRecord: Model, @unchecked Sendable {
    static let schema = "outbox_messages"
    @ID var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    /// "chaser" or "alert".
    @Field(key: "kind") var kind: String
    /// Stops the same chaser or alert being queued twice.
    @OptionalField(key: "dedupe_key") var dedupeKey: String?
    @Field(key: "to_address") var toAddress: String
    @Field(key: "to_name") var toName: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    /// "pending", "sent" or "failed" (given up after the last retry; the PMO can retry by hand).
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "period_id") var periodID: UUID?
    @OptionalField(key: "project_id") var projectID: UUID?
    init() {}
}
