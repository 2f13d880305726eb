import AssureStorage
import CoreMetrics
import Fluent
import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// What Prometheus scrapes from each server at `/metrics`:
/// - every request's count and duration by route pattern and status (`http_requests_total`,
///   `http_request_duration_seconds`, recorded by Vapor through swift-metrics);
/// - worked out as it is scraped: imports running on any server (`assure_import_jobs_running`), the outbox by state
///   (`assure_outbox_messages{status=…}`), whether the database answers (`assure_database_up`), and this server's
///   database connections at most (`assure_database_connections_max`), and what this server holds in memory
///   for readers (`assure_cached_bytes{cache=pages|kept_answers}`, `assure_cached_report_rows`), so that a
///   server's memory can be read against its caches filling up to their bounds.
/// The registry is the process's: one process is one server.
enum ServerMetrics {
    static let registry = PrometheusCollectorRegistry()
    private static let bootstrapped = NIOLockedValueBox(false)

    /// Sends swift-metrics (and so Vapor's request metrics) to the registry, once per process.
    static func bootstrap() {
        bootstrapped.withLockedValue { done in
            guard !done else { return }
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            done = true
        }
    }

    /// The metrics in Prometheus' text format, with the gauges read now.
    static func exposition(_ db: Database, connections: Int, keptAnswerBytes: Int) async -> String {
        do {
            let outbox = try await Outbox.counts(db)
            for status in [OutboxEntry.Status.pending, .sending, .sent, .failed] {
                registry.makeGauge(
                    name: "assure_outbox_messages", labels: [("status", status.rawValue)],
                    help: "Messages in the outbox, by state"
                ).set(Int64(outbox[status] ?? 0))
            }
            registry.makeGauge(name: "assure_import_jobs_running", help: "Imports running now, on any server")
                .set(Int64(try await ImportJobs.running(db)))
            database(up: true)
        } catch {
            database(up: false)
        }
        registry.makeGauge(
            name: "assure_database_connections_max", help: "The most database connections this server opens"
        ).set(Int64(connections))
        for (cache, bytes) in [("pages", PublishedResponses.cache.cost), ("kept_answers", keptAnswerBytes)] {
            registry.makeGauge(
                name: "assure_cached_bytes", labels: [("cache", cache)],
                help: "Bytes of pages this server holds for readers, by cache (each bounded)"
            ).set(Int64(bytes))
        }
        registry.makeGauge(
            name: "assure_cached_report_rows", help: "Rows of published reports this server holds decoded (bounded)"
        ).set(Int64(Reports.cachedReportRows))
        return registry.emitToString()
    }

    private static func database(up: Bool) {
        registry.makeGauge(name: "assure_database_up", help: "1 when the database answered the last scrape")
            .set(Int64(up ? 1 : 0))
    }
}
