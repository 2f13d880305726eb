import AssureApp
import AssureCore
import AssureMail
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("The return cycle in the web app")
struct CyclePageTests {
    @Test("The returns page counts states per programme; only the PMO sees addresses", arguments: Backend.all)
    func trackingPage(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let path = Link.returnsTracking(period: ids.october.id).path
            // given the PMO, when it opens October's returns
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let page = try await admin.get(path)
            // then each expected return is listed with its state, and the owner's address
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Returns for October 2016"))
            #expect(html.contains("ICS001 Integrated Teams and End of Life Care"))
            #expect(html.contains("Sally Sandcraft &lt;sally.sandcraft@assure.demo&gt;"))
            #expect(html.contains("Chase"))
            // and a board member sees the same list without addresses or actions
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            let seen = try await board.get(path).body.string
            #expect(seen.contains("ICS001 Integrated Teams and End of Life Care"))
            #expect(!seen.contains("@assure.demo") && !seen.contains("Publish and freeze"))
            // and the API says the same, without addresses for the board member
            let json = try await board.get(Link.apiReturns(period: ids.october.id).path).body.string
            #expect(json.contains("\"state\":\"not-started\"") && !json.contains("ownerEmails"))
        }
    }

    @Test(
        "Publishing without a choice, or with returns missing under 'block', comes back with the reason and the choice kept",
        arguments: Backend.all)
    func publishRefusals(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await admin.get(Link.returnsTracking(period: ids.october.id).path)
            // when the PMO publishes without saying what happens to missing returns
            let unchosen = try await admin.post(Link.publishPeriod(period: ids.october.id).path, [:])
            #expect(unchosen.status == .unprocessableEntity)
            #expect(unchosen.body.string.contains("Choose what happens to returns that are not in"))
            // when it chooses to block
            let blocked = try await admin.post(
                Link.publishPeriod(period: ids.october.id).path, ["missing": "block"])
            #expect(blocked.status == .unprocessableEntity)
            // and the returns not in are listed once, under the publish form, not again in the message
            #expect(
                blocked.body.string.contains("so the period was not published. They are listed under “Not in yet”."))
            #expect(blocked.body.string.components(separatedBy: "<li>ICS001 ").count == 2)
            #expect(blocked.body.string.contains("value=\"block\" checked=\"checked\""))
            // then the period is still open
            #expect(try await Catalogue.period(app.db, id: ids.october.id).status == .open)
            // and re-opening a published period without a reason is refused on the page
            _ = try await admin.get(Link.returnsTracking(period: ids.june.id).path)
            let noReason = try await admin.post(Link.reopenPeriod(period: ids.june.id).path, ["reason": ""])
            #expect(
                noReason.status == .unprocessableEntity
                    && noReason.body.string.contains("Say why the published period is re-opened"))
        }
    }

    @Test("The clinical lead approves on the page; the lead then sees the return locked", arguments: Backend.all)
    func approveOnThePage(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let returnPath = Link.returnForm(period: ids.october.id, project: ids.mat001.id).path
            // given Karen Kirkham, a viewer who is the clinical lead MAT001 answers to
            let karen = try await WebClient.signedIn(app, as: "karen.kirkham@assure.demo")
            let page = try await karen.get(returnPath)
            #expect(
                page.status == .ok && page.body.string.contains("Approve") && !page.body.string.contains("Save draft"))
            // when she returns it without a comment, then the page says why, with nothing lost
            let version = String(
                try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).version)
            let review = Link.reviewReturn(period: ids.october.id, project: ids.mat001.id).path
            let empty = try await karen.post(
                review, ["action": "return-for-changes", "comment": "", "version": version])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Say what needs changing"))
            // when she approves
            #expect(
                try await karen.post(review, ["action": "approve", "comment": "", "version": version]).status
                    == .seeOther)
            // then Jane sees it approved and read-only
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            let locked = try await jane.get(returnPath).body.string
            #expect(
                locked.contains("Status: Approved.") && locked.contains("This return is approved.")
                    && !locked.contains("Save draft"))
            // and a board member may not even open it
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            #expect(try await board.get(returnPath).status == .forbidden)
        }
    }

    @Test("Chasers land in the outbox page; a bad address on the people page comes back kept", arguments: Backend.all)
    func outboxAndPeople(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let outbox = try await admin.get(Link.outbox.path).body.string
            #expect(outbox.contains("No mail server is configured"))
            #expect(outbox.contains("Return needed: CDG Priorities, October 2016"))
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            #expect(try await board.get(Link.outbox.path).status == .forbidden)
            #expect(try await board.get(Link.people.path).status == .forbidden)

            _ = try await admin.get(Link.people.path)
            let bad = try await admin.post(Link.personEmail(person: ids.jane).path, ["email": "jane at nhs"])
            #expect(bad.status == .unprocessableEntity)
            #expect(
                bad.body.string.contains("value=\"jane at nhs\"") && bad.body.string.contains("is not an email address")
            )
            #expect(try await Directory.find(app.db, name: "Jane Brennan")?.email == "jane.brennan@assure.demo")
        }
    }
}

