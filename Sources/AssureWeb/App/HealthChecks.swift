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
///
/// Written with futures: every request passes through here first, and a kept page is then answered on its event loop
/// without a task (an `AsyncMiddleware` first in line moved every request onto the task pool and back).
struct HealthCheckMiddleware: Middleware {
    static let livePath = "/healthz"
    static let readyPath = "/readyz"
    static let metricsPath = "/metrics"

    let serverName: String
    let expectedMigrations: [String]
    let metricsFrom: [NetworkRange]
    let connections: Int

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method == .GET || request.method == .HEAD else { return served(request, next) }
        let path = request.targetPath
        if path == Self.livePath {
            return request.eventLoop.makeSucceededFuture(Self.text(.ok, "alive: \(serverName)"))
        }
        if path == Self.readyPath {
            return request.eventLoop.makeFutureWithTask { [serverName, expectedMigrations] in
                if let problem = await DatabaseHealth.problem(request.db, expectedMigrations: expectedMigrations) {
                    request.logger.warning("Not ready: \(problem)")
                    let response = Self.text(.serviceUnavailable, "not ready: \(serverName): \(problem)")
                    response.headers.replaceOrAdd(
                        name: .retryAfter, value: String(PageErrorMiddleware.retryAfterSeconds))
                    return response
                }
                return Self.text(.ok, "ready: \(serverName)")
            }
        }
        // Asked directly, never through the balancer (which would add X-Forwarded-For).
        if path == Self.metricsPath, request.headers[.xForwardedFor].isEmpty,
            let peer = request.remoteAddress?.ipAddress, metricsFrom.contains(where: { $0.contains(peer) })
        {
            return request.eventLoop.makeFutureWithTask { [connections] in
                let response = Self.text(
                    .ok,
                    await ServerMetrics.exposition(
                        request.db, connections: connections,
                        keptAnswerBytes: request.application.keptAnswers.keptBytes))
                response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
                return response
            }
        }
        return served(request, next)
    }

    private func served(_ request: Request, _ next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { [serverName] response in
            response.headers.replaceOrAdd(name: "X-Served-By", value: serverName)
            return response
        }
    }

    private static func text(_ status: HTTPStatus, _ text: String) -> Response {
        Response(
            status: status,
            headers: ["Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"],
            body: .init(string: text.hasSuffix("\n") ? text : text + "\n"))
    }
}
