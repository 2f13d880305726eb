import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor

@Suite("The audit log page")
struct AuditPageTests {
    @Test(
        "The PMO filters the log by who and what, pages through it, and reads changes as words", arguments: Backend.all)
    func filters(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            // given the PMO saves CDG Priorities' checks: chasers 3 days before, every check, the update rule and the
            // slip forecast off
            let ids = try await DemoIDs.load(app)
            _ = try await admin.get(Link.portfolio(portfolio: ids.cdg.info.id).path)
            let saved = try await admin.post(
                Link.portfolioChecks(portfolio: ids.cdg.info.id).path, ["chaseDaysBefore": "3"])
            #expect(saved.status == .seeOther, "\(saved.body.string.prefix(3000))")
            // when it filters to the portfolio's changes by the PMO
            let found = try await admin.get(Link.audit.path(query: "who=Demo%20PMO&what=portfolio")).body.string
            // then only those four are listed, each change in words, the time in UK time
            #expect(found.contains("Showing 1 to 4 of 4 changes."))
            #expect(found.contains("chaseDaysBefore: </span>none → 3"))
            #expect(found.contains("requireUpdate: </span>yes → no"))
            #expect(found.contains("slipForecastShown: </span>yes → no"))
            #expect(found.contains(" GMT") || found.contains(" BST"))
            #expect(!found.contains("<strong>create</strong> <a href=\"/users/"))
            // when it pages through everything, 50 at a time
            let total = try await AuditLog.search(app.db, AuditFilter(), offset: 0, limit: 1).total
            let first = try await admin.get(Link.audit.path).body.string
            #expect(first.contains("Showing 1 to \(min(50, total)) of \(total) changes."))
            #expect(first.contains("Older changes") == (total > 50))
            // and a day that cannot be read is said so, the form kept
            let bad = try await admin.get(Link.audit.path(query: "from=31-10-2016"))
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Write the date as a day, for example 2016-10-31."))
            // and an offset past any page is refused, not a crash
            let far = try await admin.get(Link.audit.path(query: "offset=\(Int.max)"))
            #expect(far.status == .unprocessableEntity)
            // and days filter by when: nothing before the demo was loaded
            let before = try await admin.get(Link.audit.path(query: "to=2000-01-01")).body.string
            #expect(before.contains("No change matches."))
        }
    }
}
