import AssureCore
import AssureStorage
import Crypto
import Fluent
import Foundation

/// Tokens for scripts. The secret is shown once, when made; only its SHA-256 is stored (a random 256-bit secret
/// needs no slow hash: there is nothing to guess).
public enum APITokens {
    public static let prefix = "assure_"

    /// A new token for a user (the actor themself, or anyone when an admin makes it); returns the secret, which cannot be read again.
    public static func create(
        _ db: Database, _ actor: Actor, for userID: UUID, name: String,
        scope: TokenScope
    ) async throws -> (token: APITokenSummary, secret: String) {
        guard userID == actor.userID || actor.canManageUsers else {
            throw DomainError.forbidden("a token is made by its own user")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { throw DomainError.invalid(["name": "Name the token after the script that will use it."]) }
        if name.count > 100 { throw DomainError.invalid(["name": "Keep the name under 100 characters."]) }
        let secret = prefix + RandomToken.urlSafe()
        let record = APITokenRecord()
        record.$user.id = userID
        record.name = name
        record.secretHash = hash(secret)
        record.scope = scope.rawValue
        record.createdAt = WallClock.now()
        return try await db.writeTransaction { db in
            try await record.create(on: db)
            let summary = try record.summary
            try await AuditLog.record(db, actor, "create", entity: "api-token", id: record.id, after: summary)
            return (summary, secret)
        }
    }

    public static func list(_ db: Database, userID: UUID) async throws -> [APITokenSummary] {
        try await APITokenRecord.query(on: db).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).all().map {
            try $0.summary
        }
    }

    /// Revokes one of the actor's own tokens (an admin may revoke anyone's).
    public static func revoke(_ db: Database, _ actor: Actor, id: UUID) async throws {
        try await db.writeTransaction { db in
            guard let record = try await APITokenRecord.find(id, on: db) else {
                throw DomainError.notFound("API token")
            }
            guard record.$user.id == actor.userID || actor.canManageUsers else {
                throw DomainError.forbidden("that token is not yours")
            }
            if record.revokedAt != nil { return }
            let before = try record.summary
            record.revokedAt = WallClock.now()
            try await record.save(on: db)
            try await AuditLog.record(
                db, actor, "revoke", entity: "api-token", id: record.id, before: before, after: record.summary)
        }
    }

    /// The user and scope of a live token, or nil for an unknown or revoked one.
    public static func authenticate(_ db: Database, secret: String) async throws -> (actor: Actor, scope: TokenScope)? {
        guard secret.hasPrefix(prefix) else { return nil }
        guard let record = try await APITokenRecord.query(on: db).filter(\.$secretHash == hash(secret)).first(),
            record.revokedAt == nil, let scope = TokenScope(rawValue: record.scope),
            let actor = try await Users.actor(db, userID: record.$user.id)
        else { return nil }
        // Marked at most once a minute, so a busy script does not write on every read.
        if (record.lastUsedAt ?? .distantPast).timeIntervalSinceNow < -60 {
            record.lastUsedAt = WallClock.now()
            try await record.save(on: db)
        }
        return (actor, scope)
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).hexadecimal
    }
}

/// Random secrets for URLs, headers and forms: base64url without padding. The system generator is the kernel's.
public enum RandomToken {
    public static func urlSafe(bytes: Int = 32) -> String {
        Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-").replacingOccurrences(
                of: "=", with: "")
    }
}

extension APITokenRecord {
    var summary: APITokenSummary {
        get throws {
            try APITokenSummary(
                id: requireID(), name: name, scope: try TokenScope(stored: scope, "api_tokens.scope"),
                createdAt: createdAt,
                lastUsedAt: lastUsedAt, revokedAt: revokedAt)
        }
    }
}
