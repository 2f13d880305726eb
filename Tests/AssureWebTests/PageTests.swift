import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Pages as a user sees them")
struct PageTests {
    @Test("The programme dashboard shows the seed 004 tables, flags and the key", arguments: Backend.all)
    func programmeDashboard(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let html = try await admin.get(Link.programmeDashboard(period: ids.june.id).path).body.string
            #expect(html.contains("Transformation Programme Dashboard Summary as at 30 Jun 2016"))
            #expect(html.contains("<span class=\"rag rag-off\""))  // Yellow, kept and marked
            #expect(html.contains("is not on the scale"))
            #expect(html.contains("by the roll-up rule the project carries Red"))
            #expect(html.contains("Further updates are being made to content in relation to Community Vanguard"))
            #expect(html.contains("For the PMO to check"))
            let csv = try await admin.get(Link.programmeDashboard(period: ids.june.id).path(query: "format=csv"))
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            let report = try await Reports.report(app.db, periodID: ids.june.id)
            #expect(csv.body.string == (try ReportOutput.render(.programmeDashboard, report, format: .csv)))
        }
    }

    @Test(
        "A return with bad values comes back with the values kept and each error beside its field",
        arguments: Backend.all)
    func badReturnKeepsValues(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            let path = Link.returnForm(period: ids.october.id, project: ids.mat001.id).path
            _ = try await jane.get(path)
            var fields = try await ids.returnFields(app, rating: "Purple", update: "My careful update & notes")
            fields["m1-title"] = ""
            fields["m1-date"] = "Jan-17"
            let response = try await jane.post(path, fields)
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("There is a problem"))
            #expect(html.contains("My careful update &amp; notes"))
            #expect(html.contains("value=\"Mid December 2016\""))
            #expect(html.contains("<option value=\"Purple\" selected=\"selected\">Purple</option>"))
            #expect(html.contains("id=\"f-rating-error\""))
            #expect(html.contains("id=\"f-m1-title-error\""))
            #expect(
                try await Reports.report(app.db, periodID: ids.october.id).row(reference: "MAT001")?.update.contains(
                    "careful") == false)
        }
    }

    @Test(
        "Two people edit one return: the second save gets both versions, not a silent overwrite", arguments: Backend.all
    )
    func conflictPage(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let path = Link.returnForm(period: ids.october.id, project: ids.mat001.id).path
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await jane.get(path)
            _ = try await admin.get(path)
            let opened = try await ids.returnFields(app)
            var first = opened
            first["update"] = "Jane's update"
            var second = opened
            second["update"] = "The PMO's update"
            #expect(try await jane.post(path, first).status == .seeOther)
            let clash = try await admin.post(path, second)
            #expect(clash.status == .conflict)
            #expect(clash.body.string.contains("Someone else saved this return"))
            #expect(clash.body.string.contains("Jane&#39;s update"))
            #expect(clash.body.string.contains("The PMO&#39;s update"))
            #expect(
                try await Reports.report(app.db, periodID: ids.october.id).row(reference: "MAT001")?.update
                    == "Jane's update")
        }
    }

    @Test("Text typed by users is escaped on every page and neutralised in CSV", arguments: Backend.all)
    func hostileTextIsEscaped(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let path = Link.returnForm(period: ids.october.id, project: ids.mat001.id).path
            _ = try await admin.get(path)
            var fields = try await ids.returnFields(app, update: "<script>alert('x')</script>")
            fields["m0-title"] = "\"><img src=x onerror=alert(1)>"
            fields["m0-date"] = "=HYPERLINK(\"http://evil\")"
            #expect(try await admin.post(path, fields).status == .seeOther)
            for page in [
                Link.priorities(period: ids.october.id).path, Link.project(project: ids.mat001.id).path, path,
                Link.audit.path,
            ] {
                let html = try await admin.get(page).body.string
                #expect(!html.contains("<script>alert"), "\(page)")
                #expect(!html.contains("<img src=x"), "\(page)")
            }
            let csv = try await admin.get(Link.priorities(period: ids.october.id).path(query: "format=csv")).body
                .string
            #expect(csv.contains("'=HYPERLINK"))
        }
    }

    @Test("A new database starts at set-up, which creates the first admin and signs them in", arguments: Backend.all)
    func firstRun(backend: Backend) async throws {
        try await withWebApp(backend, demo: false) { app in
            let browser = WebClient(app)
            #expect(try await browser.get("/").headers.first(name: .location) == "/setup")
            _ = try await browser.get("/setup")
            let bad = try await browser.post("/setup", ["name": "Marc Gorman", "email": "marc@", "password": "short"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("value=\"Marc Gorman\""))
            let good = try await browser.post(
                "/setup", ["name": "Marc Gorman", "email": "marc@dorset.nhs.uk", "password": "assurance lead 1"])
            #expect(good.status == .seeOther)
            let home = try await browser.get("/").body.string
            #expect(home.contains(">Marc Gorman</a>") && home.contains("<h1>Reporting this month</h1>"))
            #expect(try await Users.list(app.db).map(\.role) == [.admin])
        }
    }

    @Test("The API gives the same tables as JSON", arguments: Backend.all)
    func api(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let viewer = try await WebClient.signedIn(app, as: "board@assure.demo")
            let portfolios =
                try JSONSerialization.jsonObject(with: Data(buffer: try await viewer.get("/api/v1/portfolios").body))
                as? [[String: Any]]
            #expect(
                portfolios?.compactMap { $0["name"] as? String }.sorted() == [
                    "CDG Priorities", "Our Dorset ICS", "Transformation Programme",
                ])
            let dashboard = try await viewer.get(Link.apiPriorities(period: ids.october.id).path)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: dashboard.body)) as? [String: Any])
            let tables = try #require(json["tables"] as? [[String: Any]])
            #expect(tables.count == 6)
            #expect((tables[0]["columns"] as? [String])?.first == "CDG")
            let project = try await viewer.get(Link.apiProject(project: ids.mat001.id).path)
            #expect(project.body.string.contains("\"reference\":\"MAT001\""))
            #expect(project.body.string.contains("\"hasProjectPlan\":true"))
            #expect(project.body.string.contains("\"projectPlan\":\"Y - through Acute Vanguard\""))
            #expect(try await viewer.get("/api/v1/projects/not-a-uuid").status == .notFound)
        }
    }
}

