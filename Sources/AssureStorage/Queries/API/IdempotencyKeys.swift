import AssureCore
import FluentKit
import Foundation
import SQLKit

/// The answers to API writes sent with an `Idempotency-Key` (M040). The first request with a key claims it by
/// inserting its row (a unique key per user decides between servers); the answer is kept when it succeeds and the key
/// is let go when it fails, so the client can try again.
public enum IdempotencyKeys {
    /// What a request with a key may do.
    public enum Claim: Sendable, Equatable {
        /// Handle it: the key is this request's, under this row.
        case claimed(UUID)
        /// Answer it as the first request with this key was answered.
        case replay(Answer)
        /// The first request with the key is still being handled.
        case inFlight
        /// The key was used for a different request.
        case reused
    }

    public struct Answer: Sendable, Equatable, Codable {
        public let status: Int
        public let headers: [String: String]
        public let body: String

        public init(status: Int, headers: [String: String], body: String) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    /// How long an answer is kept: a client retries within minutes, and a day covers one that was down overnight.
    public static let lifetime: TimeInterval = 24 * 3600
    /// A request unanswered this long was lost with its server: its key may be claimed again.
    public static let abandonedAfter: TimeInterval = 10 * 60

    public static func claim(
        _ db: Database, userID: UUID, key: String, requestHash: String, now: Date = WallClock.now()
    ) async throws -> Claim {
        let sql = try db.sql()
        // Only this user's key is looked at (by its unique index): an answer past its day, or a request its server
        // abandoned, lets the key be claimed afresh. Other expired keys are forgotten by the outbox worker.
        try await sql.delete(from: "api_idempotency_keys")
            .where("user_id", .equal, userID).where("idempotency_key", .equal, key)
            .where { group in
                group.where("created_at", .lessThan, now.addingTimeInterval(-lifetime))
                    .orWhere { abandoned in
                        abandoned.where("status", .is, SQLLiteral.null)
                            .where("created_at", .lessThan, now.addingTimeInterval(-abandonedAfter))
                    }
            }
            .run()
        let mine = UUID.random()
        try await sql.insert(into: "api_idempotency_keys")
            .columns("id", "user_id", "idempotency_key", "request_hash", "created_at")
            .values(mine, userID, key, requestHash, now)
            .ignoringConflicts(with: ["user_id", "idempotency_key"])
            .run()
        let found = try await sql.rows(
            """
            SELECT id, request_hash, status, headers_json, body FROM api_idempotency_keys
            WHERE user_id = \(bind: userID) AND idempotency_key = \(bind: key)
            """
        ) {
            (
                id: try $0.uuid(0), hash: try $0.text(1), status: try $0.optionalInt(2),
                headers: try $0.optionalText(3), body: try $0.optionalText(4)
            )
        }
        // Gone between the insert and the read: swept as abandoned by another request. Treat as still in flight.
        guard let row = found.first else { return .inFlight }
        if row.id == mine { return .claimed(mine) }
        guard row.hash == requestHash else { return .reused }
        guard let status = row.status else { return .inFlight }
        let headers = try row.headers.map { try JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }
        return .replay(Answer(status: status, headers: headers ?? [:], body: row.body ?? ""))
    }

    /// Forgets answers past their day, off the request path (the outbox worker's tick).
    public static func forgetExpired(_ db: Database, now: Date) async throws {
        try await db.sql().delete(from: "api_idempotency_keys")
            .where("created_at", .lessThan, now.addingTimeInterval(-lifetime)).run()
    }

    /// Keeps the answer under the claimed key.
    public static func keep(_ db: Database, claim id: UUID, answer: Answer) async throws {
        let headers = String(decoding: try JSONEncoder().encode(answer.headers), as: UTF8.self)
        try await db.sql().update("api_idempotency_keys")
            .set("status", to: answer.status).set("headers_json", to: headers).set("body", to: answer.body)
            .where("id", .equal, id).run()
    }

    /// Lets the key go (the request failed and changed nothing): the client may send it again.
    public static func release(_ db: Database, claim id: UUID) async throws {
        try await db.sql().delete(from: "api_idempotency_keys").where("id", .equal, id).run()
    }
}
