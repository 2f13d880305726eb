import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// The PMO's accounts and address book through the API, by the pages' application functions: users (list, add,
/// change role and programmes, disable, enable) and people's email addresses (where chasers and alerts go). Each
/// change to an existing user or person names the version read in If-Match.
struct APIAccountController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.apiUsers) { req in
            try Self.requireAdmin(req)
            return try JSONOutput.response(try await Users.list(req.db))
        }
        routes.post(.apiUsers, use: addUser)
        routes.get(.apiUser) { req in
            try Self.requireAdmin(req)
            return try APIItem(try await Users.summary(req.db, id: try req.uuid("item"))).response()
        }
        routes.on(.PUT, .apiUser, body: .collect(maxSize: "64kb"), use: changeAccess)
        routes.post(.apiDisableUser) { req in try await setDisabled(req, true) }
        routes.post(.apiEnableUser) { req in try await setDisabled(req, false) }
        routes.get(.apiPeople) { req in
            try Self.requireAdmin(req)
            return try JSONOutput.response(try await Directory.people(req.db))
        }
        routes.on(.PUT, .apiPerson, body: .collect(maxSize: "16kb"), use: setEmail)
    }

    /// A new account: its email, name, role, the programmes an editor writes (ids), and its first password (the user
    /// changes it; with sign-in through the organisation's provider they need not use it).
    struct NewUser: Codable, Sendable {
        let email: String
        let name: String
        let role: String
        let programmes: [UUID]?
        let password: String
    }

    /// What a user may do: their role and, for an editor, the programmes they write (ids).
    struct Access: Codable, Sendable {
        let role: String
        let programmes: [UUID]?
    }

    struct Email: Codable, Sendable { let email: String }

    @discardableResult
    static func requireAdmin(_ req: Request) throws -> Actor {
        let actor = try req.requireWriter()
        guard actor.canManageUsers else { throw DomainError.forbidden("only the PMO (admin) manages users") }
        return actor
    }

    static func role(_ text: String) throws -> Role { try choice(text, field: "role") }

    func addUser(req: Request) async throws -> Response {
        let actor = try Self.requireAdmin(req)
        let input = try req.input(NewUser.self)
        let user = try await Users.add(
            req.db, actor, email: input.email, name: input.name, role: try Self.role(input.role),
            password: input.password, programmeIDs: input.programmes ?? [], cost: req.settings.bcryptCost)
        return try APIItem(user).response(status: .created, location: .apiUser(id: user.id))
    }

    func changeAccess(req: Request) async throws -> Response {
        let actor = try Self.requireAdmin(req)
        let id = try req.uuid("item")
        let input = try req.input(Access.self)
        let role = try Self.role(input.role)
        return try await APIItem.change(req) { db in
            (try APIItem(try await Users.summary(db, id: id)), ())
        } _: { db, _ in
            _ = try await Users.changeAccess(db, actor, userID: id, role: role, programmeIDs: input.programmes ?? [])
        }.response()
    }

    private func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        let actor = try Self.requireAdmin(req)
        let id = try req.uuid("item")
        return try await APIItem.change(req) { db in
            (try APIItem(try await Users.summary(db, id: id)), ())
        } _: { db, _ in
            _ = try await Users.setDisabled(db, actor, userID: id, disabled: disabled)
        }.response()
    }

    func setEmail(req: Request) async throws -> Response {
        let actor = try Self.requireAdmin(req)
        let id = try req.uuid("person")
        let input = try req.input(Email.self)
        return try await APIItem.change(req) { db in
            guard let person = try await Directory.people(db).first(where: { $0.id == id }) else {
                throw DomainError.notFound("person")
            }
            return (try APIItem(person), ())
        } _: { db, _ in
            _ = try await Directory.setEmail(db, actor, personID: id, email: input.email)
        }.response()
    }
}

extension APIAccountController.NewUser: SchemaRefined {
    static let refinements: [String: Refinement] = ["role": .oneOf(Role.self)]
}

extension APIAccountController.Access: SchemaRefined {
    static let refinements: [String: Refinement] = ["role": .oneOf(Role.self)]
}
