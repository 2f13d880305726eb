import AssureCore
import AssureStorage
import Fluent
import Foundation
import Vapor

/// What a PMO does to an account after adding it, and what a user does to their own password. Each is one
/// transaction with its audit entry; each that takes access away ends the sessions and tokens it opened.
public extension Users {
    /// The user with this email, or a not-found naming it.
    static func summary(_ db: Database, email: String) async throws -> UserSummary {
        try await summary(db, try await record(db, email: email))
    }

    static func summary(_ db: Database, id: UUID) async throws -> UserSummary {
        guard let user = try await UserRecord.find(id, on: db) else { throw DomainError.notFound("user") }
        return try await summary(db, user)
    }

    /// Changes a user's role and the programmes they may edit (an admin's programmes are kept empty: they edit
    /// everything). The role takes effect on the user's next request. The last enabled admin keeps the role, so that
    /// someone can always manage users.
    static func changeAccess(
        _ db: Database, _ actor: Actor, userID: UUID, role: Role, programmeIDs: [UUID]
    ) async throws -> UserSummary {
        guard actor.canManageUsers else { throw DomainError.forbidden("only an admin changes a user's role") }
        return try await db.writeTransaction { db in
            guard let user = try await UserRecord.find(userID, on: db) else { throw DomainError.notFound("user") }
            let before = try await summary(db, user)
            if before.role == .admin, role != .admin, try await otherEnabledAdmins(db, besides: userID) == 0 {
                throw DomainError.invalid(["role": "\(user.name) is the only admin: make someone else an admin first."]
                )
            }
            let programmes = role == .editor ? programmeIDs : []
            if role == .editor, programmes.isEmpty {
                throw DomainError.invalid(["programme": "Choose the programmes an editor may write."])
            }
            user.role = role.rawValue
            // An account made at a first sign-in through the provider opens from here.
            user.awaitingRole = false
            try await user.save(on: db)
            try await setProgrammes(db, userID: userID, programmes)
            let after = try await summary(db, user)
            try await AuditLog.record(
                db, actor, "change-access", entity: "user", id: userID, before: before, after: after)
            return after
        }
    }

    /// The programmes a user edits, as these and only these (each once); an id that names no programme is refused
    /// by field, before anything is written.
    static func setProgrammes(_ db: Database, userID: UUID, _ programmeIDs: [UUID]) async throws {
        let wanted = Set(programmeIDs)
        let known = try await ProgrammeRecord.query(on: db).filter(\.$id ~~ wanted).all().compactMap(\.id)
        if let unknown = wanted.subtracting(known).first {
            throw DomainError.invalid(["programmes": "There is no programme \(unknown.uuidString)."])
        }
        try await ProgrammeEditorRecord.query(on: db).filter(\.$user.$id == userID).delete()
        for programmeID in wanted {
            let link = ProgrammeEditorRecord()
            link.$user.id = userID
            link.$programme.id = programmeID
            try await link.create(on: db)
        }
    }

    /// Disables a user at once (their sessions and API tokens end) or enables them again (they sign in afresh, and
    /// make new tokens). Nobody disables themself, and the last enabled admin stays enabled.
    static func setDisabled(_ db: Database, _ actor: Actor, userID: UUID, disabled: Bool) async throws -> UserSummary {
        guard actor.canManageUsers else { throw DomainError.forbidden("only an admin disables or enables a user") }
        if disabled, actor.userID == userID { throw DomainError.forbidden("you cannot disable your own account") }
        return try await db.writeTransaction { db in
            guard let user = try await UserRecord.find(userID, on: db) else { throw DomainError.notFound("user") }
            let before = try await summary(db, user)
            guard before.disabled != disabled else { return before }
            if disabled, before.role == .admin, try await otherEnabledAdmins(db, besides: userID) == 0 {
                throw DomainError.invalid(["user": "\(user.name) is the only admin: make someone else an admin first."]
                )
            }
            user.disabledAt = disabled ? WallClock.now() : nil
            try await user.save(on: db)
            var after: [String: String] = ["email": user.email, "disabled": String(disabled)]
            if disabled {
                let ended = try await endCredentials(db, userID: userID)
                after["sessionsEnded"] = String(ended.sessions)
                after["tokensRevoked"] = String(ended.tokens)
            }
            try await AuditLog.record(
                db, actor, disabled ? "disable" : "enable", entity: "user", id: userID, after: after)
            return try await summary(db, user)
        }
    }

    /// A user changes their own password, proving the old one. Every session and token of theirs ends, this one's
    /// included: the caller signs the user in again.
    static func changeOwnPassword(
        _ db: Database, _ actor: Actor, old: String, new: String, confirmation: String,
        cost: Int = 12
    ) async throws {
        guard let userID = actor.userID, let user = try await UserRecord.find(userID, on: db) else {
            throw DomainError.forbidden("only a signed-in user changes their password")
        }
        var errors: [String: String] = [:]
        if !(try Bcrypt.verify(old, created: user.passwordHash)) {
            errors["old"] = "This is not your current password."
        }
        if let problem = passwordProblem(new) {
            errors["new"] = problem
        } else if new == old {
            errors["new"] = "Choose a password different from the current one."
        }
        if errors["new"] == nil, new != confirmation { errors["confirmation"] = "The two new passwords differ." }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        user.passwordHash = try Bcrypt.hash(new, cost: cost)
        try await db.writeTransaction { db in
            try await user.save(on: db)
            let ended = try await endCredentials(db, userID: userID)
            try await AuditLog.record(
                db, actor, "change-password", entity: "user", id: userID,
                after: [
                    "email": user.email, "sessionsEnded": String(ended.sessions), "tokensRevoked": String(ended.tokens),
                ])
        }
    }

    /// The user with this email (any case, spaces trimmed), or a not-found naming it.
    internal static func record(_ db: Database, email: String) async throws -> UserRecord {
        guard
            let user = try await UserRecord.query(on: db).filter(
                \.$email == email.trimmingCharacters(in: .whitespaces).lowercased()
            ).first()
        else {
            throw DomainError.notFound("user \(email)")
        }
        return user
    }

    private static func otherEnabledAdmins(_ db: Database, besides userID: UUID) async throws -> Int {
        try await UserRecord.query(on: db).filter(\.$role == Role.admin.rawValue).filter(\.$disabledAt == nil)
            .filter(\.$id != userID).count()
    }
}
