import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Foundation
import SQLKit

/// What `assure bench` measured on one database.
struct BenchResults: Codable, Sendable {
    var database: String
    var portfolioID: UUID
    var firstProgrammeID: UUID
    var openPeriodID: UUID
    var previousPeriodID: UUID?
    var projects: Int
    var milestoneRows: Int
    var openDashboardRead = Timings()
    var openDashboardBuild = Timings()
    var openDashboard = Timings()
    var publishedFromSnapshot = Timings()
    var publishedCached = Timings()
    var publishedProgramme = Timings()
    var projectPage = Timings()
    var alertingSubmission = Timings()
    var publish = Timings()
    /// Each step of the publications, by `PublicationStep`'s name.
    var publishSteps: [String: Timings] = [:]
    /// The slip forecast refitted at the latest published period, as after its publication (a year of periods read).
    var forecastRefit = Timings()
    /// The same with nothing kept by an earlier refit: a year of reports read (rolled back, so the kept rows stay).
    var forecastRefitFromReports = Timings()
    var floor = Timings()
    var http: [LoadResult] = []
    var streamedJSON: StreamTiming?
    var serverMemory: MemoryReading?
    var peer: PeerComparison?
    var staticFile: StaticFileComparison?
    var stealPercent: Double?

    var ratio: Double { openDashboard.median / floor.median }

    var inProcessSummary: String {
        """
        \(database): \(projects) projects and sub-items; \(milestoneRows) milestone rows in all periods
        open period's dashboard (read + build)  \(openDashboard.summary)
          of which reading                        \(openDashboardRead.summary)
          of which building                       \(openDashboardBuild.summary)
        the same rows by the bare client (floor) \(floor.summary)
        ratio to the floor (medians)             \(String(format: "%.1f", ratio))×
        published period, snapshot read          \(publishedFromSnapshot.summary)
        published period, decoded copy           \(publishedCached.summary)
        published period, one programme's rows   \(publishedProgramme.summary)
        project page, every period               \(projectPage.summary)
        submitting a return that alerts          \(alertingSubmission.summary)
        publishing the open period               \(publish.summary)
        \(publishStepsSummary)
        refitting the slip forecast, afterwards  \(forecastRefit.summary)
          the same with nothing kept (reports)   \(forecastRefitFromReports.summary)
        """
    }

    private var publishStepsSummary: String {
        PublicationStep.allCases.compactMap { step in
            publishSteps[step.rawValue].map {
                "  \(step.rawValue.padding(toLength: 38, withPad: " ", startingAt: 0)) \($0.summary)"
            }
        }.joined(separator: "\n")
    }

    var httpSummary: String {
        (http.map { load in
            "\(load.route)\n    \(String(format: "%.0f", load.requestsPerSecond)) req/s, p50 \(String(format: "%.1f", load.p50Milliseconds)) ms, p99 \(String(format: "%.1f", load.p99Milliseconds)) ms, \(load.requests) requests, \(load.errors) errors, \(load.bytesPerResponse) bytes each"
        } + (streamedJSON.map { [$0.summary] } ?? []) + [
            serverMemory.map {
                "server memory: peak \(String(format: "%.0f", $0.peakMB)) MB, now \(String(format: "%.0f", $0.residentMB)) MB"
            } ?? "server memory: not read"
        ])
        .joined(separator: "\n")
    }
}

/// The measurements made inside the process, through the same functions the web app calls.
struct InProcessBench {
    static let userEmail = "bench@assure.invalid"
    static let userPassword = "benchmark-only-\(getpid())-password"

    let db: Database
    let iterations: Int
    let publishIterations: Int

    private struct RolledBack: Error { let elapsed: Double }

