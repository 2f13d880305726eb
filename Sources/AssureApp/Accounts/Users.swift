import AssureCore
import AssureStorage
import Fluent
import Foundation
import SQLKit
import Vapor

/// Accounts, passwords and what each user may edit. Passwords are stored only as Bcrypt hashes.
public enum Users {
    static func looksLikeEmail(_ text: String) -> Bool {
        text.wholeMatch(of: #/[^@\s<>,;"]+@[^@\s<>,;"]+\.[^@\s<>,;"]+/#) != nil
    }

    public static let minimumPasswordLength = 10

    public static func add(
        _ db: Database, _ actor: Actor, email: String, name: String, role: Role, password: String,
        programmeIDs: [UUID] = [], cost: Int = 12
    ) async throws -> UserSummary {
        guard actor.canManageUsers else { throw DomainError.forbidden("only an admin adds users") }
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let name = name.trimmingCharacters(in: .whitespaces)
        var errors: [String: String] = [:]
        if !looksLikeEmail(email) { errors["email"] = "Enter an email address like name@nhs.net." }
        if name.isEmpty { errors["name"] = "Enter the person's name." }
        if let problem = passwordProblem(password) { errors["password"] = problem }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let hash = try Bcrypt.hash(password, cost: cost)
        return try await db.writeTransaction { db in
            if try await UserRecord.query(on: db).filter(\.$email == email).first() != nil {
                throw DomainError.invalid(["email": "There is already a user with the email \(email)."])
            }
            let user = UserRecord()
            user.email = email
            user.name = name
            user.role = role.rawValue
            user.passwordHash = hash
            user.awaitingRole = false
            user.createdAt = WallClock.now()
            try await user.create(on: db)
            try await setProgrammes(db, userID: try user.requireID(), programmeIDs)
            let summary = try await Self.summary(db, user)
            try await AuditLog.record(db, actor, "create", entity: "user", id: user.id, after: summary)
            return summary
        }
    }

    public static func id(_ db: Database, email: String) async throws -> UUID {
        try await record(db, email: email).requireID()
    }

    public static func passwordProblem(_ password: String) -> String? {
        if password.count < minimumPasswordLength { return "Use at least \(minimumPasswordLength) characters." }
        if password.allSatisfy({ $0.isLetter }) || password.allSatisfy({ $0.isNumber }) {
            return "Mix letters with numbers or symbols."
        }
        return nil
    }

    public static func list(_ db: Database) async throws -> [UserSummary] {
        var result: [UserSummary] = []
        for user in try await UserRecord.query(on: db).sort(\.$email).all() {
            result.append(try await summary(db, user))
        }
        return result
    }

    public static func resetPassword(
        _ db: Database, _ actor: Actor, email: String, password: String, cost: Int = 12
    ) async throws {
        guard actor.canManageUsers else { throw DomainError.forbidden("only an admin resets passwords") }
        if let problem = passwordProblem(password) { throw DomainError.invalid(["password": problem]) }
        guard let user = try await UserRecord.query(on: db).filter(\.$email == email.lowercased()).first() else {
            throw DomainError.notFound("user \(email)")
        }
        user.passwordHash = try Bcrypt.hash(password, cost: cost)
        try await db.writeTransaction { db in
            try await user.save(on: db)
            // A new password ends every way in the old one gave: whoever knew it is signed out, and its scripts stop.
            let ended = try await endCredentials(db, userID: user.requireID())
            try await AuditLog.record(
                db, actor, "reset-password", entity: "user", id: user.id,
                after: [
                    "email": user.email, "sessionsEnded": String(ended.sessions), "tokensRevoked": String(ended.tokens),
                ])
        }
    }

    /// Ends every web session of the user and revokes every API token they hold; returns how many of each.
    static func endCredentials(_ db: Database, userID: UUID) async throws -> (sessions: Int, tokens: Int) {
        // Sessions keep the user in their data, which the two databases store differently: read them, then delete by key.
        let sessions = try await SessionRecord.query(on: db).all().filter { $0.data["userID"] == userID.uuidString }
        for session in sessions { try await session.delete(on: db) }
        let tokens = try await APITokenRecord.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
            .all()
        for token in tokens {
            token.revokedAt = WallClock.now()
            try await token.save(on: db)
        }
        return (sessions.count, tokens.count)
    }

    /// The actor for a login, or nil for a wrong email or password (the same answer for both).
    public static func authenticate(_ db: Database, email: String, password: String) async throws -> Actor? {
        guard let user = try await UserRecord.query(on: db).filter(\.$email == email.lowercased()).first() else {
            // Spend the time a real check would, at the cost the stored hashes use, so a missing account cannot be told
            // apart by timing.
            let sample = try await UserRecord.query(on: db).field(\.$passwordHash).first()?.passwordHash
            _ = try? Bcrypt.verify(password, created: dummyHash(like: sample))
            return nil
        }
        guard try Bcrypt.verify(password, created: user.passwordHash), user.disabledAt == nil else { return nil }
        return try await actor(db, userID: user.requireID())
    }

    /// A real hash of a random password at the cost of `stored` (a hash in the database; 12 where there is none), made
    /// once per cost, so verifying against it costs what a real check costs.
    package static func dummyHash(like stored: String?) -> String {
        let parts = (stored ?? "").split(separator: "$")
        let cost = parts.count >= 2 ? Int(parts[1]) ?? 12 : 12
        dummyLock.lock()
        defer { dummyLock.unlock() }
        if let known = dummyHashes[cost] { return known }
        let made = (try? Bcrypt.hash(UUID.random().uuidString, cost: cost)) ?? ""
        dummyHashes[cost] = made
        return made
    }

    nonisolated(unsafe) private static var dummyHashes: [Int: String] = [:]
    private static let dummyLock = NSLock()

    /// Runs on every signed-in request, so it reads plain rows where it can.
    public static func actor(_ db: Database, userID: UUID) async throws -> Actor? {
        if let sql = db as? SQLDatabase {
            // The user and the programmes they edit, in one query (a row per programme, or one row with none).
            struct Row: Decodable { let name: String; let role: String; let programme_id: RowUUID? }
            let rows = try await sql.raw(
                """
                SELECT u.name, u.role, e.programme_id FROM users u LEFT JOIN programme_editors e ON e.user_id = u.id
                WHERE u.id = \(bind: userID) AND u.disabled_at IS NULL AND u.awaiting_role = \(bind: false)
                """
            ).all(decoding: Row.self)
            guard let user = rows.first else { return nil }
            return Actor(
                userID: userID, name: user.name, role: try Role(stored: user.role, "users.role"),
                programmeIDs: Set(rows.compactMap { $0.programme_id?.value }))
        }
        guard let user = try await UserRecord.find(userID, on: db), user.disabledAt == nil, !user.awaitingRole else {
            return nil
        }
        let programmes = try await ProgrammeEditorRecord.query(on: db).filter(\.$user.$id == userID).all().map(
            \.$programme.id)
        return Actor(
            userID: userID, name: user.name, role: try Role(stored: user.role, "users.role"),
            programmeIDs: Set(programmes))
    }

    static func summary(_ db: Database, _ user: UserRecord) async throws -> UserSummary {
        let links = try await ProgrammeEditorRecord.query(on: db).filter(\.$user.$id == user.requireID()).with(
            \.$programme
        )
        .all()
        return UserSummary(
            id: try user.requireID(), email: user.email, name: user.name,
            role: try Role(stored: user.role, "users.role"),
            programmes: links.map(\.programme.name).sorted(), disabled: user.disabledAt != nil,
            awaitingRole: user.awaitingRole)
    }
}
