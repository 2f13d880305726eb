import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Two servers on one database, each with its own memory, and a user whose requests land on either, as behind a
/// round-robin load balancer: nothing a user does may depend on which server answers.
@Suite("Several servers on one database")
struct ScaleOutTests {
    @Test(
        "An import previewed on one server is imported on the other; either shows its progress and outcome",
        arguments: Backend.all)
    func importAcrossServers(backend: Backend) async throws {
        try await withWebApps(backend, count: 2) { apps in
            let (first, second) = (apps[0], apps[1])
            let ids = try await DemoIDs.load(first)
            let path = Link.importTable(portfolio: ids.cdg.info.id).path
            let admin = try await WebClient.signedIn(first, as: DemoLoader.adminEmail)
            _ = try await admin.get(path)
            // given a table pasted and previewed on the first server
            let table =
                "CDG\tPROJECT REFERENCE\tPRIORITY\tRAG\nMental Health\tMH900\tCrisis line for young people\tAmber"
            let preview = try await admin.postMultipart(path, [("pasted", table), ("period", "2016-10")])
            #expect(preview.status == .ok)
            let html = preview.body.string
            let token = try #require(html.firstMatch(of: #/name="token" value="([^"]+)"/#).map { String($0.1) })
            let fields = [("token", token), ("period", "2016-10")] + ImportPageTests.columns(html)
            // when the import is sent to the second server
            admin.app = second
            let started = try await admin.postMultipart(Link.importApply(portfolio: ids.cdg.info.id).path, fields)
            #expect(started.status == .seeOther)
            let jobPath = try #require(started.headers.first(name: .location))
            // then the first server, which is not running it, follows it to the end
            admin.app = first
            var page = ""
            for _ in 0..<200 {
                page = try await admin.get(jobPath).body.string
                if page.contains("Import finished") || page.contains("Nothing was imported") { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(page.contains("Import finished"), "\(page)")
            #expect(page.contains("1 project created"), "\(page)")
            admin.app = second
            #expect(try await admin.get(jobPath).body.string.contains("Import finished"))
            let report = try await Reports.report(first.db, periodID: ids.october.id)
            #expect(report.row(reference: "MH900")?.ratingDisplay == "Amber")
            // and the draft is gone from every server: importing it again from the first is refused, not repeated
            admin.app = first
            let again = try await admin.postMultipart(Link.importApply(portfolio: ids.cdg.info.id).path, fields)
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("That upload has expired"))
            // and another PMO user cannot read the job
            let other = try await WebClient.signedIn(second, as: "board@assure.demo")
            #expect(try await other.get(jobPath).status == .notFound)
        }
    }

    @Test(
        "A return sent back on one server is resubmitted on the other and approved on the first; a stale approval is refused",
        arguments: Backend.all)
    func returnAcrossServers(backend: Backend) async throws {
        try await withWebApps(backend, count: 2) { apps in
            let (first, second) = (apps[0], apps[1])
            let ids = try await DemoIDs.load(first)
            let returnPath = Link.returnForm(period: ids.october.id, project: ids.mat001.id).path
            let review = Link.reviewReturn(period: ids.october.id, project: ids.mat001.id).path
            // given Karen, the clinical lead, sends MAT001's return back on the first server
            let karen = try await WebClient.signedIn(first, as: "karen.kirkham@assure.demo")
            _ = try await karen.get(returnPath)
            let submittedVersion = String(
                try await Returns.sheet(first.db, periodID: ids.october.id, projectID: ids.mat001.id).version)
            let sentBack = try await karen.post(
                review,
                [
                    "action": "return-for-changes", "comment": "Say when the framework is signed off.",
                    "version": submittedVersion,
                ])
            #expect(sentBack.status == .seeOther)
            // when Jane, its lead, opens it and resubmits on the second server
            let jane = try await WebClient.signedIn(second, as: "jane.brennan@assure.demo")
            let form = try await jane.get(returnPath).body.string
            #expect(form.contains("Say when the framework is signed off."))
            let resubmitted = try await jane.post(
                returnPath, try await ids.returnFields(second).merging(["action": "submit"]) { $1 })
            #expect(resubmitted.status == .seeOther)
            // then an approval of the version Karen saw before is refused on the second server, not applied
            karen.app = second
            _ = try await karen.get(returnPath)
            let stale = try await karen.post(
                review, ["action": "approve", "comment": "", "version": submittedVersion])
            #expect(stale.status == .conflict)
            // and Karen approves the resubmitted return on the first
            karen.app = first
            _ = try await karen.get(returnPath)
            let current = String(
                try await Returns.sheet(first.db, periodID: ids.october.id, projectID: ids.mat001.id).version)
            #expect(
                try await karen.post(review, ["action": "approve", "comment": "", "version": current]).status
                    == .seeOther)
            #expect(
                try await Returns.sheet(second.db, periodID: ids.october.id, projectID: ids.mat001.id).state
                    == .approved)
        }
    }

    @Test(
        "A published page kept by both servers is not served by either once the period is re-opened on one",
        arguments: Backend.all)
    func reopeningReachesEveryServer(backend: Backend) async throws {
        try await withWebApps(backend, count: 2) { apps in
            let (first, second) = (apps[0], apps[1])
            let ids = try await DemoIDs.load(first)
            let dashboard = Link.programmeDashboard(period: ids.june.id).path
            let admin = try await WebClient.signedIn(first, as: DemoLoader.adminEmail)
            _ = try await admin.get("/")  // the sign-in notice, shown once
            // given June's published dashboard read (and kept) on both servers
            for app in apps {
                admin.app = app
                let page = try await admin.get(dashboard)
                #expect(page.status == .ok && !page.body.string.contains(PeriodReport.provisionalNotice))
                #expect(page.headers.first(name: .eTag) != nil)
            }
            // when the PMO re-opens June on the second server
            admin.app = second
            _ = try await admin.get(Link.returnsTracking(period: ids.june.id).path)
            let reopened = try await admin.post(
                Link.reopenPeriod(period: ids.june.id).path, ["reason": "A late correction from the SRO."])
            #expect(reopened.status == .seeOther)
            // then the first server shows June as provisional, not the page it kept
            admin.app = first
            let page = try await admin.get(dashboard)
            #expect(page.status == .ok)
            #expect(page.body.string.contains(PeriodReport.provisionalNotice))
        }
    }
}

