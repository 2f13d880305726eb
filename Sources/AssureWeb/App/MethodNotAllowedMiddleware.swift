import Vapor

/// A path that exists with other methods answers 405 with `Allow`, not 404: a script learns it used the wrong verb.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as AbortError where abort.status == .notFound {
            let allowed = Self.methods(matching: request.url.path, in: request.application.routes.all)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw abort }
            let names = allowed.sorted().joined(separator: ", ")
            throw Abort(.methodNotAllowed, headers: ["Allow": names], reason: "Use \(names) here.")
        }
    }

    /// The methods of the routes whose pattern matches the path.
    static func methods(matching path: String, in routes: [Route]) -> Set<String> {
        Set(routes.filter { AppRoute.matches(pattern: $0.path.map(\.description), path: path) }.map(\.method.rawValue))
    }
}
