import AssureApp
import AssureCore
import AssureDemo
import AssureStorage
import AssureTestSupport
import Fluent
import Testing

@Suite("The demo database reproduces the seed dashboards")
struct DemoStorageTests {
    @Test("Reports read from the database equal the reports built from the seed data", arguments: Backend.all)
    func databaseMatchesSeeds(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given the demo loaded into an empty database
            #expect(try await DemoLoader.loadIfEmpty(db, cost: testBcryptCost))
            #expect(try await !DemoLoader.loadIfEmpty(db, cost: testBcryptCost))
            // when each seed period's report is read back
            for (portfolioName, key) in [
                ("Transformation Programme", "2016-06"), ("Transformation Programme", "2016-07"),
                ("CDG Priorities", "2016-09"), ("CDG Priorities", "2016-10"),
            ] {
                let (_, period) = try await Catalogue.findPeriod(db, key: key, portfolio: portfolioName)
                let stored = try await Reports.report(db, periodID: period.id)
                let demo = Demo.portfolios.first { $0.name == portfolioName }!
                let expected = PeriodReportBuilder.build(demo.periodData(key)!)
                // then every table cell agrees with the in-memory build from the seeds
                #expect(
                    ProgrammeDashboard.summary(stored).textRows == ProgrammeDashboard.summary(expected).textRows,
                    "\(key)")
                #expect(
                    ProgrammeDashboard.detail(stored).textRows == ProgrammeDashboard.detail(expected).textRows, "\(key)"
                )
                #expect(
                    PrioritiesReport.summary(stored).textRows == PrioritiesReport.summary(expected).textRows, "\(key)")
            }
        }
    }

    @Test("A period key held by two portfolios needs the portfolio named", arguments: Backend.all)
    func ambiguousPeriod(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let portfolio = try await Catalogue.findPortfolio(db, name: "CDG Priorities")
            _ = try await PeriodLifecycle.create(
                db, .commandLine("test"), portfolioID: portfolio.info.id, key: "2016-06")
            await #expect(throws: DomainError.self) {
                try await Catalogue.findPeriod(db, key: "2016-06", portfolio: nil)
            }
            let (found, _) = try await Catalogue.findPeriod(db, key: "2016-06", portfolio: "transformation programme")
            #expect(found.info.name == "Transformation Programme")
        }
    }
}
