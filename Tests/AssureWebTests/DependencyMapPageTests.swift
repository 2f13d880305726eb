import AssureApp
import AssureCore
import AssureDemo
import AssureStorage
import AssureTestSupport
import Foundation
import Testing
import Vapor

@testable import AssureWeb

/// Seed 004 wrote a dependency as a date ("Dependant on NHSE Stage II"). Assure offers to link it where it was
/// reported, maps a programme's dependencies, carries a risk down the chain, and does all of it through the API too.
@Suite("Dependencies: offered from dates, mapped, chained, and through the API")
struct DependencyMapPageTests {
    typealias Seed = DependencyPageTests

    /// Seed 004's projects in July 2016, published, by title.
    static func july(
        _ app: Application
    ) async throws -> (portfolio: PortfolioSummary, project: (String) throws -> ProjectInfo) {
        let (portfolio, july) = try await Catalogue.findPeriod(
            app.db, key: "2016-07", portfolio: "Transformation Programme")
        let report = try await Reports.report(app.db, periodID: july.id)
        return (portfolio, { title in try #require(report.row(title: title)).project })
    }

    @Test(
        "Given seed 004, the CMA review's “Dependant on NHSE Stage II” is offered as a link to Stage II; once linked, a decision dated before Stage II is at risk and what waits on it is at risk through it, on the map, the pages and the API",
        arguments: Backend.all)
    func offeredMappedAndChained(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let (portfolio, project) = try await Self.july(app)
            let (cma, stageII) = (try project(Seed.cma), try project(Seed.stageII))
            let (decision, leadership) = (try project(Seed.decision), try project("System Leadership"))
            let phil = try await WebClient.signedIn(app, as: "phil.richardson@assure.demo")
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            for client in [phil, board, admin] { _ = try await client.get("/") }
            let page = Link.portfolioDependencies(portfolio: portfolio.info.id).path

            // given nothing is linked, the CMA review's page offers Stage II for the date written as an event
            let cmaPage = try await phil.get(Link.project(project: cma.id).path).body.string
            #expect(cmaPage.contains("Dates written as another event"))
            #expect(cmaPage.contains("is dated “Dependant on NHSE Stage II”"))
            #expect(cmaPage.contains(">" + Seed.stageII.htmlEscaped + "</a>: " + Seed.stageIIMilestone.htmlEscaped))
            #expect(cmaPage.contains("value=\"\(Seed.stageIIMilestone)\""))
            // and so does the portfolio's dependency page, with a button only for those who may link it
            #expect(try await admin.get(page).body.string.contains("No dependency is recorded"))
            #expect(try await phil.get(page).body.string.contains(">Link</button>"))
            let boardPage = try await board.get(page).body.string
            #expect(
                boardPage.contains("is dated “Dependant on NHSE Stage II”") && !boardPage.contains(">Link</button>"))

            // when Phil presses Link (the form's hidden fields)
            let linked = try await phil.post(
                Link.projectDependencies(project: cma.id).path,
                [
                    "milestone": Seed.cmaMilestone, "upstreamProject": Seed.stageII,
                    "upstreamMilestone": Seed.stageIIMilestone,
                ])
            #expect(linked.status == .seeOther)
            // then it is recorded and no longer offered
            let linkedPage = try await phil.get(Link.project(project: cma.id).path).body.string
            #expect(linkedPage.contains("Waits on") && !linkedPage.contains("Dates written as another event"))

            // when the decision (20 July) waits on Stage II (31 August), and the leadership's milestone on the decision
            for (project, milestone, upstream, upstreamMilestone) in [
                (decision.id, Seed.decisionMilestone, Seed.stageII, Seed.stageIIMilestone),
                (leadership.id, "Governing Body Development", Seed.decision, Seed.decisionMilestone),
            ] {
                let made = try await admin.post(
                    Link.projectDependencies(project: project).path,
                    ["milestone": milestone, "upstreamProject": upstream, "upstreamMilestone": upstreamMilestone])
                #expect(made.status == .seeOther, "\(made.body.string.prefix(2000))")
            }
            // then the map draws all three, the decision at risk and the leadership knocked on
            let map = try await board.get(page).body.string
            #expect(map.contains("<svg") && map.contains("class=\"dependency-map\""))
            for title in [
                Seed.stageIIMilestone, Seed.cmaMilestone, Seed.decisionMilestone, "Governing Body Development",
            ] {
                #expect(map.contains(": " + title.htmlEscaped + "</title>"))
            }
            #expect(map.contains("dependency-node at-risk") && map.contains("dependency-node knock-on"))
            #expect(map.contains("dependency-edge at-risk"))
            let risk = "At risk: due 31 Aug 2016, 42 days after it is needed (20 Jul 2016)"
            #expect(map.contains(risk))
            #expect(map.firstMatch(of: #/<li><a href="[^"]+">[^<]+</a> is at risk through /#) != nil)
            // and the leadership's page says so, with the chain from Stage II
            let leadershipPage = try await board.get(Link.project(project: leadership.id).path).body.string
            #expect(leadershipPage.contains("At risk through others"))
            #expect(leadershipPage.contains(Seed.stageIIMilestone.htmlEscaped) && leadershipPage.contains(risk))
            // and a programme chosen that none touches is refused as a bad id, not shown empty
            #expect(try await board.get(page + "?programme=nonsense").status == .badRequest)

            // when the API is asked, each dependency stands as on the page
            let script = try await APICycleTests.Script(app, email: DemoLoader.adminEmail)
            let listed = try APICycleTests.json(
                try await script.send(.GET, .apiDependencies(portfolio: portfolio.info.id)))
            let items = try #require(listed["dependencies"] as? [[String: Any]])
            #expect(items.compactMap { $0["standing"] as? String }.sorted() == ["at-risk", "clear", "knock-on"])
            let knockOn = try #require(items.first { $0["standing"] as? String == "knock-on" })
            #expect((knockOn["chain"] as? [String])?.first == "\(Seed.stageII): \(Seed.stageIIMilestone)")
            #expect(listed["period"] as? String == "2016-07")
        }
    }

