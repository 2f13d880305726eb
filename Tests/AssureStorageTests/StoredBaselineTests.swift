import AssureApp
import AssureCore
import AssureDemo
import AssureTestSupport
import Fluent
import Foundation
import SQLKit
import Testing

@testable import AssureStorage

@Suite("What publication keeps for the next dashboard: milestone baselines and effective ratings")
struct StoredBaselineTests {
    @Test(
        "Baselines folded at each publication give the same dashboard as the whole history, also after a re-opened period is published again",
        arguments: Backend.all)
    func sameAsHistory(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given 40 synthetic projects over 20 months, each month published in turn (the baselines folded forward)
            let spec = SyntheticPortfolio(projects: 40, milestonesPerProject: 3, periods: 20, seed: 5)
            let portfolioID = try await SyntheticLoader.load(db, spec)
            let periods = try await Catalogue.portfolio(db, id: portfolioID).periods
            let open = try #require(periods.last).id
            let sql = try #require(db as? SQLDatabase)
            // when the open period is built from the stored baselines
            let fromStored = try await Reports.report(db, periodID: open)
            #expect(try await Self.foldedThrough(sql, portfolioID) == periods[18].id)
            // (some milestones moved more than once in the published months, so the folding is exercised)
            #expect(
                fromStored.allFlags.contains {
                    $0.flag.message.range(of: #"moved [2-9] times"#, options: .regularExpression) != nil
                })
            // then it is the report built from the whole history
            try await MilestoneBaselines.discard(sql, portfolioID: portfolioID)
            #expect(try await Reports.report(db, periodID: open) == fromStored)

            // when a middle month is re-opened and published again, out of order
            let admin = Actor.commandLine("pmo")
            _ = try await PeriodLifecycle.reopen(db, admin, periodID: periods[9].id, reason: "Correction")
            _ = try await PeriodLifecycle.publish(db, admin, periodID: periods[9].id, missing: .showAsMissing)
            // then the baselines are rebuilt up to the latest published month, and the dashboard is unchanged
            #expect(try await Self.foldedThrough(sql, portfolioID) == periods[18].id)
            #expect(try await Reports.report(db, periodID: open) == fromStored)
        }
    }

    @Test("Each published period's effective ratings are kept as rows, equal to its snapshot's", arguments: Backend.all)
    func ratingsAsRows(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given a published synthetic month
            let spec = SyntheticPortfolio(projects: 30, milestonesPerProject: 1, periods: 3, seed: 9)
            let portfolioID = try await SyntheticLoader.load(db, spec)
            let published = try await Catalogue.portfolio(db, id: portfolioID).periods[1].id
            // when its ratings are read as rows, all or one project's
            let snapshot = try await Reports.report(db, periodID: published).effectiveRatings
            let rows = try await PeriodRatings.read(db, periodID: published)
            let one = try #require(snapshot.first)
            // then they are the snapshot's
            #expect(rows.count == snapshot.count && rows.count >= 30)
            #expect(rows == snapshot)
            #expect(try await PeriodRatings.read(db, periodID: published, projectID: one.key) == [one.key: one.value])

            // when a database from before the ratings table is upgraded (periods back in one document each, the table
            // dropped, then the migrations run)
            let report = try await Reports.report(db, periodID: published)
            try await M032_CreatePublishedRows().revert(on: db)
            try await M012_CreatePeriodRatings().revert(on: db)
            try await M012_CreatePeriodRatings().prepare(on: db)
            try await M032_CreatePublishedRows().prepare(on: db)
            Reports.forgetDecodedSnapshots()
            // then every published period's ratings are filled in from its snapshot, and its report is as it was
            #expect(try await PeriodRatings.read(db, periodID: published) == snapshot)
            #expect(try await Reports.report(db, periodID: published) == report)
        }
    }

    static func foldedThrough(_ sql: SQLDatabase, _ portfolioID: UUID) async throws -> UUID? {
        struct Row: Decodable { let baselines_through: String? }
        return try await sql.select().column("baselines_through").from("portfolios").where("id", .equal, portfolioID)
            .first(decoding: Row.self)?.baselines_through.flatMap(UUID.init(uuidString:))
    }
}

