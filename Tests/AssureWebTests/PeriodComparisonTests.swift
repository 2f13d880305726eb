import AssureApp
import AssureCore
import AssureDemo
import AssureStorage
import AssureTestSupport
import Foundation
import SQLKit
import Testing
import Vapor

@testable import AssureWeb

/// What changed between two periods, and a board member's summary, are read a programme at a time (two whole reports of
/// 100,000 projects took 1 GB and 18 s). Read so, they must say exactly what the whole reports say.
@Suite("Periods compared a programme at a time")
struct PeriodComparisonTests {
    @Test(
        "Given projects added, moved, renamed, made sub-items and re-rated, when any two periods are compared a programme at a time, then the changes and the board summary are those of the whole reports",
        arguments: Backend.all)
    func sameAsWhole(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given the demo and a generated portfolio (slips, declines, sub-items, missing returns)
            try await SyntheticLoader.load(
                app.db, SyntheticPortfolio(projects: 40, milestonesPerProject: 3, periods: 4, seed: 7))
            // and, in each portfolio's open month, a project moved, one renamed and one made another's sub-item
            let sql = try #require(app.db as? SQLDatabase)
            for portfolio in try await Catalogue.portfolios(app.db) where portfolio.periods.count > 1 {
                let projects = try await Catalogue.projects(app.db, portfolioID: portfolio.info.id)
                    .filter { $0.parentID == nil }
                let programmes = Set(projects.map(\.programmeID))
                guard projects.count >= 4, programmes.count >= 2,
                    let other = programmes.first(where: { $0 != projects[0].programmeID })
                else { continue }
                try await sql.update("projects").set("programme_id", to: other)
                    .where("id", .equal, projects[0].id).run()
                try await sql.update("projects").set("title", to: "Renamed \(projects[1].title)")
                    .where("id", .equal, projects[1].id).run()
                let parent = try #require(
                    projects.first { $0.programmeID == projects[2].programmeID && $0.id != projects[2].id })
                try await sql.update("projects").set("parent_id", to: parent.id)
                    .where("id", .equal, projects[2].id).run()
            }

            var kinds: Set<ChangesReport.Change.Kind> = []
            var compared = 0
            for portfolio in try await Catalogue.portfolios(app.db) {
                for later in portfolio.periods {
                    // when the period is compared with each other period (published or open, before it or after), and
                    // with none
                    let earlierOnes = portfolio.periods.filter { $0.id != later.id }
                    for reader in [Readership.pmo, .board] {
                        let whole = try await Reports.report(app.db, periodID: later.id, for: reader)
                        let none = try await BoardSummaries.summary(
                            app.db, periodID: later.id, previous: nil, for: reader)
                        #expect(none == BoardSummary(report: whole, previous: nil), "\(later.key) alone")
                        for earlier in earlierOnes {
                            let before = try await Reports.report(app.db, periodID: earlier.id, for: reader)
                            let changes = try await PeriodComparisons.comparison(
                                app.db, from: earlier.id, to: later.id, for: reader)
                            let summary = try await BoardSummaries.summary(
                                app.db, periodID: later.id, previous: earlier.id, for: reader)
                            // then each says what the whole reports say, in the same order
                            let label = "\(portfolio.info.name) \(earlier.key) → \(later.key)"
                            #expect(changes == ChangesReport.Comparison(from: before, to: whole), "\(label)")
                            #expect(summary == BoardSummary(report: whole, previous: before), "\(label)")
                            kinds.formUnion(changes.changes.map(\.kind))
                            compared += 1
                        }
                    }
                }
            }
            // and every kind of change was met
            #expect(compared > 20)
            #expect(kinds == Set(ChangesReport.Change.Kind.allCases))
        }
    }

    @Test(
        "A board member's home counts what the summary holds, kept once worked out, and worked out again when the period is published again",
        arguments: Backend.all)
    func homeCountsKept(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given the demo's CDG Priorities, whose latest published period is compared with the one before it
            let ids = try await DemoIDs.load(app)
            let portfolio = ids.cdg
            let latest = try #require(portfolio.latestPublished)
            let previous = portfolio.published(before: latest)?.id
            let summary = try await BoardSummaries.summary(
                app.db, periodID: latest.id, previous: previous, for: .board)
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            _ = try await board.get("/")

            // when a board member opens the home page
            let home = try await board.get("/").body.string
            // then the card counts what the summary page lists
            #expect(home.contains("\(Wording.counted(summary.attention.count, "project")) Red or declined"))
            #expect(home.contains("\(Wording.counted(summary.slipped.count, "milestone")) slipped"))
            #expect(home.contains("\(Wording.counted(summary.carriedForward.count, "return")) carried forward"))
            #expect(summary.attention.count + summary.slipped.count > 0)

            // and the counts are kept: the next visit reads them, not the periods
            let sql = try #require(app.db as? SQLDatabase)
            try await sql.update("board_summary_counts").set("slipped", to: 987)
                .where("period_id", .equal, latest.id).run()
            #expect(try await board.get("/").body.string.contains("987 milestones slipped"))

            // when the period is re-opened and published again, then the counts are worked out again
            _ = try await PeriodLifecycle.reopen(app.db, .commandLine("test"), periodID: latest.id, reason: "Correct")
            _ = try await PeriodLifecycle.publish(
                app.db, .commandLine("test"), periodID: latest.id, missing: .carryForward)
            let again = try await board.get("/").body.string
            #expect(!again.contains("987 milestones slipped"))
            let republished = try await BoardSummaries.summary(
                app.db, periodID: latest.id, previous: previous, for: .board)
            #expect(again.contains("\(Wording.counted(republished.slipped.count, "milestone")) slipped"))
        }
    }

    @Test(
        "Publishing on the page works out the board's counts beside the server, before any board member asks",
        arguments: Backend.all)
    func countsWorkedOutOnPublishing(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given the PMO on CDG Priorities' October 2016, still open
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await admin.get(Link.returnsTracking(period: ids.october.id).path)
            // when it publishes the period on the page
            let published = try await admin.post(
                Link.publishPeriod(period: ids.october.id).path, ["missing": "carry-forward"])
            #expect(published.status == .seeOther)
            // then the counts are kept without anyone opening the board's home page
            let sql = try #require(app.db as? SQLDatabase)
            struct Kept: Decodable { let attention: Int; let slipped: Int; let carried_forward: Int }
            var kept: [BoardSummary.Counts] = []
            for _ in 0..<100 where kept.isEmpty {
                kept = try await sql.raw(
                    """
                    SELECT attention, slipped, carried_forward FROM board_summary_counts
                    WHERE period_id = \(bind: ids.october.id)
                    """
                ).all(decoding: Kept.self).map {
                    BoardSummary.Counts(
                        attention: $0.attention, slipped: $0.slipped, carriedForward: $0.carried_forward)
                }
                if kept.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            }
            // and they are the summary's
            let september = try #require(ids.cdg.periods.last { $0.status == .published && $0.key < "2016-10" })
            let summary = try await BoardSummaries.summary(
                app.db, periodID: ids.october.id, previous: september.id, for: .board)
            #expect(kept == [summary.counts])
            #expect(summary.carriedForward.count > 0)
        }
    }
}