@Suite(
    "The running server delivers the outbox",
    .enabled(if: TestMailServer.isAvailable || TestMailServer.isRequired, "aiosmtpd is not installed"))
struct OutboxWorkerTests {
    @Test(
        "A chaser sent from the returns page reaches the mail server, with a link to the public address",
        arguments: Backend.all)
    func chaseIsDelivered(backend: Backend) async throws {
        // given a mail server, and Assure configured to deliver every second
        let server = try TestMailServer()
        try server.start()
        defer { server.stop() }
        try await withWebApp(
            backend,
            adjust: {
                $0.mail = SMTPSettings(
                    host: "127.0.0.1", port: server.port, fromAddress: "pmo@assure.demo", timeoutSeconds: 10)
                $0.publicURL = "https://assure.example.nhs.uk"
                $0.deliveryIntervalSeconds = 1
            }
        ) { app in
            try await app.asyncBoot()  // runs the lifecycle handlers, as `serve` does: the outbox worker starts
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let ids = try await DemoIDs.load(app)
            // when the PMO chases October's missing returns, and Jane submits MAT002 Red (an alert to Karen Kirkham)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await admin.get(Link.returnsTracking(period: ids.october.id).path)
            #expect(try await admin.post(Link.chase(period: ids.october.id).path, [:]).status == .seeOther)
            let mat002 = try #require(
                try await Reports.report(app.db, periodID: ids.october.id).row(reference: "MAT002")
            ).project.id
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            let form = Link.returnForm(period: ids.october.id, project: mat002).path
            _ = try await jane.get(form)
            let version = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: mat002).version
            #expect(
                try await jane.post(
                    form,
                    [
                        "rating": "Red", "update": "Project group not yet formed.", "mitigation": "",
                        "baseVersion": String(version), "action": "submit",
                    ]
                ).status == .seeOther)
            // then, within a few seconds, every queued message has reached the server
            let expected = try await Outbox.list(app.db).count
            // (the server has a message a moment before the outbox records it sent, so wait for both)
            for _ in 0..<100 {
                if server.messages().count >= expected, try await Outbox.list(app.db).allSatisfy({ $0.status == .sent })
                {
                    break
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            await app.server.shutdown()
            #expect(server.messages().count == expected)
            #expect(try await Outbox.list(app.db).allSatisfy { $0.status == .sent })
            // and the alert links to the return at the public address
            let alert = try #require(
                server.messages().map(ParsedMail.init).first { $0.decodedSubject?.hasPrefix("Alert: MAT002") == true })
            #expect(alert.header("To") == "Karen Kirkham <karen.kirkham@assure.demo>")
            #expect(
                alert.body?.contains("https://assure.example.nhs.uk/periods/\(ids.october.id)/returns/\(mat002)")
                    == true)
        }
    }
}

