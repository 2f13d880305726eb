import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Fluent
import Testing
import Vapor
import VaporTesting

@Suite("Every write route refuses whoever may not write")
struct AuthorisationTests {
    /// A valid body for each write route, so a refusal can only come from who is asking.
    static func writes(_ app: Application, _ ids: DemoIDs) async throws -> [(AppRoute, String, [String: String])] {
        let dependency = try await Self.dependencyFixture(app, ids)
        return [
            (.projectDependencies, Link.projectDependencies(project: ids.mat001.id).path, dependency.fields),
            (
                .removeDependency, Link.removeDependency(project: ids.mat001.id, item: dependency.toRemove).path,
                [:]
            ),
            (.portfolios, Link.portfolios.path, ["name": "Primary Care", "scale": "five-point"]),
            (
                .createProgramme, Link.createProgramme(portfolio: ids.cdg.info.id).path,
                ["name": "Prevention at Scale", "kind": "programme", "clinicalLead": "", "headOfService": ""]
            ),
            (
                .createProject, Link.createProject(portfolio: ids.cdg.info.id).path,
                [
                    "programme": ids.maternity.name, "parent": "", "reference": "MAT099",
                    "title": "Perinatal mental health", "sro": "", "lead": "",
                ]
            ),
            (
                .portfolioChecks, Link.portfolioChecks(portfolio: ids.cdg.info.id).path,
                ["on-overdue-milestone": "1"]
            ),
            (
                .createPeriod, Link.createPeriod(portfolio: ids.cdg.info.id).path,
                ["period": "2016-12", "frequency": "monthly", "asAt": "", "publishOn": ""]
            ),
            (
                .returnForm, Link.returnForm(period: ids.october.id, project: ids.mat001.id).path,
                try await ids.returnFields(app)
            ),
            (
                .editProject, Link.editProject(project: ids.mat001.id).path,
                [
                    "reference": "MAT001", "title": "Renamed",
                    "programme": ids.maternity.name, "sro": "", "lead": "Jane Brennan", "baseVersion": "1",
                ]
            ),
            (
                .users, Link.users.path,
                [
                    "name": "New Person", "email": "new@assure.demo", "role": "viewer", "programme": "",
                    "password": "long enough 1",
                ]
            ),
            (
                .setup, Link.setup.path,
                ["name": "Intruder", "email": "intruder@assure.demo", "password": "long enough 1"]
            ),
            (.user, Link.user(id: ids.karenUser).path, ["role": "viewer"]),
            (.disableUser, Link.disableUser(id: ids.karenUser).path, [:]),
            (.enableUser, Link.enableUser(id: ids.karenUser).path, [:]),
            // (a wrong current password: each visitor may try, and is told it is wrong, without changing anything)
            (
                .changePassword, Link.changePassword.path,
                ["old": "not my password", "new": "a new password 2", "confirmation": "a new password 2"]
            ),
            (.openPeriod, Link.openPeriod(period: ids.october.id).path, [:]),
            (
                .reviewReturn, Link.reviewReturn(period: ids.october.id, project: ids.mat001.id).path,
                [
                    "action": "approve", "comment": "",
                    "version": String(
                        try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).version),
                ]
            ),
            (.chase, Link.chase(period: ids.october.id).path, [:]),
            (.retryMessage, Link.retryMessage(message: ids.queuedMessage).path, [:]),
            (.personEmail, Link.personEmail(person: ids.jane).path, ["email": "jane.brennan@nhs.example"]),
            (.closePeriod, Link.closePeriod(period: ids.october.id).path, [:]),
            (.publishPeriod, Link.publishPeriod(period: ids.october.id).path, ["missing": "carry-forward"]),
            (
                .reopenPeriod, Link.reopenPeriod(period: ids.june.id).path,
                ["reason": "The PCBC rating was entered against the wrong project."]
            ),
            (
                .importTable, Link.importTable(portfolio: ids.cdg.info.id).path,
                ["pasted": "CDG\tPRIORITY\nMental Health\tNew priority\n", "period": ""]
            ),
            (
                .importApply, Link.importApply(portfolio: ids.cdg.info.id).path,
                ["pasted": "CDG\tPRIORITY\nMental Health\tNew priority\n", "period": ""]
            ),
            (.returnWorkbook, Link.returnWorkbook(period: ids.october.id).path, [:]),
            (
                .glossary, Link.glossary.path,
                ["abbreviation": "QOF", "expansion": "Quality and Outcomes Framework"]
            ),
            (
                .glossaryEntry, Link.glossaryEntry(id: ids.registers.glossaryEntry).path,
                ["abbreviation": "STP", "expansion": "Sustainability and Transformation Plan", "action": "save"]
            ),
            (
                .businessCases, Link.businessCases.path,
                ["name": "Digital bids 2019", "criteria": "Quality\nAccess: 2"]
            ),
            (
                .addBusinessCase, Link.addBusinessCase(id: ids.registers.set).path,
                ["name": "Falls service", "rating-Quality": "M"]
            ),
            (
                .businessCase, Link.businessCase(id: ids.registers.businessCase).path,
                ["name": "CHC IT", "rating-Quality": "M", "baseVersion": "1"]
            ),
            (
                .fundingRounds, Link.fundingRounds.path,
                ["name": "Winter 2018", "envelopeLabel": "NHSE", "envelope": "£500,000"]
            ),
            (
                .allocate, Link.allocate(id: ids.registers.round).path,
                ["label": "Digital", "amount": "£20,000", "comment": ""]
            ),
            (
                .fundingRoundPortfolio, Link.fundingRoundPortfolio(id: ids.registers.round).path,
                ["portfolio": "Our Dorset ICS"]
            ),
            (
                .businessCasesPortfolio, Link.businessCasesPortfolio(id: ids.registers.set).path,
                ["portfolio": "Our Dorset ICS"]
            ),
            (
                .meetingPortfolio, Link.meetingPortfolio(id: ids.registers.meeting).path,
                ["portfolio": "CDG Priorities"]
            ),
            (
                .risks, Link.risks.path,
                ["name": "Digital programme risks", "scale": "1-5", "amberFrom": "", "redFrom": ""]
            ),
            (.addRisk, Link.addRisk(id: ids.registers.riskRegister).path, Self.riskFields(version: nil)),
            (.risk, Link.risk(id: ids.registers.risk).path, Self.riskFields(version: "1")),
            (
                .deliverables, Link.deliverables.path,
                [
                    "programme": "Prevention at Scale", "workstream": "", "title": "Falls pathway", "years": "18/19",
                    "status": "not-started",
                ]
            ),
            (
                .deliverable, Link.deliverable(id: ids.registers.deliverable).path,
                [
                    "programme": "Prevention at Scale", "workstream": "", "title": "Diabetes models", "years": "17/18",
                    "status": "on-track", "baseVersion": "1",
                ]
            ),
            (
                .meetings, Link.meetings.path,
                [
                    "committee": "System Leadership Team", "date": "2030-01-10", "time": "2pm",
                    "venue": "Vespasian House",
                    "members": "Tim Goodson", "forwardPlan": "1",
                ]
            ),
            (
                .meetingItems, Link.meetingItems(id: ids.registers.meeting).path,
                ["number": "8", "title": "Any other business", "purpose": "business"]
            ),
            (
                .meetingActions, Link.meetingActions(id: ids.registers.meeting).path,
                ["description": "Circulate the minutes", "owner": "Jason Read", "due": ""]
            ),
            (
                .itemOutcome, Link.itemOutcome(id: ids.registers.agendaItem).path,
                ["outcome": "Noted.", "resolutions": ""]
            ),
            (
                .outcomes, Link.outcomes.path,
                [
                    "name": "Smoking quitters", "programme": "Prevention at Scale", "unit": "people",
                    "direction": "higher-is-better", "baseline": "", "target": "1,200", "targetDate": "2019-03-31",
                ]
            ),
            (
                .outcome, Link.outcome(id: ids.registers.outcome).path,
                ["period": "2018-03", "kind": "actual", "value": "29"]
            ),
            (
                .paperTexts, Link.paperTexts(period: ids.registers.paperPeriod).path,
                [
                    "meeting": ids.registers.paperMeeting.uuidString, "baseVersion": "1",
                    "title": "ICS DELIVERY UPDATE", "author": "M Gorman", "sponsor": "T Goodson", "purpose": "Update",
                    "recommendation": "Note",
                ]
            ),
            (
                .webhooks, Link.webhooks.path,
                ["url": "https://example.org/hook", "description": "Teams flow", "events[]": "period.published"]
            ),
            (.removeWebhook, Link.removeWebhook(id: try await Self.webhook(app)).path, [:]),
            // No sign-in service is set up here, so the PMO's form comes back naming that (422): it got past who asks.
            (
                .signInGroups, Link.signInGroups.path,
                ["provider": "nhsmail", "group": "assure-leads", "role": "editor"]
            ),
            (.removeSignInGroup, Link.removeSignInGroup(id: try await Self.signInGroup(app)).path, [:]),
        ]
    }

    /// A webhook to remove: the first there is, or one put in place now (as set-up, so not in the audit log).
    static func signInGroup(_ app: Application) async throws -> UUID {
        if let existing = try await SignInGroupRoles.list(app.db).first { return existing.id }
        // Made directly, not by the PMO's action, so that setting up the test leaves nothing in the audit log.
        let record = SignInGroupRoleRecord()
        record.provider = "nhsmail"
        record.group = "assure-board"
        record.role = Role.viewer.rawValue
        record.createdBy = "test set-up"
        record.createdAt = Date()
        try await record.create(on: app.db)
        return try record.requireID()
    }

    static func webhook(_ app: Application) async throws -> UUID {
        if let existing = try await Webhooks.list(app.db).first { return existing.id }
        return try await Webhooks.insert(
            app.db, url: "https://example.org/first", events: [.returnSubmitted], description: "First flow",
            secret: "whsec_test", createdBy: "test set-up"
        ).id
    }

    /// For the dependency routes: a dependency of MAT001's, recorded if it is not (MAT001 as a whole waiting on a
    /// milestone of Mental Health's MH002), to remove; and the fields of another (one of MAT001's milestones waiting on
    /// MH002's other milestone), to add.
    static func dependencyFixture(
        _ app: Application, _ ids: DemoIDs
    ) async throws -> (toRemove: UUID, fields: [String: String]) {
        let report = try await Reports.report(app.db, periodID: ids.october.id)
        let upstream = try #require(report.row(reference: "MH002")).project
        let titles = try await MilestoneDependencies.milestoneTitles(app.db, projectID: upstream.id).sorted()
        let own = try #require(try await MilestoneDependencies.milestoneTitles(app.db, projectID: ids.mat001.id).min())
        #expect(titles.count >= 2)
        let fields = ["milestone": own, "upstreamProject": "MH002", "upstreamMilestone": titles[1]]
        let recorded = try await MilestoneDependencies.touching(app.db, projectID: ids.mat001.id)
        if let existing = recorded.first(where: { $0.dependency.dependant.milestone == nil }) {
            return (existing.id, fields)
        }
        let added = try await Dependencies.add(
            app.db, .commandLine("test setup"), projectID: ids.mat001.id,
            draft: DependencyDraft(milestone: "", upstreamProject: "MH002", upstreamMilestone: titles[0]))
        return (added.id, fields)
    }

    static func riskFields(version: String?) -> [String: String] {
        var fields = [
            "section": "CCG RISKS", "level": "system", "scope": "", "description": "Cyber attack on GP systems",
            "severity": "H",
            "likelihood": "M", "mitigation": "Patch and train", "owner": "CIO", "references": "", "status": "open",
            "reviewDate": "",
        ]
        fields["baseVersion"] = version
        return fields
    }

    @Test("The list of write routes is the router's own", arguments: Backend.all)
    func everyPostRouteIsCovered(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let covered = Set(
                try await Self.writes(app, ids).map { $0.0.rawValue } + [
                    AppRoute.login.rawValue, AppRoute.logout.rawValue,
                    AppRoute.tokens.rawValue, AppRoute.revokeToken.rawValue,
                ]
                    // The API's writes are tried by each visitor's token in RouteMatrixTests.observeAPIWrites.
                    + [
                        AppRoute.apiPeriods, .apiOpenPeriod, .apiClosePeriod, .apiPublishPeriod, .apiReopenPeriod,
                        .apiReviewReturn, .apiPortfolios, .apiProgrammes, .apiProjects, .apiUsers, .apiDisableUser,
                        .apiEnableUser, .apiGlossary, .apiRiskRegisters, .apiRegisterRisks, .apiPrioritisations,
                        .apiPrioritisationCases, .apiFundingRounds, .apiAllocations, .apiOutcomes, .apiOutcomeValues,
                        .apiDeliverables, .apiMeetings, .apiMeetingItems, .apiMeetingActions, .apiImports,
                        .apiImportPreview, .apiImportApply, .apiProjectDependencies,
                    ].map(\.rawValue))
            let registered = Set(
                app.routes.all.filter { $0.method == .POST }.map { $0.path.map(\.description).joined(separator: "/") })
            #expect(registered == covered, "a new write route needs a row in this test")
        }
    }

    @Test("Viewer, editor of another programme, and a request without a CSRF token are refused", arguments: Backend.all)
    func refusals(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let writes = try await Self.writes(app, ids)  // (records the dependency to remove, before counting)
            let before = try await AuditLog.recent(app.db).count
            let viewer = try await WebClient.signedIn(app, as: "board@assure.demo")
            let otherEditor = try await WebClient.signedIn(app, as: "phil.richardson@assure.demo")
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await admin.get("/")
            for (route, path, fields) in writes {
                for (who, client, csrf) in [
                    ("viewer", viewer, true), ("editor of another programme", otherEditor, true),
                    ("admin without CSRF", admin, false),
                ]
                where csrf == false || route != .changePassword {  // (everyone may change their own password)
                    _ = try await client.get("/")
                    let response = try await client.post(path, fields, csrf: csrf)
                    #expect(response.status == .forbidden, "\(route.rawValue) as \(who): \(response.status)")
                }
            }
            #expect(try await AuditLog.recent(app.db).count == before, "nothing refused reaches the audit log")
            #expect(
                try await Reports.report(app.db, periodID: ids.october.id).row(reference: "MAT001")?.project.title
                    != "Renamed")
        }
    }

    @Test("Allowed writes succeed and each is in the audit log", arguments: Backend.all)
    func allowedWritesAreAudited(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            _ = try await jane.get(Link.returnForm(period: ids.october.id, project: ids.mat001.id).path)
            let saved = try await jane.post(
                Link.returnForm(period: ids.october.id, project: ids.mat001.id).path,
                try await ids.returnFields(app))
            #expect(saved.status == .seeOther)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            for (route, path, fields) in try await Self.writes(app, ids)
            where ![.setup, .returnForm, .openPeriod, .importTable, .returnWorkbook, .changePassword].contains(route) {
                _ = try await admin.get("/")
                let response = try await admin.post(path, fields)
                // A new webhook's secret is in the page that answers (201), never in a redirect.
                #expect(
                    response.status
                        == (route == .webhooks ? .created : route == .signInGroups ? .unprocessableEntity : .seeOther),
                    "\(route.rawValue) as admin: \(response.status) \(response.body.string.prefix(300))")
            }
            let audit = try await AuditLog.recent(app.db, limit: 400)
            let entries = audit.map { "\($0.entity):\($0.action):\($0.actor)" }
            for expected in [
                "return:update:Jane Brennan", "period:create:Demo PMO", "portfolio:create:Demo PMO",
                "programme:create:Demo PMO", "project:create:Demo PMO", "portfolio:set-checks:Demo PMO",
                "project:update:Demo PMO", "user:create:Demo PMO",
                "period:close:Demo PMO", "period:publish:Demo PMO", "return:approve:Demo PMO", "period:chase:Demo PMO",
                "outbox:retry:Demo PMO", "person:set-email:Demo PMO", "period:reopen:Demo PMO",
                "return:carry-forward:Demo PMO", "webhook:create:Demo PMO", "webhook:remove:Demo PMO",
                "dependency:add-dependency:Demo PMO", "dependency:remove-dependency:Demo PMO",
                "glossary-entry:create:Demo PMO", "glossary-entry:update:Demo PMO", "criteria-set:create:Demo PMO",
                "business-case:create:Demo PMO", "business-case:update:Demo PMO", "funding-round:create:Demo PMO",
                "funding-round:allocate:Demo PMO", "risk-register:create:Demo PMO", "risk:create:Demo PMO",
                "risk:update:Demo PMO",
                "deliverable:create:Demo PMO", "deliverable:update:Demo PMO", "meeting:create:Demo PMO",
                "meeting:add-item:Demo PMO",
                "meeting:add-action:Demo PMO", "agenda-item:record-outcome:Demo PMO", "outcome-measure:create:Demo PMO",
                "outcome-measure:record-actual:Demo PMO", "paper:update:Demo PMO",
                "meeting:assign-portfolio:Demo PMO", "criteria-set:assign-portfolio:Demo PMO",
                "funding-round:assign-portfolio:Demo PMO", "user:change-access:Demo PMO", "user:disable:Demo PMO",
                "user:enable:Demo PMO",
            ] {
                #expect(entries.contains(expected), "\(expected) in \(entries)")
            }
        }
    }

    @Test("Pages and the API need a signed-in user", arguments: Backend.all)
    func signInRequired(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let anonymous = WebClient(app)
            #expect(
                try await anonymous.get(Link.priorities(period: ids.october.id).path).headers.first(name: .location)
                    == "/login")
            #expect(try await anonymous.get(Link.apiPortfolios.path).status == .unauthorized)
            #expect(try await anonymous.get(Link.stylesheet.path).status == .ok)
            _ = try await anonymous.get(Link.login.path)
            let wrong = try await anonymous.post(
                Link.login.path, ["email": DemoLoader.adminEmail, "password": "not the password"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("The email or password is not right."))
        }
    }

    @Test("Signing out ends the session, and the old cookie opens nothing", arguments: Backend.all)
    func signOut(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            #expect(try await admin.get("/").status == .ok)
            let cookie = try #require(admin.cookie)
            _ = try await admin.post(Link.logout.path, [:])
            let replay = try await app.testing().sendRequest(
                .GET, "/", headers: [HTTPHeaders.Name.cookie.description: cookie])
            #expect(replay.status == .seeOther)
        }
    }
}

