import Fluent
import Foundation

final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"
    @ID var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "role") var role: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "disabled_at") var disabledAt: Date?
    init() {}
}

/// An editor may write only the programmes assigned to them.
final class ProgrammeEditorRecord: Model, @unchecked Sendable {
    static let schema = "programme_editors"
    @ID var id: UUID?
    @Parent(key: "user_id") var user: UserRecord
    @Parent(key: "programme_id") var programme: ProgrammeRecord
    init() {}
}

final class AuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_entries"
    @ID var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: String?
    @OptionalField(key: "before_json") var before: String?
    @OptionalField(key: "after_json") var after: String?
    /// The entry's place in the chain, the previous entry's hash and its own (M024).
    @OptionalField(key: "sequence") var sequence: Int64?
    @OptionalField(key: "previous_hash") var previousHash: String?
    @OptionalField(key: "hash") var hash: String?
    init() {}
}

final class AuditChainHeadRecord: Model, @unchecked Sendable {
    static let schema = "audit_chain_head"
    @ID var id: UUID?
    @Field(key: "sequence") var sequence: Int64
    @Field(key: "hash") var hash: String
    init() {}
}

final class LoginAttemptRecord: Model, @unchecked Sendable {
    static let schema = "login_attempts"
    @ID var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "at") var at: Date
    @Field(key: "succeeded") var succeeded: Bool
    init() {}
}

final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID var id: UUID?
    @Parent(key: "user_id") var user: UserRecord
    @Field(key: "name") var name: String
    @Field(key: "secret_hash") var secretHash: String
    @Field(key: "scope") var scope: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    init() {}
}
