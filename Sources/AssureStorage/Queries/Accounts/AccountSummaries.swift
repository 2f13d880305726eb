import AssureCore
import Foundation

/// A user as the users page, the API and exports show them: never the password hash.
public struct UserSummary: Codable, Sendable, Hashable {
    public let id: UUID
    public let email: String
    public let name: String
    public let role: Role
    public let programmes: [String]
    /// Signs in and acts only while false.
    public var disabled: Bool = false
    /// Made at a first sign-in through the organisation's provider, and given no role yet: opens nothing until the PMO
    /// grants one (`role` is a placeholder meanwhile).
    public var awaitingRole: Bool = false

    public init(
        id: UUID, email: String, name: String, role: Role, programmes: [String], disabled: Bool = false,
        awaitingRole: Bool = false
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.programmes = programmes
        self.disabled = disabled
        self.awaitingRole = awaitingRole
    }
}

/// An API token as its owner sees it: never the secret.
public struct APITokenSummary: Codable, Sendable, Hashable {
    public let id: UUID
    public let name: String
    public let scope: TokenScope
    public let createdAt: Date
    public let lastUsedAt: Date?
    public let revokedAt: Date?

    package init(id: UUID, name: String, scope: TokenScope, createdAt: Date, lastUsedAt: Date?, revokedAt: Date?) {
        self.id = id
        self.name = name
        self.scope = scope
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}
