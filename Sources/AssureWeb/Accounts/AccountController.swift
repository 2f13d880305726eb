import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Sign in and out, first-run set-up, users and the audit log.
struct AccountController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.login, use: loginPage)
        routes.post(.login, use: login)
        routes.post(.logout, use: logout)
        routes.get(.setup, use: setupPage)
        routes.post(.setup, use: setup)
        routes.get(.users, use: usersPage)
        routes.post(.users, use: addUser)
        routes.get(.audit, use: audit)
        routes.get(.changePassword, use: passwordPage)
        routes.post(.changePassword, use: changePassword)
    }

    struct LoginInput: Content { var email: String?; var password: String? }

    func loginPage(req: Request) async throws -> Response {
        if req.actor != nil { return req.redirect(to: Link.home.path) }
        return req.html(AccountPages.login(req.page("Sign in"), signIn: req.signInChoices))
    }

    func login(req: Request) async throws -> Response {
        guard req.settings.signIn.localPasswords else { return Self.passwordsOff(req) }
        let input = try req.content.decode(LoginInput.self)
        let email = input.email ?? ""
        let attempt: UUID
        switch try await LoginAttempts.begin(req.db, email: email, address: req.clientAddress, now: req.now) {
        case .allowed(let id): attempt = id
        case .blocked(let until, let reason):
            // Whole seconds first: a failure's time read back from the database may be a microsecond off the one
            // written, and a fifteen-minute wait is not to be told as sixteen.
            let seconds = max(1, Int(until.timeIntervalSince(req.now).rounded()))
            let minutes = (seconds + 59) / 60
            let response = req.html(
                AccountPages.login(
                    req.page("Sign in"), email: email,
                    error:
                        "Too many failed sign-ins for \(reason.who). Try again in \(minutes) \(minutes == 1 ? "minute" : "minutes").",
                    signIn: req.signInChoices), status: .tooManyRequests)
            response.headers.replaceOrAdd(
                name: .retryAfter, value: String(seconds))
            return response
        }
        let authenticated = try await Users.authenticate(req.db, email: email, password: input.password ?? "")
        try await LoginAttempts.finish(req.db, attempt, succeeded: authenticated != nil, now: req.now)
        guard let actor = authenticated, let userID = actor.userID else {
            return req.html(
                AccountPages.login(
                    req.page("Sign in"), email: email, error: "The email or password is not right.",
                    signIn: req.signInChoices), status: .unauthorized)
        }
        try await req.startSession(userID: userID)
        return req.redirect(to: Link.home.path, notice: "Signed in as \(actor.name).")
    }

    /// Ends the Assure session. Someone who signed in through a provider is still signed in there (and so would be
    /// signed straight back in): the page offers the provider's own sign-out, which returns to Assure's sign-in page.
    func logout(req: Request) async throws -> Response {
        let provider = req.session.data["signedInWith"].flatMap { req.application.openIDProviders[$0] }
        let idToken = req.session.data["idToken"]
        req.session.destroy()
        guard let provider,
            let url = await provider.signOutURL(idToken: idToken, returnTo: req.settings.address(of: .login))
        else { return req.redirect(to: Link.login.path) }
        // Drawn as for someone signed out: the request still carries the actor it arrived with.
        var context = req.page("Signed out")
        context.actor = nil
        context.reviewCount = nil
        return req.html(AccountPages.signedOut(context, provider: provider.settings.label, signOutURL: url))
    }

    /// With local passwords switched off, a posted password is refused whatever it is, and the page offers the
    /// organisation's sign-in.
    static func passwordsOff(_ req: Request) -> Response {
        req.signInRefused(
            "Passwords are switched off here: sign in with your organisation's account.", status: .forbidden)
    }

    func setupPage(req: Request) async throws -> Response {
        req.html(AccountPages.setup(req.page("Set up Assure")))
    }

    struct NewUserInput: Content {
        var name: String?; var email: String?; var password: String?; var role: String?; var programme: String?
    }

    func setup(req: Request) async throws -> Response {
        let input = try req.content.decode(NewUserInput.self)
        guard try await Catalogue.isEmpty(req.db) else { throw Abort(.forbidden, reason: "Assure is already set up.") }
        do {
            let user = try await Users.add(
                req.db, Actor(userID: nil, name: "first-run set-up", role: .admin),
                email: input.email ?? "", name: input.name ?? "", role: .admin,
                password: input.password ?? "", cost: req.settings.bcryptCost)
            try await req.startSession(userID: user.id)
            return req.redirect(to: Link.home.path, notice: "Welcome, \(user.name). You are the administrator.")
        } catch DomainError.invalid(let errors) {
            return req.html(
                AccountPages.setup(
                    req.page("Set up Assure"), values: ["name": input.name ?? "", "email": input.email ?? ""],
                    errors: errors), status: .unprocessableEntity)
        }
    }

    func usersPage(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard actor.canManageUsers else { throw DomainError.forbidden("only an admin manages users") }
        let users = try await Users.list(req.db)
        if let format = try req.requestedDownload() {
            return try req.download([ExportTables.users(users)], as: format, name: "users")
        }
        return req.html(
            AccountPages.users(users, programmes: try await Catalogue.allProgrammes(req.db), req.page("Users")))
    }

    func addUser(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let input = try req.content.decode(NewUserInput.self)
        let programmes = try await Catalogue.allProgrammes(req.db)
        do {
            guard let role = Role(rawValue: input.role ?? "") else {
                throw DomainError.invalid(["role": "Choose a role."])
            }
            let programmeIDs = programmes.filter { $0.name == input.programme }.map(\.id)
            let user = try await Users.add(
                req.db, actor, email: input.email ?? "", name: input.name ?? "", role: role,
                password: input.password ?? "", programmeIDs: programmeIDs, cost: req.settings.bcryptCost)
            return req.redirect(to: Link.users.path, notice: "Added \(user.name).")
        } catch DomainError.invalid(let errors) {
            let values = [
                "name": input.name ?? "", "email": input.email ?? "", "role": input.role ?? "",
                "programme": input.programme ?? "",
            ]
            return req.html(
                AccountPages.users(
                    try await Users.list(req.db), programmes: programmes, req.page("Users"),
                    values: values, errors: errors), status: .unprocessableEntity)
        }
    }

    func audit(req: Request) async throws -> Response {
        guard try req.requireActor().role == .admin else {
            throw DomainError.forbidden("only an admin reads the audit log")
        }
        if let format = try req.requestedDownload() {
            return try req.download(
                [ExportTables.audit(try await AuditLog.recent(req.db, limit: 100_000))], as: format, name: "audit-log")
        }
        var errors: [String: String] = [:]
        func day(_ name: String) -> CalendarDate? {
            guard let text = (try? req.query.get(String.self, at: name))?.nilIfBlank else { return nil }
            guard let date = CalendarDate(iso: text) else {
                errors[name] = "Write the date as a day, for example 2016-10-31."
                return nil
            }
            return date
        }
        let filter = AuditFilter(
            actor: (try? req.query.get(String.self, at: "who"))?.nilIfBlank,
            entity: (try? req.query.get(String.self, at: "what"))?.nilIfBlank, from: day("from"), to: day("to"))
        let offset = max(0, (try? req.query.get(Int.self, at: "offset")) ?? 0)
        let limit = 50
        let found = try await AuditLog.search(req.db, filter, offset: offset, limit: limit)
        let choices = try await AuditLog.choices(req.db)
        let model = AuditPageModel(
            entries: found.entries, total: found.total, offset: offset, limit: limit, filter: filter,
            actors: choices.actors, entities: choices.entities, errors: errors)
        return req.html(AuditPage.render(model, req.page("Audit log")), status: errors.isEmpty ? .ok : .badRequest)
    }

    struct PasswordInput: Content { var old: String?; var new: String?; var confirmation: String? }

    func passwordPage(req: Request) async throws -> Response {
        _ = try req.requireActor()
        guard req.settings.signIn.localPasswords else { return Self.passwordsOff(req) }
        return req.html(AccountPages.changePassword(req.page("Change your password")))
    }

    /// A new password ends every session and token of the user's; this browser is signed in again at once.
    func changePassword(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard req.settings.signIn.localPasswords else { return Self.passwordsOff(req) }
        let input = try req.content.decode(PasswordInput.self)
        do {
            try await Users.changeOwnPassword(
                req.db, actor, old: input.old ?? "", new: input.new ?? "", confirmation: input.confirmation ?? "",
                cost: req.settings.bcryptCost)
        } catch DomainError.invalid(let errors) {
            return req.html(
                AccountPages.changePassword(req.page("Change your password"), errors: errors),
                status: .unprocessableEntity)
        }
        guard let userID = actor.userID else { throw Abort(.forbidden) }
        try await req.startSession(userID: userID)
        return req.redirect(
            to: Link.tokens.path,
            notice: "Password changed. You are signed out everywhere else, and your API tokens are revoked.")
    }
}
