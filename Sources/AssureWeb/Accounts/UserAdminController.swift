import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// The PMO's changes to an account: role and programmes, disable and enable. Each is one `Users` action, audited.
struct UserAdminController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.user, use: page)
        routes.post(.user, use: changeAccess)
        routes.post(.disableUser, use: disable)
        routes.post(.enableUser, use: enable)
    }

    struct AccessInput: Content { var role: String?; var programme: [String]? }

    func page(req: Request) async throws -> Response {
        try requireAdmin(req)
        let user = try await Users.summary(req.db, id: try req.uuid("item"))
        return req.html(
            AccountPages.user(user, programmes: try await Catalogue.allProgrammes(req.db), req.page(user.name)))
    }

    func changeAccess(req: Request) async throws -> Response {
        let actor = try requireAdmin(req)
        let id = try req.uuid("item")
        let input = try req.content.decode(AccessInput.self)
        let programmes = try await Catalogue.allProgrammes(req.db)
        let chosen = Set(input.programme ?? [])
        do {
            guard let role = Role(rawValue: input.role ?? "") else {
                throw DomainError.invalid(["role": "Choose a role."])
            }
            let user = try await Users.changeAccess(
                req.db, actor, userID: id, role: role,
                programmeIDs: programmes.filter { chosen.contains($0.id.uuidString) }.map(\.id))
            return req.redirect(
                to: Link.users.path,
                notice: "\(user.name) is now \(user.role.rawValue)"
                    + (user.programmes.isEmpty ? "." : " for \(user.programmes.joined(separator: ", ")).")
                    + " It applies from their next page.")
        } catch DomainError.invalid(let errors) {
            let user = try await Users.summary(req.db, id: id)
            return req.html(
                AccountPages.user(
                    user, programmes: programmes, req.page(user.name), chosen: (input.role ?? "", chosen),
                    errors: errors),
                status: .unprocessableEntity)
        }
    }

    func disable(req: Request) async throws -> Response { try await setDisabled(req, true) }
    func enable(req: Request) async throws -> Response { try await setDisabled(req, false) }

    private func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        let actor = try requireAdmin(req)
        let id = try req.uuid("item")
        do {
            let user = try await Users.setDisabled(req.db, actor, userID: id, disabled: disabled)
            return req.redirect(
                to: Link.users.path,
                notice: disabled
                    ? "Disabled \(user.name): their sessions and API tokens have ended."
                    : "Enabled \(user.name): they can sign in again.")
        } catch DomainError.invalid(let errors) {
            let user = try await Users.summary(req.db, id: id)
            return req.html(
                AccountPages.user(
                    user, programmes: try await Catalogue.allProgrammes(req.db), req.page(user.name), errors: errors),
                status: .unprocessableEntity)
        }
    }

    @discardableResult
    private func requireAdmin(_ req: Request) throws -> Actor {
        let actor = try req.requireActor()
        guard actor.canManageUsers else { throw DomainError.forbidden("only an admin manages users") }
        return actor
    }
}
