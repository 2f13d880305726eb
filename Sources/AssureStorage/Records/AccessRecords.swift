import AssureCore
import FluentKit
import Foundation

package final class UserRecord: Model, @unchecked Sendable {
    package static let schema = "users"
    @ID package var id: UUID?
    @Field(key: "email") package var email: String
    @Field(key: "name") package var name: String
    @Field(key: "role") package var role: String
    @Field(key: "password_hash") package var passwordHash: String
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "disabled_at") package var disabledAt: Date?
    /// Made at a first sign-in through a provider with no role to give (M039): opens nothing until the PMO grants one.
    @Field(key: "awaiting_role") package var awaitingRole: Bool
    package init() {}
}

/// An editor may write only the programmes assigned to them.
package final class ProgrammeEditorRecord: Model, @unchecked Sendable {
    package static let schema = "programme_editors"
    @ID package var id: UUID?
    @Parent(key: "user_id") package var user: UserRecord
    @Parent(key: "programme_id") package var programme: ProgrammeRecord
    package init() {}
}

package final class AuditRecord: Model, @unchecked Sendable {
    package static let schema = "audit_entries"
    @ID package var id: UUID?
    @Field(key: "at") package var at: Date
    @OptionalField(key: "user_id") package var userID: UUID?
    @Field(key: "actor") package var actor: String
    @Field(key: "action") package var action: String
    @Field(key: "entity") package var entity: String
    @OptionalField(key: "entity_id") package var entityID: String?
    @OptionalField(key: "before_json") package var before: String?
    @OptionalField(key: "after_json") package var after: String?
    /// Where the change was made from (M037): the client's address; nil from the command line.
    @OptionalField(key: "client_address") package var clientAddress: String?
    /// The entry's place in the chain, the previous entry's hash and its own (M024).
    @OptionalField(key: "sequence") package var sequence: Int64?
    @OptionalField(key: "previous_hash") package var previousHash: String?
    @OptionalField(key: "hash") package var hash: String?
    package init() {}
}

package final class AuditChainHeadRecord: Model, @unchecked Sendable {
    package static let schema = "audit_chain_head"
    @ID package var id: UUID?
    @Field(key: "sequence") package var sequence: Int64
    @Field(key: "hash") package var hash: String
    package init() {}
}

package final class LoginAttemptRecord: Model, @unchecked Sendable {
    package static let schema = "login_attempts"
    @ID package var id: UUID?
    @Field(key: "email") package var email: String
    @Field(key: "address") package var address: String
    @Field(key: "at") package var at: Date
    @Field(key: "succeeded") package var succeeded: Bool
    package init() {}
}

package final class APITokenRecord: Model, @unchecked Sendable {
    package static let schema = "api_tokens"
    @ID package var id: UUID?
    @Parent(key: "user_id") package var user: UserRecord
    @Field(key: "name") package var name: String
    @Field(key: "secret_hash") package var secretHash: String
    @Field(key: "scope") package var scope: String
    @Field(key: "created_at") package var createdAt: Date
    @OptionalField(key: "last_used_at") package var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") package var revokedAt: Date?
    package init() {}
}

/// A group of a sign-in service given a role by the PMO (M042).
package final class SignInGroupRoleRecord: Model, @unchecked Sendable {
    package static let schema = "sign_in_group_roles"
    @ID package var id: UUID?
    @Field(key: "provider") package var provider: String
    @Field(key: "group_name") package var group: String
    @Field(key: "role") package var role: String
    @Field(key: "created_by") package var createdBy: String
    @Field(key: "created_at") package var createdAt: Date
    package init() {}

    package var mapping: SignInGroupRole {
        get throws {
            SignInGroupRole(
                id: try requireID(), provider: provider, group: group, role: Role(rawValue: role) ?? .viewer,
                createdBy: createdBy, createdAt: createdAt)
        }
    }
}
