import AssureCore
import Vapor

/// Who may reach a route. Decided by what the route is, once, where it is registered; never by matching a request's
/// path against prefixes at request time.
public enum RouteAccess: Sendable {
    /// Signing in, set-up, the stylesheet and the API's description: anyone.
    case open
    /// Pages: a signed-in session; anyone else is sent to sign in.
    case page
    /// The JSON API: a session or an API token; anyone else gets 401.
    case api
}

extension AppRoute {
    public var access: RouteAccess { isPublic ? .open : isAPI ? .api : .page }
}

/// A controller's routes, registered through `AppRoutes` so that each lands in its access group.
protocol AppRouteCollection {
    func boot(routes: AppRoutes) throws
}

/// Registers each route in the group its `access` names, with the guard of its own forms (body limit, uploads,
/// CSRF token): the route decides, and a new route cannot be registered outside a group.
struct AppRoutes {
    let base: any RoutesBuilder

    private func group(_ route: AppRoute) -> any RoutesBuilder {
        let forms = FormGuardMiddleware(route: route)
        switch route.access {
        case .open: return base.grouped(forms)
        case .page: return base.grouped(SignedInMiddleware(access: .page), forms)
        case .api:
            return base.grouped(
                APITokenMiddleware(), SignedInMiddleware(access: .api), forms, IdempotencyMiddleware(route: route))
        }
    }

    @discardableResult
    func get(
        _ route: AppRoute, use closure: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        group(route).get(route.components, use: Self.onAppClock(closure))
    }

    @discardableResult
    func post(
        _ route: AppRoute, use closure: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        group(route).post(route.components, use: Self.onAppClock(closure))
    }

    @discardableResult
    func on(
        _ method: HTTPMethod, _ route: AppRoute, body: HTTPBodyStreamStrategy,
        use closure: @Sendable @escaping (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        group(route).on(method, route.components, body: body, use: Self.onAppClock(closure))
    }

    /// The handler with the app's clock as every layer's clock (`WallClock.now`), so that what storage and the
    /// application layer stamp is the time the web reads as `req.now`; a test that moves the app's clock moves both.
    /// (Set here, around the handler, because Vapor's middleware chain does not carry task-local values through.)
    private static func onAppClock<Result: AsyncResponseEncodable>(
        _ handler: @Sendable @escaping (Request) async throws -> Result
    ) -> @Sendable (Request) async throws -> Result {
        { request in try await WallClock.using(request.settings.clock) { try await handler(request) } }
    }
}