extension ScaleOutTests {
    @Test(
        "Behind a trusted balancer the audit log records each client's own address; otherwise the peer's",
        arguments: Backend.all)
    func auditedAddress(backend: Backend) async throws {
        for trusted in [true, false] {
            try await withWebApps(
                backend, count: 1,
                adjust: { settings, _ in settings.trustedProxies = trusted ? [NetworkRange("127.0.0.1")!] : [] }
            ) { apps in
                let app = apps[0]
                // given Jane's script at 198.51.100.7, reaching Assure through a balancer on loopback
                let (ids, _, secret, script, path) = try await APITokenTests.janeWithToken(
                    app, scope: .write, name: "tracker")
                script.transport = .live
                script.forwardedFor = "198.51.100.7"
                // when it saves MAT001's return
                let version = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id)
                    .form.baseVersion
                let saved = try await script.send(
                    .PUT, path, json: APITokenTests.returnBody(version: version, rating: "Red"), bearer: secret)
                #expect(saved.status == .ok, "\(saved.body.string)")
                // then the audit log says where from: her address when the balancer is trusted, else the balancer's
                let entry = try #require(try await AuditLog.recent(app.db, limit: 1, entity: "return").first)
                #expect(entry.address == (trusted ? "198.51.100.7" : "127.0.0.1"))
                // and the chain, which covers the address, still holds
                #expect(try await AuditChain.verify(app.db).broken == nil)
                let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
                #expect(try await admin.get(Link.audit.path).body.string.contains("from \(entry.address ?? "?")"))
            }
        }
    }
}

@Suite("What a load balancer asks each server")
struct HealthCheckTests {
    @Test(
        "Alive and ready name the server; a database missing a migration, or migrated by a newer Assure, is not ready",
        arguments: Backend.all)
    func liveAndReady(backend: Backend) async throws {
        try await withWebApps(backend, count: 1, adjust: { settings, _ in settings.serverName = "app-7:8080" }) {
            apps in
            let app = apps[0]
            let client = WebClient(app)
            // given a server that has started
            let alive = try await client.get("/healthz")
            #expect(alive.status == .ok && alive.body.string == "alive: app-7:8080\n")
            #expect(alive.headers.first(name: .setCookie) == nil)
            let ready = try await client.get("/readyz")
            #expect(ready.status == .ok && ready.body.string == "ready: app-7:8080\n")
            // and every other answer names it, errors too
            #expect(try await client.get("/login").headers.first(name: "X-Served-By") == "app-7:8080")
            #expect(try await client.get("/no-such-page").headers.first(name: "X-Served-By") == "app-7:8080")
            // when a newer Assure has migrated the database
            let sql = try #require(app.db as? SQLDatabase)
            try await sql.raw(
                "INSERT INTO _fluent_migrations (id, name, batch, created_at, updated_at) VALUES (\(bind: UUID()), 'AssureStorage.M999_FromTheFuture', 99, NULL, NULL)"
            ).run()
            // then it is not ready, says why, and asks to be tried again; it is still alive
            let newer = try await client.get("/readyz")
            #expect(newer.status == .serviceUnavailable)
            #expect(newer.body.string.contains("M999_FromTheFuture"))
            #expect(newer.headers.first(name: .retryAfter) == "5")
            #expect(try await client.get("/healthz").status == .ok)
            // when instead a migration it needs has not run
            try await sql.raw(
                "DELETE FROM _fluent_migrations WHERE name LIKE '%M999_FromTheFuture' OR name LIKE '%M036_CreateImportJobs'"
            ).run()
            let behind = try await client.get("/readyz")
            #expect(behind.status == .serviceUnavailable)
            #expect(behind.body.string.contains("M036_CreateImportJobs has not run"))
        }
    }
}