@Suite("Assurance exceptions")
struct ExceptionsPageTests {
    @Test(
        "The exceptions page lists findings with counts, per programme too, and the PMO can switch a check off",
        arguments: Backend.all)
    func exceptions(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let (_, september) = try await Catalogue.findPeriod(app.db, key: "2016-09", portfolio: "CDG Priorities")
            let page = try await admin.get(Link.exceptions(period: september.id).path).body.string
            #expect(page.contains(Flag.Kind.overdueMilestone.title.htmlEscapedForTest))
            #expect(page.contains("Risk Stratification"))
            let mentalHealth = try await admin.get(
                Link.exceptions(period: september.id).path(query: "programme=\(ids.maternity.id.uuidString)")
            ).body.string
            #expect(!mentalHealth.contains("Risk Stratification"))
            // switch "overdue" off for the open October period's portfolio: it disappears from live periods only
            let october = Link.exceptions(period: ids.october.id).path(query: "format=csv")
            _ = try await admin.get(Link.portfolio(portfolio: ids.cdg.info.id).path)
            var fields: [String: String] = [:]
            for kind in Flag.Kind.allCases where kind.canBeSwitchedOff && kind != .overdueMilestone && kind != .noSRO {
                fields["on-\(kind.rawValue)"] = "1"
            }
            #expect(
                try await admin.post(Link.portfolioChecks(portfolio: ids.cdg.info.id).path, fields).status
                    == .seeOther)
            #expect(
                try await Catalogue.portfolio(app.db, id: ids.cdg.info.id).disabledChecks == [
                    .overdueMilestone, .noSRO,
                ])
            #expect(!(try await admin.get(october).body.string.contains(Flag.Kind.overdueMilestone.title)))
            #expect(
                try await admin.get(Link.exceptions(period: september.id).path).body.string
                    .contains(Flag.Kind.overdueMilestone.title.htmlEscapedForTest),
                "a published period keeps its findings")
        }
    }
}

