import AssureCore
import AssureStorage
import Fluent
import Foundation

extension SignInGroupRoles {
    /// The PMO gives a group of a sign-in service a role; a group given one already has it replaced. Members get it at
    /// their first sign-in (when the service may make accounts) or while their account awaits a role; an account that
    /// has a role keeps the one the PMO chose for it.
    @discardableResult
    public static func set(
        _ db: Database, _ actor: Actor, provider: String, group: String, role: String, providers: [String]
    ) async throws -> SignInGroupRole {
        guard actor.canManageUsers else { throw DomainError.forbidden("only the PMO (admin) maps groups to roles") }
        let group = group.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [String: String] = [:]
        if !providers.contains(provider) {
            errors["provider"] =
                providers.isEmpty
                ? "No sign-in service is set up on this server (see the README's Single sign-on)."
                : "Choose one of the sign-in services: \(providers.joined(separator: ", "))."
        }
        if group.isEmpty {
            errors["group"] = "Give the group as the service's groups claim lists it (a name or an object id)."
        } else if group.unicodeScalars.count > 200 || group.contains(where: \.isNewline) {
            errors["group"] = "Keep the group to one line under 200 characters."
        }
        let chosen = Role(rawValue: role)
        if chosen == nil { errors["role"] = "Choose admin, editor or viewer." }
        guard errors.isEmpty, let chosen else { throw DomainError.invalid(errors) }
        return try await db.writeTransaction { db in
            let existing = try await find(db, provider: provider, group: group)
            let before = try existing?.mapping
            let record = existing ?? SignInGroupRoleRecord()
            record.provider = provider
            record.group = group
            record.role = chosen.rawValue
            record.createdBy = actor.name
            record.createdAt = WallClock.now()
            try await record.save(on: db)
            let after = try record.mapping
            try await AuditLog.record(
                db, actor, existing == nil ? "create" : "update", entity: "sign-in-group", id: after.id,
                before: before, after: after)
            return after
        }
    }

    /// The PMO removes a group's role: accounts keep the roles they have; new members wait for the PMO.
    public static func remove(_ db: Database, _ actor: Actor, id: UUID) async throws {
        guard actor.canManageUsers else { throw DomainError.forbidden("only the PMO (admin) maps groups to roles") }
        try await db.writeTransaction { db in
            guard let record = try await SignInGroupRoleRecord.find(id, on: db) else {
                throw DomainError.notFound("group")
            }
            let before = try record.mapping
            try await record.delete(on: db)
            try await AuditLog.record(
                db, actor, "remove", entity: "sign-in-group", id: id, before: before, after: String?.none)
        }
    }
}
