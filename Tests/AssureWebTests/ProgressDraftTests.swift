import AssureApp
import AssureCore
import AssureDemo
import AssureStorage
import AssureTestSupport
import Foundation
import Testing

@testable import AssureWeb

/// "Milestones slipped (by how many days, how many times)": the drafted progress section counts each moved milestone's
/// moves since it was first reported, over the published periods, and the count is the one the reports give.
@Suite("The progress draft counts each milestone's moves")
struct ProgressDraftTests {
    static let project = "Communication and Engagement"
    static let milestone = "Public Consultation"

    @Test(
        "Given seed 004's “Public Consultation”, moved June → July and again in August and September, each month's draft says how many times, as its dates show",
        arguments: Backend.all)
    func countsAsTheReportsShow(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let (portfolio, _) = try await Catalogue.findPeriod(
                app.db, key: "2016-07", portfolio: "Transformation Programme")
            let pmo = Actor.commandLine("test")
            // given August and September published, the consultation moved again in each
            for (key, date) in [("2016-08", "31-Jan-17"), ("2016-09", "28-Feb-17")] {
                let period = try await PeriodLifecycle.create(app.db, pmo, portfolioID: portfolio.info.id, key: key)
                _ = try await PeriodLifecycle.open(app.db, pmo, periodID: period.id)
                let report = try await Reports.report(app.db, periodID: period.id)
                let project = try #require(report.row(title: Self.project)).project
                var form = try await Returns.sheet(app.db, periodID: period.id, projectID: project.id).form
                #expect(form.milestones.contains { $0.title == Self.milestone })
                form.rating = form.rating.isEmpty ? "Green" : form.rating
                form.update = "The consultation moves again."
                form.milestones = form.milestones.map {
                    $0.title == Self.milestone ? MilestoneLine(title: $0.title, date: date, rating: $0.rating) : $0
                }
                try await Returns.save(app.db, pmo, periodID: period.id, projectID: project.id, form: form)
                _ = try await PeriodLifecycle.publish(app.db, pmo, periodID: period.id, missing: .carryForward)
            }
            let periods = try await Catalogue.portfolio(app.db, id: portfolio.info.id).periods
                .filter { $0.status == .published }
            var reports: [PeriodReport] = []
            for period in periods { reports.append(try await Reports.report(app.db, periodID: period.id)) }
            var said: [String: [Int]] = [:]
            // when each published month's progress is drafted from the month before
            for (index, latest) in reports.enumerated().dropFirst() {
                let comparison = ChangesReport.Comparison(from: reports[index - 1], to: latest)
                let narrative = try await ProgressNarrative.drafted(app.db, latest, changes: comparison)
                let items = narrative.paragraphs.flatMap(\.sentences).filter { $0.topic == .milestoneMoved }
                    .flatMap(\.items)
                let moved = comparison.changes.filter { $0.kind == .milestoneMoved }
                #expect(moved.count == items.count)
                // then each says the moves its milestone's dates show across the months to it, counted afresh here
                for change in moved {
                    let title = try #require(change.milestone)
                    var baseline: MilestoneBaseline?
                    for report in reports[...index] {
                        let row = report.programmes.flatMap(\.projects).flatMap { [$0] + $0.children }
                            .first { $0.project.id == change.project.id }
                        guard let line = row?.milestones.first(where: { $0.title == title }) else { continue }
                        baseline = MilestoneBaseline.adding(
                            ReportedDate(
                                periodKey: report.period.key, date: line.date.written,
                                dueBy: line.date.parsed?.dueBy),
                            to: baseline)
                    }
                    let times = try #require(baseline).moves
                    said[title, default: []].append(times)
                    let item = try #require(items.first { $0.hasPrefix("“\(title)” (\(change.project.title))") })
                    #expect(
                        times > 1 ? item.hasSuffix(" (moved \(times) times)") : !item.contains("(moved"),
                        "\(item): \(times)")
                }
            }
            // and the consultation's three months say once, twice, three times
            #expect(said[Self.milestone] == [1, 2, 3], "\(said)")
        }
    }
}
