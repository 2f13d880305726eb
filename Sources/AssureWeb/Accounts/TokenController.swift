import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// Each user makes and revokes their own API tokens.
struct TokenController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.tokens, use: list)
        routes.post(.tokens, use: create)
        routes.post(.revokeToken, use: revoke)
    }

    struct Input: Content { var name: String?; var scope: String? }

    func list(req: Request) async throws -> Response {
        try await page(req)
    }

    /// The secret goes straight into the page (201), never into the session or a redirect.
    func create(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let input = try req.content.decode(Input.self)
        do {
            guard let scope = TokenScope(rawValue: input.scope ?? "") else {
                throw DomainError.invalid(["scope": "Choose read or write."])
            }
            let made = try await APITokens.create(
                req.db, actor, for: try userID(actor), name: input.name ?? "", scope: scope)
            let response = try await page(req, status: .created, newSecret: made.secret)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch DomainError.invalid(let errors) {
            return try await page(
                req, status: .unprocessableEntity, values: ["name": input.name ?? "", "scope": input.scope ?? ""],
                errors: errors)
        }
    }

    func revoke(req: Request) async throws -> Response {
        try await APITokens.revoke(req.db, try req.requireActor(), id: try req.uuid("item"))
        return req.redirect(to: Link.tokens.path, notice: "Revoked the token. Scripts using it now get 401.")
    }

    private func page(
        _ req: Request, status: HTTPStatus = .ok, newSecret: String? = nil,
        values: [String: String] = [:], errors: [String: String] = [:]
    ) async throws -> Response {
        let tokens = try await APITokens.list(req.db, userID: try userID(try req.requireActor()))
        return req.html(
            TokenPages.render(tokens, req.page("API tokens"), newSecret: newSecret, values: values, errors: errors),
            status: status)
    }

    private func userID(_ actor: Actor) throws -> UUID {
        guard let id = actor.userID else { throw Abort(.forbidden, reason: "Only a signed-in user has API tokens.") }
        return id
    }
}