@Suite("Sessions")
struct SessionTests {
    @Test(
        "A change to the session is kept, and a page view that changes nothing keeps the session as it was",
        arguments: Backend.all)
    func sessionChangesPersist(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            // the sign-in notice is shown once: clearing it is a change that must reach the database
            #expect(try await admin.get("/").body.string.contains("Signed in as Demo PMO."))
            #expect(!(try await admin.get("/").body.string.contains("Signed in as")))
            // views that change nothing leave the user signed in with the same CSRF token
            let token = try #require(admin.csrf)
            for _ in 0..<3 { #expect(try await admin.get("/").status == .ok) }
            #expect(admin.csrf == token)
        }
    }
}

@Suite("Session cookies and lifetime")
struct SessionLifetimeTests {
    @Test("Sign-in rotates the session id; the cookie is HttpOnly, SameSite=Lax, 8 hours, Secure when served over TLS")
    func cookieFlags() async throws {
        try await withWebApp(.sqlite, adjust: { $0.secureCookies = true }) { app in
            let client = WebClient(app)
            let before = try await client.get(Link.login.path).headers.first(name: .setCookie)
            let signIn = try await client.post(
                Link.login.path, ["email": DemoLoader.adminEmail, "password": DemoLoader.adminPassword])
            let after = try #require(signIn.headers.first(name: .setCookie))
            #expect(before?.split(separator: ";").first != after.split(separator: ";").first, "a new id on sign-in")
            let flags = Set(
                after.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            #expect(
                flags.isSuperset(of: ["httponly", "secure", "samesite=lax", "max-age=28800", "path=/"]), "\(flags)")
        }
    }

