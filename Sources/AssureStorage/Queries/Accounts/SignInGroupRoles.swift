import AssureCore
import FluentKit
import Foundation

/// A group of a sign-in service and the role the PMO gives its members.
public struct SignInGroupRole: Codable, Hashable, Sendable {
    public let id: UUID
    /// The provider's name in the settings (`nhsmail`), not its label.
    public let provider: String
    /// As the provider's groups claim lists it: a name, or (Entra ID) the group's object id.
    public let group: String
    public let role: Role
    public let createdBy: String
    public let createdAt: Date

    public init(id: UUID, provider: String, group: String, role: Role, createdBy: String, createdAt: Date) {
        self.id = id
        self.provider = provider
        self.group = group
        self.role = role
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// The PMO's group-to-role mappings (M042).
public enum SignInGroupRoles {
    /// Every mapping, by provider then group.
    public static func list(_ db: Database) async throws -> [SignInGroupRole] {
        try await SignInGroupRoleRecord.query(on: db).sort(\.$provider).sort(\.$group).all().map { try $0.mapping }
    }

    /// One provider's groups and their roles, as the sign-in reads them.
    public static func roles(_ db: Database, provider: String) async throws -> [String: Role] {
        let mappings = try await SignInGroupRoleRecord.query(on: db).filter(\.$provider == provider).all()
        return Dictionary(
            mappings.compactMap { record in Role(rawValue: record.role).map { (record.group, $0) } }
        ) { first, _ in first }
    }

    package static func find(_ db: Database, provider: String, group: String) async throws -> SignInGroupRoleRecord? {
        try await SignInGroupRoleRecord.query(on: db).filter(\.$provider == provider).filter(\.$group == group).first()
    }
}
