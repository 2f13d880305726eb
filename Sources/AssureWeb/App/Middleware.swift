import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Crypto
import Fluent
import Foundation
import Vapor

struct ActorKey: StorageKey { typealias Value = Actor }
struct TokenScopeKey: StorageKey { typealias Value = TokenScope }

extension Request {
    /// The signed-in user, if any.
    var actor: Actor? { storage[ActorKey.self] }

    func requireActor() throws -> Actor {
        guard let actor else { throw Abort(.unauthorized, reason: "Sign in first.") }
        return actor
    }

    /// The scope of the API token this request came with; nil for a browser session.
    var tokenScope: TokenScope? { storage[TokenScopeKey.self] }

    /// The actor, for a route that writes: a read-only token is refused whatever its user may do.
    func requireWriter() throws -> Actor {
        if tokenScope == .read {
            throw Abort(.forbidden, reason: "This API token may only read; make one with the write scope.")
        }
        return try requireActor()
    }

    /// The PMO, by a token that may write: the registers are theirs to change. Refused before any version is
    /// compared, so a client that may not is told so rather than asked for If-Match.
    func requireRegisterEditor() throws -> Actor {
        let actor = try requireWriter()
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) changes the registers")
        }
        return actor
    }

    /// A value of the session the request came with, read without making one: asking `session` makes a session,
    /// which Vapor then stores and sends a cookie for. A script with a token, a health check or a first visit reads
    /// through here, and leaves no session behind.
    func sessionValue(_ key: String) -> String? {
        hasSession ? session.data[key] : nil
    }

    /// The session's CSRF token, made on first use.
    var csrfToken: String {
        if let token = session.data["csrf"] { return token }
        let token = RandomToken.urlSafe()
        session.data["csrf"] = token
        return token
    }

    func page(_ title: String, notice: String? = nil) -> PageContext {
        PageContext(
            actor: actor, csrf: csrfToken, title: title,
            notice: notice
                ?? session.data["notice"].map { text in
                    session.data["notice"] = nil
                    return text
                }, path: url.path, reviewCount: storage[ReviewCountKey.self])
    }

    func html(_ body: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: body))
    }

    /// Redirect after a successful POST, with a message for the next page.
    func redirect(to path: String, notice: String) -> Response {
        session.data["notice"] = notice
        return redirect(to: path, redirectType: .normal)
    }
}

/// A browser comes with a session cookie: its user is the request's actor, re-read on every request so that a role
/// change or a disabled account applies at once. (A script's token is read by `APITokenMiddleware`, on API routes.)
struct CurrentActorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        if let text = request.sessionValue("userID"), let id = UUID(uuidString: text) {
            // A session past its lifetime is ended here, so a cookie kept beyond its Max-Age (or copied) opens nothing.
            let signedIn =
                request.session.data["signedInAt"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:))
                ?? .distantPast
            if request.now.timeIntervalSince(signedIn) > AppSettings.sessionLifetime {
                request.session.destroy()
            } else if var actor = try await Users.actor(request.db, userID: id) {
                actor.address = request.clientAddress
                request.storage[ActorKey.self] = actor
                // An SRO's or clinical lead's navigation counts the returns waiting for them: one query, made only
                // when a browser asks for a page (not for the stylesheet, nor for a script's JSON).
                let asksForPage = request.headers.accept.contains { $0.mediaType == .html }
                if request.method == .GET, asksForPage, actor.role != .admin {
                    request.storage[ReviewCountKey.self] = try await Work.waitingForReview(request.db, actor)
                }
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

/// On the API's routes, a script comes with `Authorization: Bearer <token>`: the token's user is the actor, in place
/// of any session's, and its scope limits what it may do.
struct APITokenMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else { return try await next.respond(to: request) }
        guard let (tokenUser, scope) = try await APITokens.authenticate(request.db, secret: bearer.token) else {
            return APIProblem(.unauthorized, detail: "This API token is unknown or revoked.").response()
        }
        var actor = tokenUser
        actor.address = request.clientAddress
        request.storage[ActorKey.self] = actor
        request.storage[TokenScopeKey.self] = scope
        return try await next.respond(to: request)
    }
}