    @Test("Strict-Transport-Security is sent when Assure is served over https, and only then")
    func strictTransportSecurity() async throws {
        try await withWebApp(.sqlite, adjust: { $0.publicURL = "https://assure.example.nhs.uk" }) { app in
            let page = try await WebClient(app).get(Link.login.path)
            #expect(page.headers.first(name: "Strict-Transport-Security") == "max-age=31536000")
        }
        try await withWebApp(.sqlite) { app in
            let page = try await WebClient(app).get(Link.login.path)
            #expect(page.headers.first(name: "Strict-Transport-Security") == nil)
        }
    }

    @Test("The server ends a session older than its lifetime, whatever the browser kept", arguments: Backend.all)
    func serverSideExpiry(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given a signed-in PMO
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            #expect(try await admin.get("/").status == .ok)
            // when the sign-in is dated nine hours ago
            for record in try await SessionRecord.query(on: app.db).all() where record.data["userID"] != nil {
                record.data["signedInAt"] = String(Int(Date().timeIntervalSince1970) - 9 * 3600)
                try await record.save(on: app.db)
            }
            // then the same cookie leads to the sign-in page, and the API says 401
            #expect(try await admin.get("/").headers.first(name: .location) == Link.login.path)
            #expect(try await admin.get(Link.apiPortfolios.path).status == .unauthorized)
        }
    }
}

