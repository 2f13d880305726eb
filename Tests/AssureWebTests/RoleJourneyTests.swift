import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Fluent
import Foundation
import Testing

/// Runs where chromedriver is installed; ASSURE_REQUIRE_BROWSER=1 (as .ci/run sets) makes its absence a failure.
private let browserAvailable =
    WebDriver.chromedriverPath != nil || ProcessInfo.processInfo.environment["ASSURE_REQUIRE_BROWSER"] == "1"

/// Each role's journey from signing in, as a person would walk it, on a desktop and on a phone, with axe-core run on
/// every page visited. Each runs once per database, SQLite at 1366 px and PostgreSQL at 390 px wide.
/// ASSURE_SCREENS=<folder> keeps a screenshot of each role's home (how docs/screens/ is made).
@Suite("Each role's journey, on a desktop and a phone", .serialized, .enabled(if: browserAvailable))
struct RoleJourneyTests {
    struct Screen: CustomStringConvertible, Sendable {
        let backend: Backend
        let width: Int
        var description: String { "\(backend) at \(width) px" }
    }

    static let screens: [Screen] = Backend.all.map { Screen(backend: $0, width: $0 == .sqlite ? 1366 : 390) }

    @Test("A project lead finds the return sent back to her, makes the changes and submits it", arguments: screens)
    func lead(screen: Screen) async throws {
        try await BrowserTests.withBrowser(screen.backend, before: Self.returnMAT001ForChanges) { browser, site in
            try await browser.setWindow(width: screen.width, height: 900)
            // when Jane signs in
            try await BrowserTests.signIn(browser, site, "jane.brennan@assure.demo")
            // then her home is her returns for October, with the reviewer's comment on the one sent back
            #expect(try await browser.text(of: "h1") == "Your returns for October 2016")
            let mine = try await browser.text(of: "ul.your-returns")
            #expect(mine.contains("Returned for changes by test (command line)."))
            #expect(mine.contains("Say when the Vanguard meets."))
            try await Self.check(browser, screen, keep: "lead-home")
            // when she makes the changes, at first leaving the update empty
            try await browser.click(try await browser.find(linkText: "Make the changes"))
            #expect(try await browser.text(of: "#previous-rating").contains("Last period (September 2016): Green"))
            let update = try await browser.find("#f-update")
            try await browser.clear(update)
            try await browser.click(try await browser.find("button[name=action][value=submit]"))
            // then it comes back saying an update is needed
            #expect(try await browser.text(of: ".error-summary").contains("Write an update before submitting"))
            try await Self.check(browser, screen)
            // when she writes one and submits
            try await browser.type(try await browser.find("#f-update"), "The Vanguard meets on 14 November.")
            try await browser.click(try await browser.find("button[name=action][value=submit]"))
            #expect(
                try await browser.waitForText(".notice", containing: "Return submitted for review.").contains(
                    "submitted"))
            // then her home says it waits for review
            try await browser.menu("Home")
            #expect(try await browser.text(of: "ul.your-returns li:first-child").contains("waiting for review"))
            try await Self.check(browser, screen)
        }
    }

    @Test("An SRO sees how many wait for her, reads a decline in words and approves it", arguments: screens)
    func sro(screen: Screen) async throws {
        try await BrowserTests.withBrowser(screen.backend, before: Self.declineMAT001) { browser, site in
            try await browser.setWindow(width: screen.width, height: 900)
            // when Karen, MAT001's clinical lead, signs in
            try await BrowserTests.signIn(browser, site, "karen.kirkham@assure.demo")
            // then the navigation counts what waits for her, and her home lists it oldest first
            #expect(try await browser.pageSource().contains("<span class=\"nav-count\"> 3<span"))
            #expect(try await browser.text(of: "h1") == "Waiting for your review (3)")
            try await Self.check(browser, screen, keep: "sro-home")
            // when she opens MAT001
            try await browser.click(
                try await browser.find(linkText: "MAT001 Maternity and Paediatric acute hospital network development"))
            // then the decline is shown as two badges and in words, with the findings and the update's change
            #expect(try await browser.text(of: "#rating-change") == "Declined from Green to Amber")
            #expect(try await browser.text(of: "main").contains("Assurance findings"))
            #expect(try await browser.text(of: ".side-by-side").contains("September 2016"))
            try await Self.check(browser, screen)
            // when she approves it
            try await browser.click(try await browser.find("button[name=action][value=approve]"))
            #expect(try await browser.waitForText(".notice", containing: "Return approved.").contains("approved"))
            // then two are left
            try await browser.menu("Home")
            #expect(try await browser.text(of: "h1") == "Waiting for your review (2)")
            try await Self.check(browser, screen)
        }
    }

    @Test("A board member finds what is Red and what changed, then opens the board paper", arguments: screens)
    func board(screen: Screen) async throws {
        try await BrowserTests.withBrowser(screen.backend) { browser, site in
            try await browser.setWindow(width: screen.width, height: 900)
            try await BrowserTests.signIn(browser, site, "board@assure.demo")
            // then the home has each portfolio's latest published period
            #expect(try await browser.text(of: "h1") == "What the board needs to know")
            #expect(try await browser.text(of: "main").contains("Latest published: September 2016"))
            try await Self.check(browser, screen, keep: "board-home")
            // when they read the Transformation Programme's July summary
            try await browser.click(try await browser.find(linkText: "Read the July 2016 summary"))
            // then the Red and declined projects are first, in words, with their mitigation; then slips and changes
            let attention = try await browser.text(of: "main .work-list")
            #expect(attention.contains("Declined from Amber to Red"))
            #expect(attention.contains("Mitigation:"))
            #expect(try await browser.text(of: "#slipped").contains("Milestones slipped (2)"))
            try await Self.check(browser, screen)
            // when they open the board paper of Our Dorset ICS
            try await browser.menu("Home")
            try await browser.click(try await browser.find(linkText: "Read the March 2018 summary"))
            try await browser.click(try await browser.find(linkText: "Board paper"))
            #expect(try await browser.waitForText("article", containing: "3.106").contains("Table of Abbreviations"))
            try await Self.check(browser, screen)
        }
    }

    @Test(
        "The PMO reads the cockpit, chases, and publishes after confirming what will be carried forward",
        arguments: screens)
    func pmo(screen: Screen) async throws {
        try await BrowserTests.withBrowser(screen.backend) { browser, site in
            try await browser.setWindow(width: screen.width, height: 900)
            try await BrowserTests.signIn(browser, site, DemoLoader.adminEmail)
            // then the cockpit shows October: 4 of 21 in, and the 17 not in listed once
            #expect(try await browser.text(of: "h1") == "Reporting this month")
            #expect(try await browser.text(of: ".figures").contains("4 of 21"))
            let missing = try await browser.text(of: ".missing-list")
            #expect(missing.components(separatedBy: "ICS001").count == 2)
            try await Self.check(browser, screen, keep: "pmo-home")
            // when it chases
            try await browser.click(try await browser.find("form[action$='/chase'] button"))
            #expect(try await browser.waitForText(".notice", containing: "Chasers queued").contains("Chasers queued"))
            try await browser.menu("Home")
            #expect(try await browser.text(of: ".figures").contains("chasers sent"))
            // when it goes to publish, choosing to carry the missing returns forward
            try await browser.click(try await browser.find(linkText: "Publish October 2016…"))
            try await browser.click(try await browser.find("input[name=missing][value=carry-forward]"))
            try await Self.check(browser, screen)
            try await browser.click(try await browser.find("#publish form button[type=submit]"))
            // then it is asked to confirm, seeing what will be carried forward, and nothing is published yet
            #expect(try await browser.waitForText("h1", containing: "Publish October 2016?") == "Publish October 2016?")
            #expect(try await browser.text(of: "main").contains("Carried forward (17)"))
            try await Self.check(browser, screen)
            #expect(try await browser.currentURL().contains("/publish/confirm"))
            // when it confirms
            try await browser.click(try await browser.find("main form button[type=submit]"))
            #expect(
                try await browser.waitForText(".notice", containing: "October 2016 published and frozen.").contains(
                    "published"))
            // then the audit log, under Administration, has the publication, readable
            try await browser.menu("Audit log")
            #expect(try await browser.text(of: "table.audit").contains("publish"))
            try await Self.check(browser, screen)
        }
    }

    /// October's MAT001, returned to Jane with a comment, as its reviewer would.
    static func returnMAT001ForChanges(_ db: any Database) async throws {
        let (period, mat001) = try await october(db)
        let sheet = try await Returns.sheet(db, periodID: period, projectID: mat001)
        _ = try await Returns.review(
            db, .commandLine("test"), periodID: period, projectID: mat001, action: .returnForChanges,
            comment: "Say when the Vanguard meets.", baseVersion: sheet.version)
    }

    /// October's MAT001 resubmitted as Amber (from September's Green), by the PMO on Jane's behalf.
    static func declineMAT001(_ db: any Database) async throws {
        let (period, mat001) = try await october(db)
        var form = try await Returns.sheet(db, periodID: period, projectID: mat001).form
        form.rating = "Amber"
        form.update = "The Vanguard has not met since September."
        try await Returns.save(
            db, .commandLine("test"), periodID: period, projectID: mat001, form: form, action: .submit)
    }

    static func october(_ db: any Database) async throws -> (period: UUID, mat001: UUID) {
        let (_, october) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
        let mat001 = try #require(try await Reports.report(db, periodID: october.id).row(reference: "MAT001")).project
            .id
        return (october.id, mat001)
    }

    /// Every page a journey visits: no horizontal scrolling on a phone, and axe-core finds nothing. `keep` saves
    /// a full-page screenshot under ASSURE_SCREENS.
    static func check(
        _ browser: WebDriver, _ screen: Screen, keep: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let url = try await browser.currentURL()
        let width = try await browser.execute("return document.documentElement.scrollWidth") as? Int ?? 0
        let viewport = try await browser.execute("return document.documentElement.clientWidth") as? Int ?? 0
        #expect(
            width <= viewport, "\(url) scrolls sideways: \(width) px in \(viewport) px", sourceLocation: sourceLocation)
        guard let axe = Axe.source else {
            Issue.record(
                "axe-core not found: pip install --no-deps axe-playwright-python", sourceLocation: sourceLocation)
            return
        }
        for violation in try await browser.accessibilityViolations(axe: axe) {
            Issue.record("\(url): \(violation)", sourceLocation: sourceLocation)
        }
        if let keep, let folder = ProcessInfo.processInfo.environment["ASSURE_SCREENS"] {
            let height = try await browser.execute("return document.documentElement.scrollHeight") as? Int ?? 900
            try await browser.setWindow(width: screen.width, height: min(height + 140, 4000))
            try await browser.screenshot(to: "\(folder)/\(keep)-\(screen.width).png")
            try await browser.setWindow(width: screen.width, height: 900)
        }
    }
}

