import AssureCore
import AssureStorage
import Fluent
import Vapor

/// What a load balancer asks each server, answered before sessions are read or any page is routed:
/// - `/healthz`: the process is alive and serving (no database asked), so a stuck process is restarted;
/// - `/readyz`: the database answers and its migrations are the ones this server knows, so requests go only to a
///   server that can serve them (503 with the reason and Retry-After otherwise).
/// - `/metrics`: Prometheus' scrape (see `ServerMetrics`), for addresses in `--metrics-from` only (loopback unless
///   told) asking directly rather than through the balancer, since it names the routes and how busy they are; anyone
///   else is told there is no such page.
/// Every other response says which server answered (`X-Served-By`), for the operator reading a balancer's logs.
struct HealthCheckMiddleware: AsyncMiddleware {
    static let livePath = "/healthz"
    static let readyPath = "/readyz"
    static let metricsPath = "/metrics"

    let serverName: String
    let expectedMigrations: [String]
    let metricsFrom: [NetworkRange]
    let connections: Int

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard request.method == .GET || request.method == .HEAD else { return try await served(request, next) }
        switch request.url.path {
        case Self.livePath:
            return Self.text(.ok, "alive: \(serverName)")
        case Self.readyPath:
            if let problem = await DatabaseHealth.problem(request.db, expectedMigrations: expectedMigrations) {
                request.logger.warning("Not ready: \(problem)")
                let response = Self.text(.serviceUnavailable, "not ready: \(serverName): \(problem)")
                response.headers.replaceOrAdd(name: .retryAfter, value: String(PageErrorMiddleware.retryAfterSeconds))
                return response
            }
            return Self.text(.ok, "ready: \(serverName)")
        case Self.metricsPath:
            // Asked directly, never through the balancer (which would add X-Forwarded-For).
            guard request.headers[.xForwardedFor].isEmpty, let peer = request.remoteAddress?.ipAddress,
                metricsFrom.contains(where: { $0.contains(peer) })
            else {
                return try await served(request, next)
            }
            let response = Self.text(
                .ok,
                await ServerMetrics.exposition(
                    request.db, connections: connections, keptAnswerBytes: request.application.keptAnswers.keptBytes))
            response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
            return response
        default:
            return try await served(request, next)
        }
    }

    private func served(_ request: Request, _ next: AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Served-By", value: serverName)
        return response
    }

    private static func text(_ status: HTTPStatus, _ text: String) -> Response {
        Response(
            status: status,
            headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"],
            body: .init(string: text.hasSuffix("\n") ? text : text + "\n"))
    }
}
