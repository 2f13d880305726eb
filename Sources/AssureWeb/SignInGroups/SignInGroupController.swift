import AssureApp
import AssureCore
import AssureOpenID
import AssureStorage
import Vapor

/// The PMO gives groups of the organisation's sign-in service a role, and takes it away. Each is one
/// `SignInGroupRoles` action, audited; the sign-in reads them with the settings file's own mapping.
struct SignInGroupController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.signInGroups) { req in try await page(req) }
        routes.post(.signInGroups, use: set)
        routes.post(.removeSignInGroup, use: remove)
    }

    struct Input: Content {
        var provider: String?
        var group: String?
        var role: String?
    }

    func set(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        do {
            let set = try await SignInGroupRoles.set(
                req.db, try req.requireActor(), provider: input.provider ?? "", group: input.group ?? "",
                role: input.role ?? "", providers: req.settings.signIn.providers.map(\.name))
            return req.redirect(
                to: Link.signInGroups.path,
                notice: "Members of \(set.group) are now given \(set.role.rawValue) when they sign in.")
        } catch DomainError.invalid(let errors) {
            return try await page(
                req,
                values: ["provider": input.provider ?? "", "group": input.group ?? "", "role": input.role ?? ""],
                errors: errors, status: .unprocessableEntity)
        }
    }

    func remove(req: Request) async throws -> Response {
        try await SignInGroupRoles.remove(req.db, try req.requireActor(), id: try req.uuid("item"))
        return req.redirect(
            to: Link.signInGroups.path,
            notice: "Removed the group's role: accounts keep the roles they have; new members wait for the PMO.")
    }

    private func page(
        _ req: Request, values: [String: String] = [:], errors: [String: String] = [:], status: HTTPStatus = .ok
    ) async throws -> Response {
        guard try req.requireActor().canManageUsers else {
            throw DomainError.forbidden("only the PMO (admin) maps groups to roles")
        }
        let model = SignInGroupPageModel(
            services: req.settings.signIn.providers.map(SignInGroupPageModel.Service.init),
            mappings: try await SignInGroupRoles.list(req.db), values: values, errors: errors)
        return req.html(SignInGroupPages.render(model, req.page("Sign-in groups")), status: status)
    }
}

extension SignInGroupPageModel.Service {
    init(_ settings: OpenIDProviderSettings) {
        self.init(
            name: settings.name, label: settings.label, groupsClaim: settings.groupsClaim,
            createsAccounts: settings.createUsers,
            fromSettings: settings.groupRoles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
}