    func run() async throws -> BenchResults {
        let (summary, open) = try await target()
        let previous = summary.latestPublished
        let report = try await Reports.report(db, periodID: open.id)  // warm up
        guard let firstProgramme = report.programmes.first?.programme.id else {
            throw BenchError("the portfolio has no programmes")
        }
        var results = BenchResults(
            database: summary.info.name, portfolioID: summary.info.id,
            firstProgrammeID: firstProgramme, openPeriodID: open.id, previousPeriodID: previous?.id,
            projects: report.allRows.count + report.allRows.flatMap(\.children).count,
            milestoneRows: try await Reports.milestoneRowCount(db, portfolioID: summary.info.id))
        for _ in 0..<iterations {
            let start = Clock.now()
            let data = try await Reports.periodData(db, periodID: open.id)
            let read = Clock.now()
            _ = PeriodReportBuilder.build(data)
            let end = Clock.now()
            results.openDashboardRead.seconds.append(read - start)
            results.openDashboardBuild.seconds.append(end - read)
        }
        results.openDashboard = try await Clock.repeatedly(iterations) {
            _ = try await Reports.report(db, periodID: open.id)
        }
        if let previous {
            results.publishedFromSnapshot = try await Clock.repeatedly(iterations) {
                Reports.forgetDecodedSnapshots()
                _ = try await Reports.report(db, periodID: previous.id)
            }
            results.publishedCached = try await Clock.repeatedly(iterations) {
                _ = try await Reports.report(db, periodID: previous.id)
            }
            results.publishedProgramme = try await Clock.repeatedly(iterations) {
                Reports.forgetDecodedSnapshots()
                _ = try await Reports.report(db, periodID: previous.id, programme: firstProgramme)
            }
        }
        guard let project = report.programmes.first?.projects.first else {
            throw BenchError("the first programme has no projects")
        }
        results.projectPage = try await Clock.repeatedly(iterations) {
            _ = try await Reports.history(db, projectID: project.project.id)
        }
        for _ in 0..<iterations {
            results.alertingSubmission.seconds.append(try await submitRed(open.id, project.project.id))
        }
        for _ in 0..<publishIterations {
            let steps = StepClock()
            // Published and rolled back, so every run publishes the same month the way the PMO would.
            do {
                try await db.transaction { db in
                    let start = Clock.now()
                    _ = try await PeriodLifecycle.publish(
                        db, .commandLine("bench"), periodID: open.id, missing: .carryForward,
                        afterStep: steps.record)
                    throw RolledBack(elapsed: Clock.now() - start)
                }
            } catch let rolledBack as RolledBack {
                results.publish.seconds.append(rolledBack.elapsed)
                for (step, seconds) in steps.elapsed {
                    results.publishSteps[step.rawValue, default: Timings()].seconds.append(seconds)
                }
            }
        }
        if let previous {
            // Writes the same forecasts the previous period's publication kept (or would have kept) in their place.
            results.forecastRefit = try await Clock.repeatedly(publishIterations) {
                _ = try await PeriodLifecycle.refitForecast(db, periodID: previous.id)
            }
            do {
                try await db.transaction { db in
                    try await (db as! any SQLDatabase).raw("DELETE FROM milestone_observations").run()
                    let start = Clock.now()
                    _ = try await PeriodLifecycle.refitForecast(db, periodID: previous.id)
                    throw RolledBack(elapsed: Clock.now() - start)
                }
            } catch let rolledBack as RolledBack {
                results.forecastRefitFromReports.seconds.append(rolledBack.elapsed)
            }
        }
        try await ensureUser()
        return results
    }

    /// Submits the project's return as Red, which alerts its SRO, and rolls it back: the time of the submission. (The
    /// generator approves every return, so it is first returned for changes, untimed, as an SRO would.)
    private func submitRed(_ periodID: UUID, _ projectID: UUID) async throws -> Double {
        let sheet = try await Returns.sheet(db, periodID: periodID, projectID: projectID)
        var form = sheet.form
        form.rating = "Red"
        form.update = form.update.isEmpty ? "Benchmark: declined to Red." : form.update
        let submitted = form
        do {
            try await db.transaction { db in
                var version = sheet.version
                if sheet.state == .approved {
                    try await Returns.review(
                        db, .commandLine("bench reviewer"), periodID: periodID, projectID: projectID,
                        action: .returnForChanges, comment: "Benchmark.", baseVersion: version)
                    version = try await Returns.sheet(db, periodID: periodID, projectID: projectID).version
                }
                var form = submitted
                form.baseVersion = version
                let start = Clock.now()
                try await Returns.save(db, .commandLine("bench"), periodID: periodID, projectID: projectID, form: form)
                throw RolledBack(elapsed: Clock.now() - start)
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.elapsed
        }
        throw BenchError("the submission was not rolled back")
    }

    /// The portfolio with an open period (the generated one).
    private func target() async throws -> (PortfolioSummary, PeriodInfo) {
        for summary in try await Catalogue.portfolios(db) {
            if let open = summary.periods.last(where: { $0.status == .open }) { return (summary, open) }
        }
        throw BenchError("no portfolio has an open period: generate one with `assure demo generate`")
    }

    private func ensureUser() async throws {
        if try await Users.list(db).contains(where: { $0.email == Self.userEmail }) {
            try await Users.resetPassword(
                db, .commandLine("bench"), email: Self.userEmail, password: Self.userPassword, cost: 4)
        } else {
            _ = try await Users.add(
                db, .commandLine("bench"), email: Self.userEmail, name: "Benchmark", role: .viewer,
                password: Self.userPassword, cost: 4)
        }
    }
}

/// The time each step of a publication took, from the publication's own calls after each step.
private final class StepClock: @unchecked Sendable {
    private let lock = NSLock()
    private var last = Clock.now()
    private(set) var elapsed: [(PublicationStep, Double)] = []

    func record(_ step: PublicationStep) {
        lock.withLock {
            let now = Clock.now()
            elapsed.append((step, now - last))
            last = now
        }
    }
}
