import AssureCore
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor

/// Runs where chromedriver is installed; ASSURE_REQUIRE_BROWSER=1 (as .ci/run sets) makes its absence a failure.
private let browserAvailable = WebDriver.chromedriverPath != nil || ProcessInfo.processInfo.environment["ASSURE_REQUIRE_BROWSER"] == "1"

@Suite("In a real browser", .serialized, .enabled(if: browserAvailable))
struct BrowserTests {
    @Test("A lead signs in, finds their priority, submits a return past a form error, and the dashboard shows the new rating and arrow",
          arguments: Backend.all)
    func leadSubmitsReturn(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given Assure serving the demo, and a browser
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let site = "http://127.0.0.1:\(port)"
            var failure: Error?
            do {
                let browser = try await WebDriver(port: Int.random(in: 20_000...40_000), client: app.client)
                do {
                    try await Self.walk(browser, site)
                } catch {
                    if let dir = ProcessInfo.processInfo.environment["ASSURE_SCREENSHOTS"] { try? await browser.screenshot(to: "\(dir)/failure.png") }
                    failure = error
                }
                await browser.quit()
            } catch {
                failure = error
            }
            await app.server.shutdown()
            if let failure { throw failure }
        }
    }

    static func walk(_ browser: WebDriver, _ site: String) async throws {
        let shots = ProcessInfo.processInfo.environment["ASSURE_SCREENSHOTS"]
        // when Jane Brennan, head of service for Maternity, signs in
        try await browser.go(site + "/")
        #expect(try await browser.currentURL().hasSuffix("/login"))
        try await browser.type(try await browser.find("#f-email"), "jane.brennan@assure.demo")
        try await browser.type(try await browser.find("#f-password"), DemoLoader.adminPassword)
        try await browser.click(try await browser.find("main button[type=submit]"))
        #expect(try await browser.text(try await browser.find(".notice")).contains("Signed in as Jane Brennan"))

        // and opens the CDG Priorities dashboard for the open October period
        try await browser.click(try await browser.find(linkText: "CDG Priorities"))
        try await browser.click(try await browser.find("a[href$='/priorities']"))
        #expect(try await browser.text(try await browser.find("h1")).contains("October 2016"))
        if let shots { try await browser.screenshot(to: "\(shots)/priorities-before.png") }

        // and goes to MAT001 to enter its return
        try await browser.click(try await browser.find(linkText: "Maternity and Paediatric acute hospital network development"))
        try await browser.click(try await browser.find(linkText: "Enter return for October 2016"))
        try await browser.click(try await browser.find("#f-rating option[value='Red']"))
        let update = try await browser.find("#f-update")
        try await browser.clear(update)
        try await browser.type(update, "Vanguard workstreams paused: escalated to the CDG.")
        try await browser.type(try await browser.find("input[name='m1-date']"), "Jan-17")
        try await browser.click(try await browser.find("main form button[type=submit]"))

        // then the form comes back with the error beside the milestone and nothing typed is lost
        #expect(try await browser.text(try await browser.find(".error-summary")).contains("Name the milestone"))
        #expect(try await browser.property(try await browser.find("#f-update"), "value") == "Vanguard workstreams paused: escalated to the CDG.")
        #expect(try await browser.property(try await browser.find("input[name='m1-date']"), "value") == "Jan-17")
        if let shots { try await browser.screenshot(to: "\(shots)/return-errors.png") }

        // when she names the milestone and saves
        try await browser.type(try await browser.find("input[name='m1-title']"), "Escalation to the CDG")
        try await browser.click(try await browser.find("main form button[type=submit]"))
        #expect(try await browser.text(try await browser.find(".notice")).contains("Return saved."))

        // then the dashboard shows MAT001 Red, declined since September
        try await browser.click(try await browser.find(linkText: "CDG Priorities"))
        try await browser.click(try await browser.find("a[href$='/priorities']"))
        let row = try await browser.text(try await browser.find("table.report tbody tr"))
        #expect(row.contains("MAT001"))
        #expect(row.contains("Red"))
        #expect(row.contains("↓"))
        if let shots { try await browser.screenshot(to: "\(shots)/priorities-after.png") }
    }
}