@Suite("Published periods are served as unchanging")
struct ConditionalGetTests {
    @Test(
        "A published dashboard carries an ETag and answers 304; re-publishing changes it; an open period has none",
        arguments: Backend.all)
    func etags(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await admin.get("/")  // show the sign-in notice once, so the dashboard views below are plain
            let june = Link.programmeDashboard(period: ids.june.id).path
            // given June's published dashboard, as a page and from the API
            let first = try await admin.get(june)
            let tag = try #require(first.headers.first(name: .eTag))
            #expect(first.headers.first(name: .cacheControl) == "private, no-cache")
            // when asked again with the tag, then 304 and no body
            let again = try await admin.get(june, extra: ["If-None-Match": tag])
            #expect(again.status == .notModified && again.body.readableBytes == 0)
            let api = Link.apiProgrammeDashboard(period: ids.june.id).path
            let apiTag = try #require(try await admin.get(api).headers.first(name: .eTag))
            #expect(apiTag != tag)
            #expect(try await admin.get(api, extra: ["If-None-Match": apiTag]).status == .notModified)
            // and another user's tag is not this user's
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            _ = try await board.get("/")
            #expect(try await board.get(june, extra: ["If-None-Match": tag]).status == .ok)
            // and each user's page is their own, also when it is served again from the server's copy
            let boardPage = try await board.get(june).body.string
            #expect(boardPage.contains("board@assure.demo") || boardPage.contains("Board"))
            #expect(try await board.get(june).body.string == boardPage)
            #expect(try await admin.get(june).body.string == first.body.string)
            #expect(boardPage != first.body.string)
            // when June is re-opened and published again, then the old tag no longer matches
            _ = try await PeriodLifecycle.reopen(
                app.db, .commandLine("test"), periodID: ids.june.id, reason: "Correct PCBC")
            #expect(try await admin.get(june).headers.first(name: .eTag) == nil)
            _ = try await PeriodLifecycle.publish(
                app.db, .commandLine("test"), periodID: ids.june.id, missing: .carryForward)
            let republished = try await admin.get(june, extra: ["If-None-Match": tag])
            #expect(republished.status == .ok && republished.headers.first(name: .eTag) != tag)
            // and the open October period is never cached
            #expect(
                try await admin.get(Link.priorities(period: ids.october.id).path).headers.first(name: .eTag) == nil)
        }
    }

    @Test(
        "A reviewer's published page shows the returns waiting for them now, not when the page was first kept",
        arguments: Backend.all)
    func reviewCountFollowsTheWork(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let (_, september) = try await Catalogue.findPeriod(app.db, key: "2016-09", portfolio: "CDG Priorities")
            let published = Link.priorities(period: september.id).path
            // given Karen Kirkham, with October's MAT001 waiting for her review, reading September's published page
            let karen = try await WebClient.signedIn(app, as: "karen.kirkham@assure.demo")
            _ = try await karen.get("/")
            let actor = try #require(try await Users.actor(app.db, userID: ids.karenUser))
            let waiting = try await Work.waitingForReview(app.db, actor)
            #expect(waiting > 0)
            // (as a browser asks: the count is worked out only for a page)
            let browser: HTTPHeaders = ["Accept": "text/html,application/xhtml+xml"]
            func shows(_ count: Int, _ page: String) -> Bool {
                page.contains("\(count)<span class=\"visually-hidden\"> waiting for your review")
            }
            let first = try await karen.get(published, extra: browser)
            let tag = try #require(first.headers.first(name: .eTag))
            #expect(shows(waiting, first.body.string))
            // when she approves it
            let version = String(
                try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).version)
            _ = try await karen.get(Link.returnForm(period: ids.october.id, project: ids.mat001.id).path)
            let approved = try await karen.post(
                Link.reviewReturn(period: ids.october.id, project: ids.mat001.id).path,
                ["action": "approve", "comment": "", "version": version])
            #expect(approved.status == .seeOther)
            _ = try await karen.get("/")
            // then the same published page, asked for with its old tag, is sent again with one fewer waiting
            var withTag = browser
            withTag.add(name: "If-None-Match", value: tag)
            let again = try await karen.get(published, extra: withTag)
            #expect(again.status == .ok && again.headers.first(name: .eTag) != tag)
            #expect(try await Work.waitingForReview(app.db, actor) == waiting - 1)
            #expect(!shows(waiting, again.body.string) && (waiting == 1 || shows(waiting - 1, again.body.string)))
        }
    }
}