@Suite("One programme's dashboard")
struct ProgrammeReportTests {
    @Test(
        "A month with a moved date, a title reported twice, an unreadable date and a new milestone folds as the history does",
        arguments: Backend.all)
    func foldAwkwardMonth(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given 12 synthetic projects over 4 months, the first 3 published (so the rows run up to the third)
            let spec = SyntheticPortfolio(projects: 12, milestonesPerProject: 2, periods: 4, seed: 11)
            let portfolioID = try await SyntheticLoader.load(db, spec)
            let open = try #require(try await Catalogue.portfolio(db, id: portfolioID).periods.last)
            let sql = try #require(db as? SQLDatabase)
            let before = try await MilestoneBaselines.before(sql, portfolioID: portfolioID, asAt: "9999-12-31")
            // (four returns with a dated milestone that earlier months reported: the one they hold first by title)
            let returns = try await sql.rows(
                """
                SELECT r.id, r.project_id, MIN(m.title) FROM returns r
                JOIN return_milestones m ON m.return_id = r.id
                JOIN milestone_baselines b ON b.project_id = r.project_id AND b.title = m.title
                WHERE r.period_id = \(bind: open.id) AND m.due_by IS NOT NULL
                GROUP BY r.id, r.project_id ORDER BY r.project_id
                """
            ) { (id: try $0.uuid(0), project: try $0.uuid(1), title: try $0.text(2)) }
            #expect(returns.count >= 4)
            let (moved, twice, unread, added) = (returns[0], returns[1], returns[2], returns[3])
            func setDate(_ returnID: UUID, _ title: String, _ text: String) async throws {
                let parsed = DateText(text).parsed
                try await sql.raw(
                    """
                    UPDATE return_milestones SET date_text = \(bind: text), due_by = \(bind: parsed?.dueBy.iso),
                    precision = \(bind: parsed?.precision.rawValue) WHERE return_id = \(bind: returnID) AND title = \(bind: title)
                    """
                ).run()
            }
            func addLine(_ returnID: UUID, _ position: Int, _ title: String, _ text: String) async throws {
                let parsed = DateText(text).parsed
                try await sql.insert(into: "return_milestones").columns(
                    "id", "return_id", "position", "title", "date_text", "due_by", "precision"
                ).values(UUID(), returnID, position, title, text, parsed?.dueBy.iso, parsed?.precision.rawValue).run()
            }
            // a date moved to a day no earlier month reported
            let movedTitle = moved.title
            try await setDate(moved.id, movedTitle, "31/12/2031")
            // a title reported twice in one return: moved away and back within the month (two moves, in order)
            let twiceTitle = twice.title
            let kept = try #require(before[twice.project]?[twiceTitle]?.latestDueBy)
            try await setDate(twice.id, twiceTitle, kept.iso)
            try await addLine(twice.id, 50, twiceTitle, "30/06/2032")
            try await addLine(twice.id, 51, twiceTitle, kept.iso)
            // an unreadable date, which moves nothing
            try await setDate(unread.id, unread.title, "TBC")
            // and a milestone no month reported before
            try await addLine(added.id, 52, "Go-live of the new service", "Mar-33")

            // when the month is published (folded forward on the stored rows)
            _ = try await PeriodLifecycle.publish(db, .commandLine("pmo"), periodID: open.id, missing: .showAsMissing)
            let folded = try await MilestoneBaselines.before(sql, portfolioID: portfolioID, asAt: "9999-12-31")
            // then each row is what the whole history gives
            try await MilestoneBaselines.discard(sql, portfolioID: portfolioID)
            let history = try await MilestoneBaselines.before(sql, portfolioID: portfolioID, asAt: "9999-12-31")
            #expect(folded == history)
            // and the month counted as it should: one move, two moves, none, and a new row
            let movedBefore = try #require(before[moved.project]?[movedTitle])
            #expect(folded[moved.project]?[movedTitle]?.moves == movedBefore.moves + 1)
            #expect(folded[moved.project]?[movedTitle]?.latestDueBy.iso == "2031-12-31")
            #expect(folded[twice.project]?[twiceTitle]?.moves == (before[twice.project]?[twiceTitle]?.moves ?? 0) + 2)
            #expect(folded[unread.project]?[unread.title] == before[unread.project]?[unread.title])
            #expect(folded[added.project]?["Go-live of the new service"]?.moves == 0)
            #expect(folded[added.project]?["Go-live of the new service"]?.baseline.periodKey == open.key)
        }
    }

    @Test(
        "Reading and building one programme of an open period gives that programme's part of the whole report",
        arguments: Backend.all)
    func sameAsWhole(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given a synthetic portfolio of several programmes, with sub-items, slipped milestones and drifting ratings
            let spec = SyntheticPortfolio(projects: 130, milestonesPerProject: 2, periods: 8, seed: 3)
            let portfolioID = try await SyntheticLoader.load(db, spec)
            let periods = try await Catalogue.portfolio(db, id: portfolioID).periods
            for period in [periods[7], periods[6]] {  // the open period (built) and a published one (snapshot)
                let whole = try await Reports.report(db, periodID: period.id)
                #expect(whole.programmes.count >= 3)
                for programme in whole.programmes.map(\.programme.id) {
                    // when one programme is asked for
                    let one = try await Reports.report(db, periodID: period.id, programme: programme)
                    // then it is exactly the whole report narrowed to it, arrows, checks and counts included
                    #expect(one == whole.only(programme: programme))
                    #expect(
                        one.allRows.count == whole.programmes.first { $0.programme.id == programme }?.projects.count)
                }
            }
        }
    }
}
