import AssureApp
import AssureCore
import AssureOpenID
import AssureStorage
import Foundation
import Vapor

/// Signing in with the organisation's account (OpenID Connect, authorisation code flow with PKCE), and signing out of
/// Assure with the offer of signing out of the provider too.
///
/// The sign-in's secrets (state, nonce, PKCE verifier) wait in the session, which is in the database, so the provider
/// may send the browser back to any server behind the balancer. They are used once: taken out of the session as the
/// browser returns, whatever happens next.
struct SignInController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.signInWith, use: start)
        routes.get(.signInReturn, use: finish)
    }

    static let pendingKey = "openIDSignIn"

    func start(req: Request) async throws -> Response {
        let provider = try req.openIDProvider()
        let secrets = SignInSecrets(provider: provider.settings.name, startedAt: req.now)
        req.session.data[Self.pendingKey] = String(decoding: try JSONEncoder().encode(secrets), as: UTF8.self)
        do {
            let url = try await provider.authorizationURL(
                redirectURI: req.returnAddress(provider.settings.name), state: secrets.state, nonce: secrets.nonce,
                codeChallenge: secrets.codeChallenge)
            return req.redirect(to: url, redirectType: .normal)
        } catch let error as OpenIDError {
            req.logger.warning("Sign-in with \(provider.settings.name) could not start: \(error)")
            return req.signInRefused(error.description, status: .badGateway)
        }
    }

    func finish(req: Request) async throws -> Response {
        let provider = try req.openIDProvider()
        let label = provider.settings.label
        let pending = req.session.data[Self.pendingKey].flatMap {
            try? JSONDecoder().decode(SignInSecrets.self, from: Data($0.utf8))
        }
        req.session.data[Self.pendingKey] = nil
        guard let pending, pending.provider == provider.settings.name,
            let state = try? req.query.get(String.self, at: "state"), pending.state == state,
            req.now.timeIntervalSince(pending.startedAt) < SignInSecrets.lifetime
        else {
            return req.signInRefused(
                "This sign-in with \(label) has expired, was already used, or was started in another browser. "
                    + "Start again.", status: .badRequest)
        }
        if let error = try? req.query.get(String.self, at: "error") {
            let detail = (try? req.query.get(String.self, at: "error_description")).map { ": \($0)" } ?? ""
            return req.signInRefused(
                "\(label) did not sign you in (\(error.prefix(100))\(detail.prefix(300))).", status: .unauthorized)
        }
        guard let code = try? req.query.get(String.self, at: "code"), !code.isEmpty else {
            return req.signInRefused("\(label) sent no sign-in code back. Start again.", status: .badRequest)
        }
        let identity: VerifiedIdentity
        let idToken: String
        do {
            idToken = try await provider.redeem(
                code: code, verifier: pending.verifier, redirectURI: req.returnAddress(provider.settings.name))
            identity = try await provider.verify(idToken: idToken, nonce: pending.nonce, now: req.now)
        } catch let error as OpenIDError {
            req.logger.warning("Sign-in with \(provider.settings.name) refused: \(error)")
            return req.signInRefused(error.description, status: .unauthorized)
        }
        let mapped = try await SignInGroupRoles.roles(req.db, provider: provider.settings.name)
        let outcome = try await ProviderSignIns.signIn(
            req.db, provider: label, email: identity.email, name: identity.name,
            groupRole: provider.settings.role(forGroups: identity.groups, alsoMapped: mapped),
            createUsers: provider.settings.createUsers,
            address: req.clientAddress, cost: req.settings.bcryptCost)
        switch outcome {
        case .signedIn(let actor):
            guard let userID = actor.userID else { throw Abort(.internalServerError) }
            try await req.startSession(userID: userID)
            req.session.data["signedInWith"] = provider.settings.name
            req.session.data["idToken"] = idToken
            return req.redirect(to: Link.home.path, notice: "Signed in with \(label) as \(actor.name).")
        case .awaitingRole(let name):
            return req.signInRefused(
                "\(label) has signed you in as \(name) (\(identity.email)), but the PMO has not yet given you a role "
                    + "in Assure. They can see that you asked; sign in again once they have.", status: .forbidden)
        case .noAccount(let email):
            return req.signInRefused(
                "There is no Assure account for \(email). Ask the PMO to add you, then sign in with \(label) again.",
                status: .forbidden)
        case .disabled:
            return req.signInRefused("Your Assure account is disabled. Ask the PMO.", status: .forbidden)
        }
    }
}

extension Request {
    func openIDProvider() throws -> OpenIDProvider {
        guard let name = parameters.get("provider"), let provider = application.openIDProviders[name] else {
            throw Abort(.notFound, reason: "No such sign-in service.")
        }
        return provider
    }

    /// Where the provider sends the browser back: the public address, as registered with the provider.
    func returnAddress(_ provider: String) -> String {
        settings.address(of: .signInReturn(provider: provider))
    }

    func signInRefused(_ message: String, status: HTTPStatus) -> Response {
        html(AccountPages.login(page("Sign in"), error: message, signIn: signInChoices), status: status)
    }

    /// What the sign-in page offers: each provider, and the password form unless passwords are switched off.
    var signInChoices: AccountPages.SignInChoices {
        AccountPages.SignInChoices(
            providers: settings.signIn.providers.map {
                .init(label: $0.label, path: Link.signInWith(provider: $0.name).path)
            },
            passwords: settings.signIn.localPasswords, demoHint: settings.loadDemo)
    }

    /// A new session id on sign-in, so an id seen before sign-in is worth nothing after it; stamped with the time,
    /// so the server ends it after `AppSettings.sessionLifetime`.
    func startSession(userID: UUID) async throws {
        if let old = session.id {
            try await application.sessions.driver.deleteSession(old, for: self).get()
        }
        session.id = nil
        session.data = SessionData()
        session.data["userID"] = userID.uuidString
        session.data["signedInAt"] = String(Int(now.timeIntervalSince1970))
    }
}

struct OpenIDProvidersKey: StorageKey { typealias Value = [String: OpenIDProvider] }

extension Application {
    /// The configured providers by name, each keeping its discovery document and keys between sign-ins.
    var openIDProviders: [String: OpenIDProvider] {
        get { storage[OpenIDProvidersKey.self] ?? [:] }
        set { storage[OpenIDProvidersKey.self] = newValue }
    }
}
