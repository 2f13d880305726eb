import AssureApp
import AssureCore
import AssureTestSupport
import Fluent
import Foundation
import SQLKit
import Testing

@testable import AssureStorage

/// What a board member reads of the demo's CDG priorities once October 2016 is published with "carry forward" and
/// November is opened: carried returns say so in words, counts say how many, and nothing in progress shows.
@Suite("What a board reads, from the database")
struct BoardReadingStorageTests {
    let pmo = Actor.commandLine("test")

    func period(_ db: Database, _ key: String) async throws -> PeriodInfo {
        try await Catalogue.findPeriod(db, key: key, portfolio: "CDG Priorities").1
    }

    @Test(
        "Carried forward once and twice running: 'Not updated since September 2016' in the row and in the counts",
        arguments: Backend.all)
    func carriedForwardTwice(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given the demo, and October published with the missing returns carried forward
            try await DemoLoader.load(db, cost: testBcryptCost)
            let october = try await period(db, "2016-10")
            _ = try await PeriodLifecycle.publish(db, pmo, periodID: october.id, missing: .carryForward)
            let octoberReport = try await Reports.report(db, periodID: october.id)
            // then ICS001 (no October return) says where its values come from, and the counts say how many are carried
            let ics001 = try #require(octoberReport.row(reference: "ICS001"))
            #expect(ics001.notUpdatedWords == "Not updated since September 2016")
            let carried = octoberReport.allRows.filter { $0.notUpdatedWords != nil }.count
            #expect(carried > 0)
            #expect(octoberReport.counts.compactMap(\.notUpdated).reduce(0, +) == carried)
            #expect(octoberReport.row(reference: "MAT001")?.notUpdatedWords == nil)
            // when November is created, opened and published with nothing submitted
            let portfolio = octoberReport.portfolio.id
            let november = try await PeriodLifecycle.create(db, pmo, portfolioID: portfolio, key: "2016-11")
            _ = try await PeriodLifecycle.open(db, pmo, periodID: november.id)
            _ = try await PeriodLifecycle.publish(db, pmo, periodID: november.id, missing: .carryForward)
            // then ICS001 has been carried two periods running and still names September, and MAT001 names October
            let novemberReport = try await Reports.report(db, periodID: november.id)
            #expect(
                novemberReport.row(reference: "ICS001")?.notUpdatedWords
                    == "Not updated since September 2016 (carried forward 2 periods running)")
            #expect(novemberReport.row(reference: "MAT001")?.notUpdatedWords == "Not updated since October 2016")
        }
    }

    @Test(
        "A board member reading an open period sees no draft and no findings; its editor sees both",
        arguments: Backend.all)
    func openPeriodForTheBoard(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given October open, with Jane's draft on MAT002
            try await DemoLoader.load(db, cost: testBcryptCost)
            let october = try await period(db, "2016-10")
            let jane = try #require(
                try await Users.authenticate(db, email: "jane.brennan@assure.demo", password: DemoLoader.adminPassword))
            let board = try #require(
                try await Users.authenticate(db, email: "board@assure.demo", password: DemoLoader.adminPassword))
            let karen = try #require(
                try await Users.authenticate(db, email: "karen.kirkham@assure.demo", password: DemoLoader.adminPassword)
            )
            let mat002 = try #require(try await Reports.report(db, periodID: october.id).row(reference: "MAT002"))
                .project.id
            var form = try await Returns.sheet(db, periodID: october.id, projectID: mat002).form
            form.update = "Draft words nobody approved."
            try await Returns.save(db, jane, periodID: october.id, projectID: mat002, form: form, action: .saveDraft)
            // and MAT001 submitted Green with a milestone rated Red: a finding for the PMO
            let mat001 = try #require(try await Reports.report(db, periodID: october.id).row(reference: "MAT001"))
                .project.id
            var submitted = try await Returns.sheet(db, periodID: october.id, projectID: mat001).form
            submitted.rating = "Green"
            submitted.milestones = [
                MilestoneLine(title: "Birth centre options appraisal", date: "Dec-16", rating: "Red")
            ]
            try await Returns.save(db, jane, periodID: october.id, projectID: mat001, form: submitted, action: .submit)
            #expect(
                try await Reports.report(db, periodID: october.id).allFlags.contains {
                    $0.flag.kind == .rollUpContradiction
                })
            // when each reads the period
            func read(_ actor: Actor) async throws -> PeriodReport {
                try await Reports.report(db, periodID: october.id, for: try await Readerships.of(db, actor))
            }
            let boardReport = try await read(board)
            // then the board member's report holds no draft text and no finding, and says it is provisional
            #expect(boardReport.row(reference: "MAT002")?.update != "Draft words nobody approved.")
            #expect(!boardReport.allRows.contains { $0.update.contains("Draft words") })
            #expect(boardReport.allFlags.allSatisfy { $0.flag.kind.isBoardFact })
            #expect(boardReport.isProvisional)
            // and Jane (its editor) and Karen (its clinical lead) see the draft and the findings
            for reader in [jane, karen] {
                let report = try await read(reader)
                #expect(report.row(reference: "MAT002")?.update == "Draft words nobody approved.", "\(reader.name)")
                #expect(report.allFlags.contains { !$0.flag.kind.isBoardFact }, "\(reader.name)")
            }
        }
    }

    @Test("Messages are whole words: a draft period 'cannot be published'", arguments: Backend.all)
    func wholeWords(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let portfolio = try await period(db, "2016-10")
            let summary = try #require(
                try await Catalogue.portfolios(db).first { $0.periods.contains { $0.id == portfolio.id } })
            let draft = try await PeriodLifecycle.create(db, pmo, portfolioID: summary.info.id, key: "2016-12")
            do {
                _ = try await PeriodLifecycle.publish(db, pmo, periodID: draft.id, missing: .carryForward)
                Issue.record("a draft period was published")
            } catch DomainError.invalid(let errors) {
                #expect(errors["status"] == "A draft period cannot be published.")
            }
        }
    }

    @Test(
        "Upgrading: carried returns get their origin and count back, and a paper's meeting its portfolio",
        arguments: Backend.all)
    func upgradeBackFills(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given October and November published with ICS001 carried both times
            try await DemoLoader.load(db, cost: testBcryptCost)
            let october = try await period(db, "2016-10")
            _ = try await PeriodLifecycle.publish(db, pmo, periodID: october.id, missing: .carryForward)
            let portfolio = try #require(
                try await Catalogue.portfolios(db).first { $0.periods.contains { $0.id == october.id } }
            ).info.id
            let november = try await PeriodLifecycle.create(db, pmo, portfolioID: portfolio, key: "2016-11")
            _ = try await PeriodLifecycle.open(db, pmo, periodID: november.id)
            _ = try await PeriodLifecycle.publish(db, pmo, periodID: november.id, missing: .carryForward)
            // and a database as the version before this one left it: no origins, no register portfolios
            let sql = try #require(db as? SQLDatabase)
            try await sql.raw("UPDATE returns SET carried_from_key = NULL, carried_periods = NULL").run()
            for table in M029_ScopeRegistersToPortfolios.tables {
                try await sql.raw("UPDATE \(unsafeRaw: table) SET portfolio_id = NULL").run()
            }
            // when the migrations' back-fills run
            try await M027_AddCarriedForwardOrigin.backFill(sql)
            try await M029_ScopeRegistersToPortfolios.backFill(sql)
            // then ICS001's November return is carried from September, two periods running
            let report = PeriodReportBuilder.build(try await Reports.periodData(db, periodID: november.id))
            #expect(
                report.row(reference: "ICS001")?.notUpdatedWords
                    == "Not updated since September 2016 (carried forward 2 periods running)")
            // and the meeting seed 002's paper was written for is Our Dorset ICS's again; other meetings, with three
            // portfolios in the database, stay unassigned until the PMO gives them one
            let ics = try await Catalogue.findPortfolio(db, name: "Our Dorset ICS").info.id
            let meetings = try await Meetings.all(db)
            #expect(meetings.filter { $0.portfolioID == ics }.map(\.committee) == ["Governing Body"])
            #expect(meetings.filter { $0.portfolioID == nil }.count == meetings.count - 1)
        }
    }
}
