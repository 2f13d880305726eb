import AssureApp
import AssureCore
import AssureDemo
import AssureStorage
import AssureTestSupport
import Foundation
import Testing
import Vapor

@testable import AssureWeb

/// Milestones likely to slip: refitted at each publication, shown on the cockpit, the project page, a person's home
/// and the API, and switched off by the PMO.
@Suite("Milestones likely to slip, on the pages")
struct SlipForecastPageTests {
    struct Listed: Decodable {
        struct Item: Decodable {
            let projectId: UUID
            let milestone: String
            let chance: Int
            let words: String
        }
        let shown: Bool
        let period: String?
        let forecasts: [Item]
    }

    @Test(
        "Given a portfolio with five published months, its open milestones are forecast at the last publication, shown until the PMO switches the forecast off, forgotten on re-opening and refitted on publishing again",
        arguments: Backend.all)
    func shownSwitchedOffAndRefitted(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given a generated portfolio: five months published, the sixth open
            let spec = SyntheticPortfolio(projects: 40, milestonesPerProject: 3, periods: 6, seed: 11)
            let portfolioID = try await SyntheticLoader.load(app.db, spec)
            var portfolio = try await Catalogue.portfolio(app.db, id: portfolioID)
            let latest = try #require(portfolio.latestPublished)

            // then each milestone open at the last published month has its forecast, likeliest first
            let report = try await Reports.report(app.db, periodID: latest.id)
            let open = PeriodMilestones(report).milestones.filter { !$0.complete && $0.due >= latest.asAt }
            let forecasts = try await SlipForecasts.latest(app.db, portfolio: portfolio)
            #expect(forecasts.count == open.count)
            #expect(forecasts.count > 20)
            #expect(forecasts.map(\.percent) == forecasts.map(\.percent).sorted(by: >))
            let likely = forecasts.filter(\.isLikely)

            // when the PMO reads a project page, the cockpit and the API
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let top = try #require(forecasts.first)
            let projectPath = Link.project(project: top.projectID).path
            let page = try await admin.get(projectPath).body.string
            #expect(page.contains("Slip forecast"))
            #expect(page.contains(top.words.htmlEscaped))
            #expect(page.contains("It never changes a rating."))
            let home = try await admin.get(Link.home.path).body.string
            #expect(home.contains("Milestones likely to slip") == !likely.isEmpty)
            for shown in likely.prefix(SlipForecastViews.listed) { #expect(home.contains(shown.words.htmlEscaped)) }
            let all = try await admin.get(Link.slipForecasts(portfolio: portfolioID).path).body.string
            for shown in forecasts { #expect(all.contains(shown.words.htmlEscaped)) }
            let api = try await admin.get(Link.apiSlipForecasts(portfolio: portfolioID).path)
            let listed = try JSONDecoder().decode(Listed.self, from: Data(buffer: api.body))
            #expect(listed.shown && listed.period == latest.key)
            #expect(listed.forecasts.map(\.words) == forecasts.map(\.words))
            let likelyOnly = try JSONDecoder().decode(
                Listed.self,
                from: Data(
                    buffer: try await admin.get(
                        Link.apiSlipForecasts(portfolio: portfolioID).path(query: "likely=true")
                    ).body))
            #expect(likelyOnly.forecasts.count == likely.count)
            #expect(likelyOnly.forecasts.allSatisfy { $0.chance >= 50 })

            // when an editor tries to switch it off, it is refused
            let editor = try await WebClient.signedIn(app, as: "phil.richardson@assure.demo")
            let checks = Link.portfolioChecks(portfolio: portfolioID).path
            var boxes = ["chaseDaysBefore": "", "on-require-update": "1"]
            for kind in Flag.Kind.allCases where kind.canBeSwitchedOff { boxes["on-\(kind.rawValue)"] = "1" }
            #expect(try await editor.post(checks, boxes).status == .forbidden)
            #expect(try await Catalogue.portfolio(app.db, id: portfolioID).slipForecastShown)

            // when the PMO saves the checks with the forecast's box unticked
            #expect(try await admin.post(checks, boxes).status == .seeOther)
            // then no page shows a forecast, and the API says it is switched off
            #expect(!(try await admin.get(projectPath).body.string.contains("Slip forecast")))
            #expect(!(try await admin.get(Link.home.path).body.string.contains("Milestones likely to slip")))
            #expect(
                try await admin.get(Link.slipForecasts(portfolio: portfolioID).path).body.string.contains(
                    "The PMO has switched the slip forecast off for this portfolio."))
            let off = try JSONDecoder().decode(
                Listed.self,
                from: Data(buffer: try await admin.get(Link.apiSlipForecasts(portfolio: portfolioID).path).body))
            #expect(!off.shown && off.forecasts.isEmpty)
            #expect(try await AuditLog.recent(app.db, limit: 10).contains { $0.action == "set-slip-forecast" })

            // when it is switched back on and the last published month is re-opened
            boxes["on-\(ChecksDraft.slipForecastBox)"] = "1"
            #expect(try await admin.post(checks, boxes).status == .seeOther)
            #expect(
                try await admin.post(Link.reopenPeriod(period: latest.id).path, ["reason": "A late correction."]).status
                    == .seeOther)
            // then its forecasts are forgotten: the month now latest was published without one
            portfolio = try await Catalogue.portfolio(app.db, id: portfolioID)
            #expect(portfolio.latestPublished?.id != latest.id)
            #expect(try await SlipForecasts.latest(app.db, portfolio: portfolio).isEmpty)
            #expect(!(try await admin.get(projectPath).body.string.contains("Slip forecast")))

            // when the PMO publishes it again, the forecast is refitted: the same milestones, the same chances
            #expect(
                try await admin.post(Link.publishPeriod(period: latest.id).path, ["missing": "carry-forward"]).status
                    == .seeOther)
            // (refitted beside the server once the publication has committed: seconds at 10,000 projects)
            portfolio = try await Catalogue.portfolio(app.db, id: portfolioID)
            var refitted: [ShownSlipForecast] = []
            for _ in 0..<600 where refitted.isEmpty {
                try await Task.sleep(for: .milliseconds(50))
                refitted = try await SlipForecasts.latest(app.db, portfolio: portfolio)
            }
            #expect(refitted == forecasts)
        }
    }

    static func forecast(_ project: UUID) -> ShownSlipForecast {
        ShownSlipForecast(
            projectID: project, projectName: "MAT001 Maternity <pathway>", milestone: "Business case",
            dueBy: CalendarDate(year: 2016, month: 11, day: 30)!, percent: 72,
            words: "Likely to slip (72%): moved 3 times, 9 days left")
    }

    @Test("A lead's or SRO's home names the milestones likely to slip in their projects, each linked, as a forecast")
    func workHome() throws {
        let project = UUID()
        let september = PeriodInfo(
            id: UUID(), key: "2016-09", label: "September 2016", frequency: .monthly,
            asAt: CalendarDate(year: 2016, month: 9, day: 30)!, publishOn: nil, status: .published)
        var model = WorkHomeModel.mock
        model.likelyToSlip = [
            .init(portfolio: model.owed[0].portfolio, from: september, forecasts: [Self.forecast(project)])
        ]
        let html = WorkHomePage.render(model, ViewSnapshotTests.editor)
        #expect(html.contains("Milestones likely to slip in your projects: CDG Priorities"))
        #expect(html.contains("href=\"\(Link.project(project: project).path)\">MAT001 Maternity &lt;pathway&gt;</a>"))
        #expect(html.contains("Business case (due 30 Nov 2016)"))
        #expect(html.contains("<strong>Likely to slip (72%): moved 3 times, 9 days left</strong>"))
        #expect(html.contains("the returns published for September 2016"))
        #expect(!WorkHomePage.render(.mock, ViewSnapshotTests.editor).contains("likely to slip"))
    }

    @Test("The cockpit names the ten likeliest and sends the PMO to the project pages for the rest")
    func cockpitNamesTen() throws {
        var model = CockpitModel.mock
        let september = PeriodInfo(
            id: UUID(), key: "2016-09", label: "September 2016", frequency: .monthly,
            asAt: CalendarDate(year: 2016, month: 9, day: 30)!, publishOn: nil, status: .published)
        model.open[0].likelyToSlip = (0..<12).map { _ in Self.forecast(UUID()) }
        model.open[0].forecastPeriod = september
        let html = CockpitPage.render(model, ViewSnapshotTests.pmo)
        #expect(html.components(separatedBy: "<strong>Likely to slip (72%)").count - 1 == 10)
        #expect(
            html.contains(
                "… and 2 more: <a href=\"\(Link.slipForecasts(portfolio: model.open[0].tracking.portfolio.id).path)\">")
        )
        #expect(
            html.firstRange(of: "Milestones likely to slip")!.lowerBound
                < html.firstRange(of: "Ready to publish?")!.lowerBound)
    }
}
