import AssureCore
import AssureStorage
import Fluent
import Foundation
import Vapor

/// Signing in with the organisation's account: the provider has vouched for an email address (verified), and Assure
/// decides what that person may do here. Matched by email to an existing account; otherwise, when the deployment allows,
/// an account is made at this first sign-in, with the role the person's groups map to, or with none until the PMO
/// grants one.
public enum ProviderSignIns {
    public enum Outcome: Sendable, Equatable {
        /// Signed in: start a session for this user.
        case signedIn(Actor)
        /// The account exists (perhaps made just now) but has no role yet: nothing opens until the PMO grants one.
        case awaitingRole(name: String)
        /// No account has this email, and the deployment does not make accounts at first sign-in.
        case noAccount(email: String)
        /// The PMO has disabled the account.
        case disabled
    }

    /// - Parameters:
    ///   - provider: the provider's label, for the audit log ("NHSmail").
    ///   - groupRole: the role the person's groups map to, if any.
    ///   - createUsers: whether an account may be made for someone unknown.
    public static func signIn(
        _ db: Database, provider: String, email: String, name: String, groupRole: Role?, createUsers: Bool,
        address: String?, cost: Int = 12
    ) async throws -> Outcome {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard Users.looksLikeEmail(email) else { return .noAccount(email: email) }
        if let user = try await UserRecord.query(on: db).filter(\.$email == email).first() {
            let id = try user.requireID()
            if user.disabledAt != nil { return .disabled }
            if user.awaitingRole {
                guard let groupRole else { return .awaitingRole(name: user.name) }
                // Their groups now give a role (the PMO mapped one since): granted, and audited as the provider's.
                try await db.writeTransaction { db in
                    let before = try await Users.summary(db, user)
                    user.role = groupRole.rawValue
                    user.awaitingRole = false
                    try await user.save(on: db)
                    var actor = Actor(userID: id, name: "\(user.name) (groups at \(provider))", role: groupRole)
                    actor.address = address
                    try await AuditLog.record(
                        db, actor, "grant-role-from-groups", entity: "user", id: id, before: before,
                        after: try await Users.summary(db, user))
                }
            }
            guard let actor = try await Users.actor(db, userID: id) else { return .disabled }
            return .signedIn(actor)
        }
        guard createUsers else { return .noAccount(email: email) }
        // Nobody signs in with this password: it is random and never shown, so the account opens only through the
        // provider (or after the PMO resets it).
        let hash = try Bcrypt.hash(RandomToken.urlSafe(), cost: cost)
        let name = name.trimmingCharacters(in: .whitespaces).isEmpty ? email : name
        let user: UserRecord
        do {
            user = try await create(
                db, provider: provider, email: email, name: name, groupRole: groupRole, address: address, hash: hash)
        } catch {
            // Two first sign-ins at once (two tabs, two servers): the other made the account, and the unique email
            // refused this one. This sign-in is then to that account, as any later one is.
            guard try await UserRecord.query(on: db).filter(\.$email == email).first() != nil else { throw error }
            return try await signIn(
                db, provider: provider, email: email, name: name, groupRole: groupRole, createUsers: false,
                address: address, cost: cost)
        }
        guard groupRole != nil, let actor = try await Users.actor(db, userID: try user.requireID()) else {
            return .awaitingRole(name: user.name)
        }
        return .signedIn(actor)
    }

    /// The account made at a first sign-in, and its audit entry, in one transaction.
    private static func create(
        _ db: Database, provider: String, email: String, name: String, groupRole: Role?, address: String?,
        hash: String
    ) async throws -> UserRecord {
        try await db.writeTransaction { db in
            let user = UserRecord()
            user.email = email
            user.name = String(name.prefix(200))
            user.role = (groupRole ?? .viewer).rawValue
            user.awaitingRole = groupRole == nil
            user.passwordHash = hash
            user.createdAt = WallClock.now()
            try await user.create(on: db)
            var actor = Actor(
                userID: try user.requireID(), name: "\(user.name) (first sign-in with \(provider))",
                role: groupRole ?? .viewer)
            actor.address = address
            try await AuditLog.record(
                db, actor, "create", entity: "user", id: user.id, after: try await Users.summary(db, user))
            return user
        }
    }
}
