import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Fluent
import Foundation
import Testing
import Vapor

/// Runs where chromedriver is installed; ASSURE_REQUIRE_BROWSER=1 (as .ci/run sets) makes its absence a failure.
private let browserAvailable =
    WebDriver.chromedriverPath != nil || ProcessInfo.processInfo.environment["ASSURE_REQUIRE_BROWSER"] == "1"

@Suite("In a real browser", .serialized, .enabled(if: browserAvailable))
struct BrowserTests {
    @Test(
        "A lead signs in, finds their priority, submits a return past a form error, and the dashboard shows the new rating and arrow",
        arguments: Backend.all)
    func leadSubmitsReturn(backend: Backend) async throws {
        try await Self.withBrowser(backend) { browser, site in try await Self.walk(browser, site) }
    }

    @Test(
        "The cycle: the PMO opens a period, a lead submits, the clinical lead approves, the PMO publishes, the dashboard moves",
        arguments: Backend.all)
    func monthlyCycle(backend: Backend) async throws {
        try await Self.withBrowser(backend) { browser, site in try await Self.cycle(browser, site) }
    }

    @Test(
        "The PMO uploads a seed table, fixes the problem the preview shows, imports it and opens the dashboard",
        arguments: Backend.all)
    func importTable(backend: Backend) async throws {
        try await Self.withBrowser(backend) { browser, site in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "assure-seed000-\(UUID().uuidString).txt")
            try seedTable("seed000-summary").write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            // given the PMO on the CDG Priorities page, who uploads the paper's summary table for November
            try await Self.signIn(browser, site, DemoLoader.adminEmail)
            try await browser.menu("Portfolios")
            try await browser.click(try await browser.find(linkText: "CDG Priorities"))
            try await browser.click(try await browser.find(linkText: "Import a table or spreadsheet"))
            try await browser.type(try await browser.find("#f-file"), file.path)
            let period = try await browser.find("#f-period")
            try await browser.clear(period)
            try await browser.type(period, "2016-11")
            try await browser.click(try await browser.find("main form button[type=submit]"))
            // then the preview names the cell that stops it
            #expect(
                try await browser.waitForText(".error-summary", containing: "Row 20, column D (RAG)").contains(
                    "Priority owned by M&FH"))
            #expect(try await browser.text(of: "table.mapping").contains("PROJECT REFERENCE"))
            // when the PMO keeps off-scale ratings as written, updates the preview and imports
            try await browser.click(try await browser.find("#f-keepOffScale"))
            try await browser.click(try await browser.find("main form button.secondary"))
            try await browser.click(try await browser.find("button[formaction]"))
            // then the progress page finishes, and the November dashboard shows the imported ratings
            #expect(
                try await browser.waitForText("h1", containing: "Import finished", seconds: 20) == "Import finished")
            try await browser.click(try await browser.find(linkText: "Open the November 2016 dashboard"))
            #expect(
                try await browser.waitForText("main", containing: "Dementia").contains(
                    "Co-produce model for organic specialist pathway"))
        }
    }

    @Test(
        "The PMO over-allocates a funding round and sees it flagged, then opens the board paper", arguments: Backend.all
    )
    func registers(backend: Backend) async throws {
        try await Self.withBrowser(backend) { browser, site in
            try await Self.signIn(browser, site, DemoLoader.adminEmail)
            try await browser.menu("Funding")
            #expect(
                try await browser.waitForText("main", containing: "Headroom: £670,000 of £6,800,000.").contains(
                    "Headroom"))
            try await browser.type(try await browser.find("#f-label"), "Digital first")
            try await browser.type(try await browser.find("#f-amount"), "£1,000,000")
            try await browser.click(try await browser.find("form[action$='/allocations'] button"))
            #expect(
                try await browser.waitForText(".notice", containing: "over the envelope by £330,000").contains(
                    "£330,000"))
            #expect(try await browser.text(of: "main").contains("Over the envelope by £330,000."))
            try await browser.menu("Risks")
            #expect(try await browser.waitForText("main", containing: "Heat map").contains("STP - SYSTEM WIDE RISKS"))
            try await browser.menu("Portfolios")
            try await browser.click(try await browser.find(linkText: "Our Dorset ICS"))
            try await browser.click(try await browser.find(linkText: "Board paper"))
            #expect(try await browser.waitForText("article", containing: "3.106").contains("9. Table of Abbreviations"))
        }
    }

    @Test(
        "A board member reads October's published dashboard with carried-forward rows, then November's provisional one",
        arguments: Backend.all)
    func boardReads(backend: Backend) async throws {
        try await Self.withBrowser(
            backend,
            before: { db in
                // given October published with the missing returns carried forward, and November opened with a draft in it
                let pmo = Actor.commandLine("test")
                let (portfolio, october) = try await Catalogue.findPeriod(
                    db, key: "2016-10", portfolio: "CDG Priorities")
                _ = try await PeriodLifecycle.publish(db, pmo, periodID: october.id, missing: .carryForward)
                let november = try await PeriodLifecycle.create(db, pmo, portfolioID: portfolio.info.id, key: "2016-11")
                _ = try await PeriodLifecycle.open(db, pmo, periodID: november.id)
                let mat001 = try #require(try await Reports.report(db, periodID: november.id).row(reference: "MAT001"))
                    .project.id
                var form = try await Returns.sheet(db, periodID: november.id, projectID: mat001).form
                form.update = "Unagreed draft about the Vanguard."
                try await Returns.save(
                    db, pmo, periodID: november.id, projectID: mat001, form: form, action: .saveDraft)
            }
        ) { browser, site in
            let shots = ProcessInfo.processInfo.environment["ASSURE_SCREENSHOTS"]
            // when the board member opens the portfolio
            try await Self.signIn(browser, site, "board@assure.demo")
            #expect(try await browser.text(of: "main").contains("Latest published: October 2016"))
            try await browser.menu("Portfolios")
            try await browser.click(try await browser.find(linkText: "CDG Priorities"))
            // then it lands on October, the latest published period, and its counts say how many were not updated
            let glance = try await browser.text(of: "main section")
            #expect(glance.contains("October 2016 at a glance"))
            #expect(glance.contains("not updated"))
            #expect(!glance.contains(PeriodReport.provisionalNotice))
            // when they open October's priorities report
            try await browser.click(try await browser.find(linkText: "Priorities report"))
            #expect(try await browser.text(of: "h1").contains("October 2016"))
            // then each carried-forward row says so in words, and the PMO's working notes are not there
            let table = try await browser.text(of: "table.report")
            #expect(table.contains("Not updated since September 2016"))
            let main = try await browser.text(of: "main")
            #expect(!main.contains("For the PMO to check"))
            #expect(!main.contains(PeriodReport.provisionalNotice))
            if let shots { try await browser.screenshot(to: "\(shots)/board-october.png") }
            // when they choose November, still open
            try await browser.click(try await browser.find(linkText: "November 2016 (open)"))
            // then every page says it is provisional, and the draft is not shown
            #expect(
                try await browser.text(of: ".provisional").contains(
                    "Provisional: not yet published; includes returns not yet approved"))
            #expect(!(try await browser.pageSource()).contains("Unagreed draft"))
            if let shots { try await browser.screenshot(to: "\(shots)/board-november.png") }
        }
    }

    /// Assure serving the demo on a free port, and a headless Chromium driven over WebDriver; a screenshot on failure.
    /// `before` prepares the database as the PMO would have left it.
    static func withBrowser(
        _ backend: Backend, before: @escaping (any Database) async throws -> Void = { _ in },
        _ body: @escaping (WebDriver, String) async throws -> Void
    ) async throws {
        try await withWebApp(backend) { app in
            try await before(app.db)
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let site = "http://127.0.0.1:\(port)"
            WebDriver.trace("\(backend): serving on \(port)")
            var failure: Error?
            do {
                let browser = try await WebDriver(port: try Loopback.freePort(), client: app.client)
                WebDriver.trace("\(backend): browser ready")
                do {
                    try await body(browser, site)
                } catch {
                    if let dir = ProcessInfo.processInfo.environment["ASSURE_SCREENSHOTS"] {
                        try? await browser.screenshot(to: "\(dir)/failure.png")
                    }
                    failure = error
                }
                WebDriver.trace("\(backend): walk done (\(failure.map { "\($0)" } ?? "passed")), quitting")
                await browser.quit()
            } catch {
                failure = error
            }
            WebDriver.trace("\(backend): browser gone, stopping the server")
            await app.server.shutdown()
            WebDriver.trace("\(backend): server stopped")
            if let failure { throw failure }
        }
    }

    static func signIn(_ browser: WebDriver, _ site: String, _ email: String) async throws {
        try await browser.go(site + "/login")
        try await browser.type(try await browser.find("#f-email"), email)
        try await browser.type(try await browser.find("#f-password"), DemoLoader.adminPassword)
        try await browser.click(try await browser.find("main button[type=submit]"))
        #expect(try await browser.waitForText(".notice", containing: "Signed in as").contains("Signed in as"))
    }

    static func signOut(_ browser: WebDriver) async throws {
        try await browser.click(try await browser.find("header button.link-button"))
        // Wait for the sign-in page the sign-out lands on: going on at once can cancel the sign-out's post, leaving
        // the old session signed in and the next /login redirected home.
        _ = try await browser.find("#f-email")
    }

    static func cycle(_ browser: WebDriver, _ site: String) async throws {
        let shots = ProcessInfo.processInfo.environment["ASSURE_SCREENSHOTS"]
        // given the PMO, who publishes October (carrying missing returns forward) and opens November
        try await signIn(browser, site, DemoLoader.adminEmail)
        try await browser.menu("Portfolios")
        try await browser.click(try await browser.find(linkText: "CDG Priorities"))
        try await browser.click(try await browser.find(linkText: "Publish…"))
        try await browser.click(try await browser.find("input[name=missing][value=carry-forward]"))
        try await browser.click(try await browser.find("#publish form button[type=submit]"))
        try await browser.click(try await browser.find(xpath: "//button[normalize-space()='Publish and freeze']"))
        #expect(
            try await browser.waitForText(".notice", containing: "October 2016 published and frozen.").contains(
                "October 2016 published and frozen."))
        try await browser.menu("Portfolios")
        try await browser.click(try await browser.find(linkText: "CDG Priorities"))
        try await browser.type(try await browser.find("#f-period"), "2016-11")
        try await browser.click(
            try await browser.find("button[type=submit]:not(.secondary):not(.link-button)[class=button]"))
        #expect(
            try await browser.waitForText(".notice", containing: "Created November 2016 as a draft.").contains(
                "Created November 2016 as a draft."))
        try await browser.click(try await browser.find("form[action$='/open'] button"))
        #expect(
            try await browser.waitForText(".notice", containing: "November 2016 opened for returns.").contains(
                "November 2016 opened for returns."))
        try await signOut(browser)

        // when Jane Brennan submits MAT001 as Red
        try await signIn(browser, site, "jane.brennan@assure.demo")
        try await browser.menu("Portfolios")
        try await browser.click(try await browser.find(linkText: "CDG Priorities"))
        try await browser.click(try await browser.find("a[href$='/priorities']"))
        try await browser.click(
            try await browser.find(linkText: "Maternity and Paediatric acute hospital network development"))
        try await browser.click(try await browser.find(linkText: "Enter return for November 2016"))
        try await browser.click(try await browser.find("#f-rating option[value='Red']"))
        let update = try await browser.find("#f-update")
        try await browser.clear(update)
        try await browser.type(update, "Vanguard workstreams paused: escalated to the CDG.")
        try await browser.click(try await browser.find("button[name=action][value=submit]"))
        #expect(
            try await browser.waitForText(".notice", containing: "Return submitted for review.").contains(
                "Return submitted for review."))
        try await signOut(browser)

        // and Karen Kirkham, the clinical lead it answers to, finds it in the returns list and approves it
        try await signIn(browser, site, "karen.kirkham@assure.demo")
        try await browser.menu("Portfolios")
        try await browser.click(try await browser.find(linkText: "CDG Priorities"))
        try await browser.click(try await browser.find("tbody tr:first-child a[href$='/returns']"))
        #expect(try await browser.text(of: "h1") == "Returns for November 2016")
        try await browser.click(
            try await browser.find(linkText: "MAT001 Maternity and Paediatric acute hospital network development"))
        #expect(try await browser.text(of: "#return-state").contains("Status: Submitted."))
        if let shots { try await browser.screenshot(to: "\(shots)/review.png") }
        try await browser.click(try await browser.find("button[name=action][value=approve]"))
        #expect(try await browser.waitForText(".notice", containing: "Return approved.").contains("Return approved."))
        let mat001State = try await browser.text(of: "table.tracking tbody tr:first-child td.state")
        #expect(mat001State == "Approved")
        if let shots { try await browser.screenshot(to: "\(shots)/returns-page.png") }
        try await signOut(browser)

        // and the PMO sees the alert to Karen in the outbox, then publishes November, carrying the rest forward
        try await signIn(browser, site, DemoLoader.adminEmail)
        try await browser.menu("Outbox")
        #expect(
            try await browser.text(of: "table.outbox tbody").contains(
                "Alert: MAT001 Maternity and Paediatric acute hospital network development has turned Red (November 2016)"
            ))
        try await browser.menu("Portfolios")
        try await browser.click(try await browser.find(linkText: "CDG Priorities"))
        try await browser.click(try await browser.find(linkText: "Publish…"))
        try await browser.click(try await browser.find("button.button:not(.secondary):not(.link-button)"))
        // (without a choice the form comes back asking for one)
        #expect(try await browser.text(of: ".error-summary").contains("Choose what happens to returns that are not in"))
        try await browser.click(try await browser.find("input[name=missing][value=carry-forward]"))
        try await browser.click(try await browser.find("button.button:not(.secondary):not(.link-button)"))
        try await browser.click(try await browser.find(xpath: "//button[normalize-space()='Publish and freeze']"))
        #expect(
            try await browser.waitForText(".notice", containing: "November 2016 published and frozen.").contains(
                "November 2016 published and frozen."))

        // then the November dashboard shows MAT001 Red, declined, and a carried-forward project marked not updated
        try await browser.menu("Portfolios")
        try await browser.click(try await browser.find(linkText: "CDG Priorities"))
        try await browser.click(try await browser.find("tbody tr:first-child a[href$='/priorities']"))
        #expect(try await browser.text(of: "h1").contains("November 2016"))
        let row = try await browser.text(of: "table.report tbody tr")
        #expect(row.contains("MAT001") && row.contains("Red") && row.contains("↓"))
        #expect(try await browser.pageSource().contains("Not updated this period"))
        if let shots { try await browser.screenshot(to: "\(shots)/cycle-published.png") }
    }

    static func walk(_ browser: WebDriver, _ site: String) async throws {
        let shots = ProcessInfo.processInfo.environment["ASSURE_SCREENSHOTS"]
        // when Jane Brennan, head of service for Maternity, signs in
        try await browser.go(site + "/")
        #expect(try await browser.currentURL().hasSuffix("/login"))
        try await browser.type(try await browser.find("#f-email"), "jane.brennan@assure.demo")
        try await browser.type(try await browser.find("#f-password"), DemoLoader.adminPassword)
        try await browser.click(try await browser.find("main button[type=submit]"))
        #expect(
            try await browser.waitForText(".notice", containing: "Signed in as Jane Brennan").contains(
                "Signed in as Jane Brennan"))

        // and opens the CDG Priorities dashboard for the open October period
        try await browser.menu("Portfolios")
        try await browser.click(try await browser.find(linkText: "CDG Priorities"))
        try await browser.click(try await browser.find("a[href$='/priorities']"))
        #expect(try await browser.text(of: "h1").contains("October 2016"))
        if let shots { try await browser.screenshot(to: "\(shots)/priorities-before.png") }

        // and goes to MAT001 to enter its return
        try await browser.click(
            try await browser.find(linkText: "Maternity and Paediatric acute hospital network development"))
        try await browser.click(try await browser.find(linkText: "Enter return for October 2016"))
        try await browser.click(try await browser.find("#f-rating option[value='Red']"))
        let update = try await browser.find("#f-update")
        try await browser.clear(update)
        try await browser.type(update, "Vanguard workstreams paused: escalated to the CDG.")
        try await browser.type(try await browser.find("input[name='m1-date']"), "Jan-17")
        try await browser.click(try await browser.find("main form button[type=submit]"))

        // then the form comes back with the error beside the milestone and nothing typed is lost
        #expect(try await browser.text(of: ".error-summary").contains("Name the milestone"))
        #expect(
            try await browser.property(try await browser.find("#f-update"), "value")
                == "Vanguard workstreams paused: escalated to the CDG.")
        #expect(try await browser.property(try await browser.find("input[name='m1-date']"), "value") == "Jan-17")
        if let shots { try await browser.screenshot(to: "\(shots)/return-errors.png") }

        // when she names the milestone and saves
        try await browser.type(try await browser.find("input[name='m1-title']"), "Escalation to the CDG")
        try await browser.click(try await browser.find("main form button[type=submit]"))
        #expect(
            try await browser.waitForText(".notice", containing: "Return submitted for review.").contains(
                "Return submitted for review."))

        // then the dashboard shows MAT001 Red, declined since September
        try await browser.menu("Portfolios")
        try await browser.click(try await browser.find(linkText: "CDG Priorities"))
        try await browser.click(try await browser.find("a[href$='/priorities']"))
        let row = try await browser.text(of: "table.report tbody tr")
        #expect(row.contains("MAT001"))
        #expect(row.contains("Red"))
        #expect(row.contains("↓"))
        if let shots { try await browser.screenshot(to: "\(shots)/priorities-after.png") }
    }
}