/// A route's forms: its body limit (an upload's, a form's, or a small form's 16 KB) checked before the body is read,
/// uploads refused to whoever may not upload there before a byte of one is read, and every state-changing request
/// carrying the session's token, in the form (`_csrf`) or in the X-CSRF-Token header. Only the token is looked for in
/// the body.
struct FormGuardMiddleware: AsyncMiddleware {
    let route: AppRoute

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method) else {
            return try await next.respond(to: request)
        }
        // Whoever may not upload here, by a session or by a token (a read token never may), is refused before a byte
        // of the upload is read.
        if route.acceptsUpload, let actor = request.actor,
            !route.mayUpload(actor) || request.tokenScope == .read
        {
            throw Abort(.forbidden, reason: "You may not upload files here.")
        }
        // A token is sent by a script, never attached by a browser on its own, so it needs no CSRF token; its
        // route's own body limit applies.
        guard request.tokenScope == nil else { return try await next.respond(to: request) }
        let limit = route.bodyLimit
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > limit {
            throw Abort(.payloadTooLarge, reason: "This form is larger than Assure accepts here (\(limit / 1024) KB).")
        }
        let expected = request.sessionValue("csrf")
        var sent = request.headers.first(name: "X-CSRF-Token")
        var carriesNUL = false
        if sent == nil {
            // A body larger than a network read arrives in chunks: read it here, to the route's limit (past it, 413).
            let body = try await request.body.collect(max: limit).get()
            sent = body.flatMap { FormToken.value(of: "_csrf", in: $0, contentType: request.headers.contentType) }
            carriesNUL = request.headers.contentType == .urlEncodedForm && body.map(NULCharacters.inForm) == true
        }
        guard let expected, let sent, Data(expected.utf8).count == Data(sent.utf8).count,
            zip(expected.utf8, sent.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
        else {
            throw Abort(
                .forbidden,
                reason: "This form has expired or did not come from Assure. Go back, reload the page and try again.")
        }
        if carriesNUL { throw DomainError.invalid(["form": "A field " + NULCharacters.message + "."]) }
        return try await next.respond(to: request)
    }
}

/// Pages and the API need someone signed in (or, for the API, a token): a page sends anyone else to sign in before
/// their form is looked at; the API answers 401.
struct SignedInMiddleware: AsyncMiddleware {
    let access: RouteAccess

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.actor == nil else { return try await next.respond(to: request) }
        if access == .api { throw Abort(.unauthorized, reason: "Sign in first.") }
        return request.redirect(to: Link.login.path)
    }
}

/// Until the first administrator exists, every page leads to set-up. Once one exists it always will.
actor SetupState {
    private var done = false
    func isDone(_ db: Database) async throws -> Bool {
        if done { return true }
        done = try await !Catalogue.isEmpty(db)
        return done
    }
}

/// Until the first administrator exists, every request leads to set-up; once one exists, set-up is closed.
struct SetupGateMiddleware: AsyncMiddleware {
    let setup: SetupState

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let path = request.url.path
        let setupDone = try await setup.isDone(request.db)
        if !setupDone, path != Link.setup.path, path != Link.stylesheet.path {
            return request.redirect(to: Link.setup.path)
        }
        if setupDone, path == Link.setup.path {
            if request.method == .POST { throw Abort(.forbidden, reason: "Assure is already set up.") }
            return request.redirect(to: Link.login.path)
        }
        return try await next.respond(to: request)
    }
}

struct SecurityHeadersMiddleware: AsyncMiddleware {
    /// Served over TLS (an https public URL, or secure cookies): browsers are told to use https only from then on.
    var overTLS = false

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if overTLS { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000") }
        response.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value: "default-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        return response
    }
}

/// Errors become pages (or JSON for the API) with a status a browser and a script can both act on.
struct PageErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            if let refusal = error as? APIRefusal { return refusal.problem.response(etag: refusal.etag) }
            let (status, message) = Self.describe(error)
            if status == .internalServerError { request.logger.report(error: error) }
            if status == .serviceUnavailable { request.logger.warning("Database unreachable: \(error)") }
            let response: Response
            if request.url.path.hasPrefix("/api/") {
                response = APIProblem(error, status: status, message: message).response()
            } else {
                let context = PageContext(
                    actor: request.actor, csrf: request.sessionValue("csrf") ?? "", title: status.reasonPhrase)
                response = request.html(
                    AccountPages.message(context, heading: status.reasonPhrase, text: message), status: status)
            }
            if status == .serviceUnavailable {
                response.headers.replaceOrAdd(name: .retryAfter, value: String(Self.retryAfterSeconds))
            }
            // An error's own headers (Allow on a 405, Retry-After) go with it.
            if let abort = error as? AbortError {
                for (name, value) in abort.headers where name.lowercased() != "content-type" {
                    response.headers.replaceOrAdd(name: name, value: value)
                }
            }
            return response
        }
    }

    /// How long a client is asked to wait when the database cannot be reached: about as long as PostgreSQL takes to
    /// restart, or a failed-over database to be found.
    static let retryAfterSeconds = 5

    static func describe(_ error: Error) -> (HTTPStatus, String) {
        if DatabaseHealth.isUnreachable(error) {
            return (
                .serviceUnavailable,
                "The database cannot be reached just now, so nothing was read or changed. Try again in a few seconds."
            )
        }
        switch error {
        case let storage as DomainError:
            switch storage {
            case .notFound: return (.notFound, storage.description)
            case .forbidden: return (.forbidden, storage.description)
            case .frozen, .conflict: return (.conflict, storage.description)
            case .unreadable: return (.internalServerError, storage.description)
            case .invalid: return (.unprocessableEntity, storage.description)
            }
        case let abort as AbortError:
            return (abort.status, abort.reason)
        default:
            return (.internalServerError, "Something went wrong. Nothing was changed.")
        }
    }
}

struct ReviewCountKey: StorageKey {
    typealias Value = Int
}