@Suite("Keyboard only", .serialized, .enabled(if: browserAvailable))
struct KeyboardTests {
    static let tab = "\u{E004}", enter = "\u{E007}"

    @Test("A lead reaches the return form from the skip link, fills it in page order and submits it without a mouse")
    func returnFormByKeyboard() async throws {
        try await BrowserTests.withBrowser(.sqlite, before: RoleJourneyTests.returnMAT001ForChanges) { browser, site in
            try await BrowserTests.signIn(browser, site, "jane.brennan@assure.demo")
            try await browser.click(try await browser.find(linkText: "Make the changes"))
            // when she tabs from the top of the page: the skip link comes first, and leads to the content
            try await browser.execute("document.activeElement.blur(); window.scrollTo(0, 0);")
            try await browser.press(Self.tab)
            #expect(try await browser.focused() == "A:Skip to content")
            try await browser.press(Self.enter)
            // then tabbing through the form meets its fields in the order the page shows them; she adds to the update
            // on the way, and presses Enter on the submit button
            var order: [String] = []
            for _ in 0..<40 {
                try await browser.press(Self.tab)
                let now = try await browser.focused()
                if now.hasPrefix("f-") { order.append(now) }
                if now == "f-update" { try await browser.press(" The Vanguard meets on 14 November.") }
                if now.hasPrefix("BUTTON:Submit") { break }
            }
            #expect(
                Array(order.prefix(6)) == [
                    "f-rating", "f-update", "f-mitigation", "f-m0-title", "f-m0-date", "f-m0-rating",
                ])
            #expect(try await browser.focused() == "BUTTON:Submit for review")
            try await browser.press(Self.enter)
            // then the return is submitted
            #expect(
                try await browser.waitForText(".notice", containing: "Return submitted for review.").contains(
                    "submitted"))
        }
    }
}
