import Foundation

public enum Role: String, Codable, Sendable, CaseIterable {
    /// The PMO: sets up portfolios and people, runs periods, manages users.
    case admin
    /// A project lead or SRO: writes returns for the programmes assigned to them.
    case editor
    /// Reads dashboards and papers.
    case viewer
}

/// Who is acting, and what they may touch. Every write is checked against this.
public struct Actor: Codable, Hashable, Sendable {
    public var userID: UUID?
    public var name: String
    public var role: Role
    public var programmeIDs: Set<UUID>
    /// Where they act from: the client's address for a web request (the one a trusted load balancer names), for the
    /// audit log; nil on the command line.
    public var address: String?

    public init(userID: UUID?, name: String, role: Role, programmeIDs: Set<UUID> = []) {
        self.userID = userID
        self.name = name
        self.role = role
        self.programmeIDs = programmeIDs
    }

    /// The command line acts as the PMO, with the operating-system user's name in the audit log.
    public static func commandLine(_ name: String) -> Actor {
        Actor(userID: nil, name: "\(name) (command line)", role: .admin)
    }

    public var canManagePortfolio: Bool { role == .admin }
    public var canManageUsers: Bool { role == .admin }

    public func canEdit(programme: UUID) -> Bool {
        switch role {
        case .admin: true
        case .editor: programmeIDs.contains(programme)
        case .viewer: false
        }
    }
}

/// What an API token may do: read everything its user may read, or also write what its user may write.
public enum TokenScope: String, Codable, Sendable, CaseIterable {
    case read
    case write
}
