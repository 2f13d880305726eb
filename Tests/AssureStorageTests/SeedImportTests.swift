import AssureApp
import AssureCore
import AssureDemo
import AssureInterchange
import AssureStorage
import AssureTestSupport
import Fluent
import Foundation
import Testing

/// Importing a seed paper's table, pasted as text, gives the dashboard the demo data gives, row by row, but for the
/// cells that only the paper's other tables say (named, with why).
@Suite("Seed tables imported from text reproduce the demo dashboards")
struct SeedImportTests {
    let admin = Actor.commandLine("import-test")

    @Test("Seed 004's summary table → the June 2016 programme dashboard", arguments: Backend.all)
    func seed004(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given an empty portfolio and the summary table as pasted from the paper
            let portfolio = try await Structure.createPortfolio(
                db, admin, name: "Transformation Programme", scale: .threePoint)
            let plan = try await importPlan(db, portfolioID: portfolio.id, text: try seedTable("seed004-summary"))
            #expect(plan.isClean, "\(plan.errors)")
            // the paper's shifted and wrapped cells are read, and said (rows as pasted: the header is row 1)
            #expect(plan.warnings.map(\.row) == [4, 7, 15, 21])
            // when it is imported into June 2016
            let outcome = try await Imports.apply(
                db, admin, portfolioID: portfolio.id, periodKey: "2016-06", plan: plan, source: "seed 004")
            #expect(outcome.createdProgrammes == 6 && outcome.createdProjects == 20 && outcome.returnsWritten == 19)
            // then its summary equals the demo's, but for the named cells
            let (_, period) = try await Catalogue.findPeriod(db, key: "2016-06", portfolio: portfolio.name)
            let imported = ProgrammeDashboard.summary(try await Reports.report(db, periodID: period.id)).textRows
            var expected = ProgrammeDashboard.summary(PeriodReportBuilder.build(TransformationDemo.june)).textRows
            // Prioritisation: the summary shifts its milestone titles; the demo takes them from the detailed table
            expected[12][2] = "PMO Framework Roll Out"
            expected[13][2] = ""
            // NHSE Stage II: only the detailed table rates its milestone Yellow, so its badge is the rating it carries
            expected[21][5] = "Amber"
            expected[21][1] = "NHSE Stage II assurance and Investment Committee"
            // System Leadership: the paper prints three sub-items on one line, which the import keeps as one
            expected[24][1] = "GB Development Staff Development Membership Development"
            expected[24][5] = ""
            expected[24][6] = ""
            expected.removeSubrange(25...26)
            #expect(imported.count == expected.count)
            for (index, (ours, theirs)) in zip(imported, expected).enumerated() {
                #expect(ours == theirs, "row \(index + 1)")
            }
        }
    }

    @Test("Seed 000's priorities summary → the September 2016 priorities summary", arguments: Backend.all)
    func seed000(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let portfolio = try await Structure.createPortfolio(db, admin, name: "CDG Priorities", scale: .threePoint)
            // given the table, whose MH005 RAG cell reads "Priority owned by M&FH"
            let text = try seedTable("seed000-summary")
            let strict = try await importPlan(db, portfolioID: portfolio.id, text: text)
            #expect(
                strict.errors.map(\.description) == [
                    "Row 20, column D (RAG): “Priority owned by M&FH” is not on the three-point scale (Complete, Green, Amber, Red)."
                ])
            await #expect(throws: ImportProblems.self) {
                try await Imports.apply(
                    db, admin, portfolioID: portfolio.id, periodKey: "2016-09", plan: strict, source: "seed 000")
            }
            // when imported keeping off-scale ratings as written, as the demo does
            let plan = try await importPlan(db, portfolioID: portfolio.id, text: text, keepOffScaleRatings: true)
            _ = try await Imports.apply(
                db, admin, portfolioID: portfolio.id, periodKey: "2016-09", plan: plan, source: "seed 000")
            // then the summary is the demo's, row by row
            let (_, period) = try await Catalogue.findPeriod(db, key: "2016-09", portfolio: portfolio.name)
            let imported = PrioritiesReport.summary(try await Reports.report(db, periodID: period.id)).textRows
            let expected = PrioritiesReport.summary(PeriodReportBuilder.build(PrioritiesDemo.september)).textRows
            #expect(imported.count == expected.count)
            for (index, (ours, theirs)) in zip(imported, expected).enumerated() {
                #expect(ours == theirs, "row \(index + 1)")
            }
        }
    }

    @Test(
        "The same spreadsheet imported for the next month updates the same projects, and the arrows follow",
        arguments: Backend.all)
    func nextMonth(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given September imported and published
            let portfolio = try await Structure.createPortfolio(db, admin, name: "CDG Priorities", scale: .threePoint)
            let september = try seedTable("seed000-summary")
            let first = try await importPlan(db, portfolioID: portfolio.id, text: september, keepOffScaleRatings: true)
            _ = try await Imports.apply(
                db, admin, portfolioID: portfolio.id, periodKey: "2016-09", plan: first, source: "september")
            let (_, sep) = try await Catalogue.findPeriod(db, key: "2016-09", portfolio: portfolio.name)
            _ = try await PeriodLifecycle.open(db, admin, periodID: sep.id)
            _ = try await PeriodLifecycle.publish(db, admin, periodID: sep.id, missing: .carryForward)
            // when October's copy has MAT001 Red and MAT002 Green
            let october = september.replacingOccurrences(
                of: "network development\tGreen", with: "network development\tRed"
            )
            .replacingOccurrences(of: "children's health service\tAmber", with: "children's health service\tGreen")
            let second = try await importPlan(db, portfolioID: portfolio.id, text: october, keepOffScaleRatings: true)
            #expect(second.newProjectCount == 0 && second.updatedProjectCount == 21)
            let outcome = try await Imports.apply(
                db, admin, portfolioID: portfolio.id, periodKey: "2016-10", plan: second, source: "october")
            // then no project is created, and the arrows are derived from September
            #expect(outcome.createdProjects == 0 && outcome.periodCreated)
            let (_, oct) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: portfolio.name)
            let report = try await Reports.report(db, periodID: oct.id)
            #expect(report.row(reference: "MAT001")?.trend.derived == .declined)
            #expect(report.row(reference: "MAT002")?.trend.derived == .improved)
            #expect(report.row(reference: "PS001")?.trend.derived == .unchanged)
        }
    }
}

enum TransformationDemo { static let june = Demo.portfolios[0].periodData("2016-06")! }
enum PrioritiesDemo { static let september = Demo.portfolios[1].periodData("2016-09")! }
