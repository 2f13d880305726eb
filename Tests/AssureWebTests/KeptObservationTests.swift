import AssureApp
import AssureCore
import AssureDemo
import AssureStorage
import AssureTestSupport
import Foundation
import SQLKit
import Testing

@testable import AssureWeb

/// The slip forecast's refit learns from a year of periods. Each period's milestones are kept as small rows by the
/// refit that first reads them, so the next reads those instead of a year of reports: the same facts, the same model.
@Suite("The slip forecast's kept milestones")
struct KeptObservationTests {
    static func kept(_ db: any SQLDatabase, _ periodID: UUID) async throws -> Int {
        try #require(
            try await db.raw("SELECT COUNT(*) AS n FROM milestone_observations WHERE period_id = \(bind: periodID)")
                .first(decoding: Count.self)
        ).n
    }

    struct Count: Decodable { let n: Int }

    @Test(
        "Given five published months, the refit kept each month's milestones; a refit from them learns exactly what it learns from the reports; a re-opened month's go with its snapshot",
        arguments: Backend.all)
    func keptAsReported(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let spec = SyntheticPortfolio(projects: 40, milestonesPerProject: 3, periods: 6, seed: 11)
            let portfolio = try await Catalogue.portfolio(app.db, id: try await SyntheticLoader.load(app.db, spec))
            let published = portfolio.periods.filter { $0.status == .published }
            let latest = try #require(published.last)
            #expect(published.count == 5)
            // then the loader's refit, at the last publication, kept every published month's milestones
            let sql = try #require(app.db as? any SQLDatabase)
            for period in published { #expect(try await Self.kept(sql, period.id) > 0, "\(period.key)") }
            // when a refit reads them back, they are the milestones the reports give, and the forecast the same
            var fromReports: [PeriodMilestones] = []
            for period in published {
                fromReports.append(PeriodMilestones(try await Reports.report(app.db, periodID: period.id)))
            }
            let fromKept = try await SlipForecasts.history(
                app.db, upTo: try await Reports.report(app.db, periodID: latest.id))
            #expect(fromKept == fromReports)
            // and a period's milestones read from its lines a few at a time (sub-items split from their projects) are
            // those its whole report gives
            for part in [1, 7, 5_000] {
                let read = try #require(
                    try await SlipForecasts.PublishedMilestones.read(app.db, periodID: latest.id, part: part))
                #expect(read.milestones == fromReports.last, "\(part) lines at a time")
                #expect(read.portfolioID == portfolio.info.id && read.periodID == latest.id)
            }
            // and kept milestones read back a few rows at a time are the same, in the same order
            for part in [1, 7] {
                let kept = try await MilestoneObservations.read(app.db, periodID: latest.id, part: part)
                #expect(kept == fromReports.last?.milestones, "\(part) rows at a time")
            }
            let open = try #require(portfolio.periods.first { $0.status == .open })
            #expect(try await SlipForecasts.PublishedMilestones.read(app.db, periodID: open.id) == nil)
            let forecast = try #require(SlipForecast.latest(fromKept))
            #expect(forecast.count > 20)
            #expect(forecast.map(\.chance) == SlipForecast.latest(fromReports)?.map(\.chance))
            // when the last month is re-opened, its kept milestones go with its snapshot; the others stay
            _ = try await PeriodLifecycle.reopen(
                app.db, .commandLine("test"), periodID: latest.id, reason: "A late correction.")
            #expect(try await Self.kept(sql, latest.id) == 0)
            #expect(try await Self.kept(sql, published[0].id) > 0)
        }
    }
}