@Suite("The audit log cannot be changed through the app")
struct AuditRouteTests {
    @Test("No route but GET reaches the audit log", arguments: Backend.all)
    func onlyReads(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let touching = app.routes.all.filter { $0.path.map(\.description).contains("audit") }
            #expect(!touching.isEmpty)
            #expect(touching.allSatisfy { $0.method == .GET }, "\(touching.map { "\($0.method) \($0.path)" })")
        }
    }
}

@Suite("Sign-in throttling in the web app")
struct LoginThrottleWebTests {
    @Test(
        "After five wrong passwords even the right one waits, with 429 and Retry-After; another account still signs in",
        arguments: Backend.all)
    func throttled(backend: Backend) async throws {
        let clock = MovableClock(stopped: true)
        try await withWebApp(backend, adjust: { $0.clock = clock.now }) { app in
            let client = WebClient(app)
            _ = try await client.get(Link.login.path)
            for _ in 0..<5 {
                let wrong = try await client.post(
                    Link.login.path, ["email": "jane.brennan@assure.demo", "password": "not her password"])
                #expect(wrong.status == .unauthorized)
            }
            let right = try await client.post(
                Link.login.path, ["email": "jane.brennan@assure.demo", "password": DemoLoader.adminPassword])
            #expect(right.status == .tooManyRequests)
            #expect(
                right.body.string.contains(
                    "Too many failed sign-ins for this account from this address. Try again in 15 minutes."))
            #expect(Int(right.headers.first(name: .retryAfter) ?? "") ?? 0 > 800)
            // the PMO, from the same address, is not locked out by Jane's account
            let pmo = try await client.post(
                Link.login.path, ["email": DemoLoader.adminEmail, "password": DemoLoader.adminPassword])
            #expect(pmo.status == .seeOther)
        }
    }

    @Test(
        "Thirty wrong passwords at once for one account: at most five are checked, and then even the right one waits",
        arguments: Backend.all)
    func concurrentGuesses(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given thirty browsers at the sign-in page, one guesser's
            var clients: [WebClient] = []
            for _ in 0..<30 {
                let client = WebClient(app)
                _ = try await client.get(Link.login.path)
                clients.append(client)
            }
            // when each sends a wrong password for Jane at the same moment
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for client in clients {
                    group.addTask {
                        try await client.post(
                            Link.login.path, ["email": "jane.brennan@assure.demo", "password": "guess"]
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then no more than the limit were checked; the rest were told to wait
            let checked = statuses.filter { $0 == .unauthorized }.count
            print(
                "Concurrent sign-in: 30 wrong passwords at once → \(checked) checked, \(statuses.filter { $0 == .tooManyRequests }.count) told to wait."
            )
            #expect(checked <= LoginThrottle.standard.perAccount)
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
            #expect(
                try await LoginAttempts.failures(app.db, email: "jane.brennan@assure.demo")
                    <= LoginThrottle.standard.perAccount)
            // and the right password, next, waits too
            let right = try await clients[0].post(
                Link.login.path, ["email": "jane.brennan@assure.demo", "password": DemoLoader.adminPassword])
            #expect(right.status == .tooManyRequests)
        }
    }

    @Test(
        "Fifteen minutes after the fifth failure the account may try again (the clock set ahead, not waited for)",
        arguments: Backend.all)
    func waitEnds(backend: Backend) async throws {
        let clock = MovableClock(stopped: true)
        try await withWebApp(backend, adjust: { $0.clock = clock.now }) { app in
            let client = WebClient(app)
            _ = try await client.get(Link.login.path)
            for _ in 0..<5 {
                _ = try await client.post(
                    Link.login.path, ["email": "jane.brennan@assure.demo", "password": "guess"])
            }
            let right = ["email": "jane.brennan@assure.demo", "password": DemoLoader.adminPassword]
            #expect(try await client.post(Link.login.path, right).status == .tooManyRequests)
            // fourteen minutes on, still waiting; sixteen minutes on, signed in
            clock.advance(by: 14 * 60)
            #expect(try await client.post(Link.login.path, right).status == .tooManyRequests)
            clock.advance(by: 2 * 60)
            #expect(try await client.post(Link.login.path, right).status == .seeOther)
            // and what the application layer stamps is the app's time too (sixteen minutes on): one clock for every layer
            _ = try await client.get(Link.tokens.path)
            #expect(try await client.post(Link.tokens.path, ["name": "clock", "scope": "read"]).status == .created)
            let made = try #require(
                try await AuditLog.recent(app.db, limit: 20).first { $0.entity == "api-token" && $0.action == "create" }
            )
            #expect(abs(made.at.timeIntervalSince(clock.now())) < 5)
            #expect(made.at.timeIntervalSince(try #require(clock.start)) > 15 * 60)
        }
    }

    @Test(
        "Behind a trusted proxy each client is throttled by its own address; a header from anyone else is ignored",
        arguments: Backend.all)
    func behindProxy(backend: Backend) async throws {
        // given Assure behind a load balancer on loopback, named with --trusted-proxy: when someone at one desk guesses
        // Jane's password five times, Jane at her own desk is not held back (her mistyped password is checked)
        #expect(try await Self.janeAfterGuesses(backend, trusting: [NetworkRange("127.0.0.1")!]) == .unauthorized)
        // given no trusted proxy, the header is the client's word: a different X-Forwarded-For does not escape the throttle
        #expect(try await Self.janeAfterGuesses(backend, trusting: []) == .tooManyRequests)
    }

    /// Five wrong guesses at Jane's password from one client, then Jane's own (wrong) attempt from another, each behind
    /// loopback naming a different client address; the status Jane's attempt gets.
    static func janeAfterGuesses(_ backend: Backend, trusting proxies: [NetworkRange]) async throws -> HTTPStatus {
        var status = HTTPStatus.ok
        try await withWebApp(backend, adjust: { $0.trustedProxies = proxies }) { app in
            let guesser = WebClient(app), jane = WebClient(app)
            for (client, address) in [(guesser, "198.51.100.66"), (jane, "198.51.100.7")] {
                client.transport = .live
                client.forwardedFor = address
                _ = try await client.get(Link.login.path)
            }
            for _ in 0..<5 {
                _ = try await guesser.post(
                    Link.login.path, ["email": "jane.brennan@assure.demo", "password": "guess"])
            }
            #expect(
                try await guesser.post(
                    Link.login.path, ["email": "jane.brennan@assure.demo", "password": "guess"]
                ).status == .tooManyRequests)
            status = try await jane.post(
                Link.login.path, ["email": "jane.brennan@assure.demo", "password": "mistyped"]
            ).status
        }
        return status
    }
}