extension String {
    var htmlEscapedForTest: String { replacingOccurrences(of: "'", with: "&#39;") }
}

@Suite("What changed, on the web and in the API")
struct ChangesPageTests {
    @Test(
        "The page defaults to the current period against the last published one, and the API agrees",
        arguments: Backend.all)
    func changes(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let viewer = try await WebClient.signedIn(app, as: "board@assure.demo")
            let transformation = try await Catalogue.findPortfolio(app.db, name: "Transformation Programme")
            let page = try await viewer.get(Link.changes(portfolio: transformation.info.id).path).body.string
            #expect(page.contains("what changed from June 2016 to July 2016"))
            #expect(page.contains("↑ Amber → Green"))
            #expect(page.contains("14 days later"))
            let csv = try await viewer.get(
                Link.changes(portfolio: transformation.info.id).path(query: "from=2016-07&to=2016-06&format=csv"))
            #expect(csv.body.string.contains("↓ Green → Amber"))
            let api = try await viewer.get(
                Link.apiChanges(portfolio: transformation.info.id).path(query: "from=2016-06&to=2016-07"))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: api.body)) as? [String: Any])
            #expect((json["counts"] as? [String: Int])?["declined"] == 2)
            #expect(
                try await viewer.get(Link.changes(portfolio: transformation.info.id).path(query: "from=2015-01"))
                    .status == .notFound)
        }
    }
}

extension ChangesPageTests {
    @Test(
        "The PMO asks for the board paper's progress section drafted from two periods; each project named links to it",
        arguments: Backend.all)
    func progressDraft(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let transformation = try await Catalogue.findPortfolio(app.db, name: "Transformation Programme")
            let changes = Link.changes(portfolio: transformation.info.id)
            // given the PMO on the page comparing June and July 2016
            let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let page = try await pmo.get(changes.path(query: "from=2016-06&to=2016-07")).body.string
            #expect(page.contains("from=2016-06&amp;to=2016-07&amp;draft=progress"))
            // when she asks for the draft
            let drafted = try await pmo.get(changes.path(query: "from=2016-06&to=2016-07&draft=progress")).body.string
            // then each programme's paragraph is there, in the paper's words, each project a link to its page
            #expect(drafted.contains("Portfolio progress: a draft from June 2016 to July 2016"))
            let nhse = try #require(
                try await Catalogue.projects(app.db, portfolioID: transformation.info.id).first {
                    $0.title == "NHSE Stage II assurance and Investment Committee"
                })
            #expect(
                drafted.contains(
                    #"One project declined to Red: <a href="\#(Link.project(project: nhse.id).path)">NHSE Stage II assurance and Investment Committee</a> (from Amber)."#
                ))
            #expect(drafted.contains("One project completed:"))
            // and a board member is neither offered it nor shown it by asking
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            let read = try await board.get(changes.path(query: "from=2016-06&to=2016-07&draft=progress")).body.string
            #expect(read.contains("what changed from June 2016 to July 2016"))
            #expect(!read.contains("progress-draft") && !read.contains("draft=progress"))
        }
    }
}

@Suite("Project page")
struct ProjectPageTests {
    @Test(
        "The project page shows ratings across periods and each milestone's slippage as SVG and as a table",
        arguments: Backend.all)
    func slippage(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let viewer = try await WebClient.signedIn(app, as: "board@assure.demo")
            let (_, july) = try await Catalogue.findPeriod(
                app.db, key: "2016-07", portfolio: "Transformation Programme")
            let project = try #require(
                try await Reports.report(app.db, periodID: july.id).row(title: "Mental Health Acute Care Pathway"))
            let html = try await viewer.get(Link.project(project: project.project.id).path).body.string
            #expect(html.contains("<svg"))
            #expect(html.contains("Re-forecast 17-Aug-16, reported July 2016"))
            #expect(html.contains(">14 days later</td>"))
            #expect(html.contains(">03-Aug-16 (June 2016)</td>"))
        }
    }
}