    @Test(
        "Through the API the PMO records a dependency (201, its address), is refused a loop with the chain named, and removes it with If-Match",
        arguments: Backend.all)
    func throughTheAPI(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let (_, project) = try await Self.july(app)
            let (cma, stageII) = (try project(Seed.cma), try project(Seed.stageII))
            let pmo = try await APICycleTests.Script(app, email: DemoLoader.adminEmail)
            let body =
                #"{"milestone": "\#(Seed.cmaMilestone)", "upstreamProject": "\#(Seed.stageII)", "upstreamMilestone": "\#(Seed.stageIIMilestone)"}"#
            // when the PMO records the CMA review waiting on Stage II
            let added = try await pmo.send(.POST, .apiProjectDependencies(project: cma.id), body)
            #expect(added.status == .created, "\(added.body.string)")
            let id = try #require(UUID(uuidString: try APICycleTests.json(added)["id"] as? String ?? ""))
            #expect(added.headers.first(name: .location) == Link.apiDependency(id: id).path)
            // then the reverse is refused, the loop named
            let loop = try await pmo.send(
                .POST, .apiProjectDependencies(project: stageII.id),
                #"{"milestone": "\#(Seed.stageIIMilestone)", "upstreamProject": "\#(Seed.cma)", "upstreamMilestone": "\#(Seed.cmaMilestone)"}"#
            )
            try APICycleTests.expectProblem(loop, .unprocessableEntity, "invalid")
            #expect(loop.body.string.contains("This would close a loop"))
            // and a read-only token may not write
            let reader = try await APICycleTests.Script(app, email: DemoLoader.adminEmail, scope: .read)
            #expect(try await reader.send(.POST, .apiProjectDependencies(project: cma.id), body).status == .forbidden)
            // when it is removed without If-Match: refused; with the version read: gone
            #expect(try await pmo.send(.DELETE, .apiDependency(id: id), "").status == .preconditionRequired)
            let tag = try await pmo.etag(.apiDependency(id: id))
            #expect(try await pmo.send(.DELETE, .apiDependency(id: id), "", ifMatch: tag).status == .noContent)
            #expect(try await pmo.send(.GET, .apiDependency(id: id)).status == .notFound)
        }
    }

    @Test(
        "An import that writes “Dependant on NHSE Stage II” as a milestone's date offers, when it lands, to link it to the Stage II milestone",
        arguments: Backend.all)
    func importOffersLinks(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let portfolio = try await Catalogue.findPortfolio(app.db, name: "Transformation Programme")
            let path = Link.importTable(portfolio: portfolio.info.id).path
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await admin.get(path)
            // given August's returns pasted, the CMA review's milestone dated as another event
            let text = [
                "Programme\tProject\tRAG\tMilestone\tMilestone date",
                "Assurance\t\(Seed.cma)\tGreen\t\(Seed.cmaMilestone)\tDependant on NHSE Stage II",
                "\t\(Seed.stageII)\tAmber\t\(Seed.stageIIMilestone)\t30-Sep-16",
            ].joined(separator: "\n")
            let preview = try await admin.postMultipart(path, [("pasted", text), ("period", "2016-08")])
            #expect(preview.status == .ok, "\(preview.body.string.suffix(3000))")
            let html = preview.body.string
            let token = try #require(html.firstMatch(of: #/name="token" value="([^"]+)"/#).map { String($0.1) })
            // when the PMO imports it
            let started = try await admin.postMultipart(
                Link.importApply(portfolio: portfolio.info.id).path,
                [("token", token), ("period", "2016-08")] + ImportPageTests.columns(html))
            #expect(started.status == .seeOther, "\(started.body.string.prefix(3000))")
            let page = try await ImportPageTests.finished(
                admin, job: try #require(started.headers.first(name: .location)))
            // then the job page offers the link, with the Stage II milestone as what it may mean
            #expect(page.contains("Import finished"), "\(page)")
            #expect(page.contains("Dates written as another event"))
            #expect(page.contains("is dated “Dependant on NHSE Stage II”"))
            #expect(page.contains("value=\"\(Seed.stageIIMilestone)\""))
            #expect(page.contains(">Link</button>"))
        }
    }

    @Test(
        "A date moved in this period's submitted return puts a dependency at risk for the PMO, marked provisional, and not for the board until it is published",
        arguments: Backend.all)
    func provisionalOnOpenReturns(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let (portfolio, project) = try await Self.july(app)
            let (stageII, decision) = (try project(Seed.stageII), try project(Seed.decision))
            let pmo = Actor.commandLine("test")
            // given Stage II (31 August) waits on the preferred-option decision (20 July): clear, 42 days to spare
            try await Dependencies.add(
                app.db, pmo, projectID: stageII.id,
                draft: DependencyDraft(
                    milestone: Seed.stageIIMilestone, upstreamProject: Seed.decision,
                    upstreamMilestone: Seed.decisionMilestone))
            // and the CMA review (undated) waits on Stage II
            try await Dependencies.add(
                app.db, pmo, projectID: try project(Seed.cma).id,
                draft: DependencyDraft(
                    milestone: Seed.cmaMilestone, upstreamProject: Seed.stageII,
                    upstreamMilestone: Seed.stageIIMilestone))
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            for client in [admin, board] { _ = try await client.get("/") }
            let page = Link.portfolioDependencies(portfolio: portfolio.info.id).path
            #expect(try await admin.get(page).body.string.contains("No dependency is at risk."))
            // when August is open and the decision's return, submitted, moves it to 30 September
            let august = try await PeriodLifecycle.create(
                app.db, pmo, portfolioID: portfolio.info.id, key: "2016-08")
            _ = try await PeriodLifecycle.open(app.db, pmo, periodID: august.id)
            var form = try await Returns.sheet(app.db, periodID: august.id, projectID: decision.id).form
            form.rating = "Amber"
            form.update = "The decision moves to September."
            form.milestones = [MilestoneLine(title: Seed.decisionMilestone, date: "30-Sep-16")]
            try await Returns.save(app.db, pmo, periodID: august.id, projectID: decision.id, form: form)
            // then the PMO's cockpit and the dependency page show it at risk, provisionally
            let risk = "At risk: due 30 Sep 2016, 30 days after it is needed (31 Aug 2016)"
            let cockpit = try await admin.get(Link.home.path).body.string
            #expect(cockpit.contains(risk) && cockpit.contains("provisional: on this period&#39;s returns"))
            let pmoPage = try await admin.get(page).body.string
            #expect(pmoPage.contains(risk) && pmoPage.contains("(provisional)"))
            // and what waits on Stage II is at risk through it, provisionally too
            let knockOn = try #require(
                pmoPage.firstMatch(of: #/<li><a href="[^"]+">[^<]+</a> is at risk through .*?</li>/#))
            #expect(knockOn.output.contains(Seed.cmaMilestone.htmlEscaped) && knockOn.output.contains("provisional"))
            // and the board, who reads only what is published, sees it clear
            let boardPage = try await board.get(page).body.string
            #expect(!boardPage.contains(risk) && boardPage.contains("No dependency is at risk."))
            #expect(boardPage.firstMatch(of: #/<li><a href="[^"]+">[^<]+</a> is at risk through /#) == nil)
            #expect(!(try await board.get(Link.project(project: stageII.id).path).body.string.contains(risk)))
        }
    }
}
