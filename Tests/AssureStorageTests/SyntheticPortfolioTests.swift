import AssureApp
import AssureCore
import AssureDemo
import AssureStorage
import AssureTestSupport
import Fluent
import Foundation
import Testing

@Suite("The synthetic portfolio for benchmarks")
struct SyntheticPortfolioTests {
    @Test("The same seed gives the same portfolio; another seed another")
    func deterministic() {
        let a = SyntheticPortfolio(projects: 500, milestonesPerProject: 3, periods: 36, seed: 7)
        let b = SyntheticPortfolio(projects: 500, milestonesPerProject: 3, periods: 36, seed: 7)
        let c = SyntheticPortfolio(projects: 500, milestonesPerProject: 3, periods: 36, seed: 8)
        let sample = { (s: SyntheticPortfolio) in
            (0..<500).map { "\(s.title($0))|\(s.rating($0, period: 20))|\(s.milestone($0, 1, period: 20).date)" }
        }
        #expect(sample(a) == sample(b))
        #expect(sample(a) != sample(c))
        // ratings drift and milestones slip, but not everywhere at once
        let drifted = (0..<500).filter { a.rating($0, period: 0) != a.rating($0, period: 35) }.count
        let slipped = (0..<500).filter { a.milestone($0, 0, period: 0).date != a.milestone($0, 0, period: 35).date }
            .count
        #expect((50...450).contains(drifted), "\(drifted) of 500 changed rating")
        #expect((50...450).contains(slipped), "\(slipped) of 500 slipped")
        #expect(a.periodKey(35).key == "2019-09" && a.periodKey(0).key == "2016-10")
    }

    @Test(
        "Generated into a database: every period but the last published, with arrows and slippage found",
        arguments: Backend.all)
    func generated(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given a small synthetic portfolio of 60 projects over 8 months
            let spec = SyntheticPortfolio(projects: 60, milestonesPerProject: 2, periods: 8, seed: 11)
            let portfolioID = try await SyntheticLoader.load(db, spec)
            // then the periods are there, the last open
            let portfolio = try await Catalogue.portfolio(db, id: portfolioID)
            #expect(portfolio.periods.map(\.status) == Array(repeating: .published, count: 7) + [.open])
            // and the open period's dashboard has every project, derived arrows, and slipped milestones flagged
            let report = try await Reports.report(db, periodID: try #require(portfolio.periods.last).id)
            #expect(report.allRows.count == 60)
            #expect(report.allRows.allSatisfy { $0.trend.derived != nil })
            #expect(report.allFlags.contains { $0.flag.kind == .milestoneSlipped })
            // and a milestone back from its baseline is measured against the first date, with every move counted
            let dates = { (project: Int) in (0..<8).map { spec.milestone(project, 0, period: $0).date } }
            let project = try #require(
                (0..<60).first {
                    let d = dates($0); return d[7] == d[6] && d[7] != d[0]
                })
            let history = dates(project)
            let moves = zip(history, history.dropFirst()).filter { $0 != $1 }.count
            let row = try #require(report.row(reference: spec.reference(project)))
            let flag = try #require(
                row.flags.first { $0.kind == .milestoneSlipped && $0.message.hasPrefix("“Milestone 1”") })
            #expect(
                flag.message.hasSuffix(
                    "than first reported (\(history[0]) in \(spec.periodKey(0).key)); moved \(moves) time\(moves == 1 ? "" : "s")."
                ))
            // and the ratings are the generator's, whatever the database
            let p7 = try #require(report.row(reference: spec.reference(6)))
            #expect(p7.reportedRating?.written == spec.rating(6, period: 7))
        }
    }

    @Test(
        "A generation stopped part-way and resumed gives the portfolio one straight run gives",
        arguments: Backend.all)
    func resumed(backend: Backend) async throws {
        let spec = SyntheticPortfolio(projects: 30, milestonesPerProject: 2, periods: 5, seed: 3)
        // given a straight run
        var straight: [String] = [], resumed: [String] = []
        try await withStorage(backend) { db in
            straight = try await Self.dashboards(db, try await SyntheticLoader.load(db, spec))
        }
        try await withStorage(backend) { db in
            // when a run is stopped after opening its third period, before its returns are written
            let portfolioID = try await SyntheticLoader.load(db, spec, stoppingAt: 2)
            #expect(
                try await Catalogue.portfolio(db, id: portfolioID).periods.map(\.status) == [
                    .published, .published, .open,
                ])
            // and resumed with the same options
            #expect(try await SyntheticLoader.load(db, spec, resuming: true) == portfolioID)
            resumed = try await Self.dashboards(db, portfolioID)
        }
        // then every period's dashboard is the straight run's
        #expect(resumed.count == 5)
        #expect(resumed == straight)
        // and resuming a portfolio of another size is refused
        try await withStorage(backend) { db in
            try await SyntheticLoader.load(db, spec, stoppingAt: 1)
            let other = SyntheticPortfolio(projects: 31, milestonesPerProject: 2, periods: 5, seed: 3)
            await #expect(throws: DomainError.self) { try await SyntheticLoader.load(db, other, resuming: true) }
        }
    }

    /// Each period's status and rows as the dashboard shows them, by project reference (ids differ between databases).
    private static func dashboards(_ db: Database, _ portfolioID: UUID) async throws -> [String] {
        var result: [String] = []
        for period in try await Catalogue.portfolio(db, id: portfolioID).periods {
            let report = try await Reports.report(db, periodID: period.id)
            let rows = report.allRows.map { row in
                "\(row.project.reference ?? "-") \(row.ratingDisplay) \(row.trend) \(row.milestones.map(\.date.written))"
            }
            result.append("\(period.key) \(period.status): " + rows.joined(separator: "; "))
        }
        return result
    }
}
