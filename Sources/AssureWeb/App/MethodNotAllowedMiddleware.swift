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

    /// The methods of the routes whose pattern matches the path (a `:parameter` matches any one segment).
    static func methods(matching path: String, in routes: [Route]) -> Set<String> {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return Set(routes.filter { route in
            route.path.count == parts.count && zip(route.path, parts).allSatisfy { component, part in
                switch component {
                case .constant(let text): text == part
                case .parameter: true
                default: false
                }
            }
        }.map(\.method.rawValue))
    }
}
