import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Fluent
import Testing

@Suite("Periods and users")
struct PeriodAndUserTests {
    @Test(
        "A period runs draft → open → published, and the next period's arrows compare with it", arguments: Backend.all)
    func lifecycle(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            let pmo = Actor.commandLine("test")
            let (portfolio, october) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
            // bad keys and duplicates are refused with a reason
            await #expect(throws: DomainError.self) {
                try await PeriodLifecycle.create(db, pmo, portfolioID: portfolio.info.id, key: "June 2016")
            }
            await #expect(throws: DomainError.self) {
                try await PeriodLifecycle.create(db, pmo, portfolioID: portfolio.info.id, key: "2016-10")
            }
            await #expect(throws: DomainError.self) {
                try await PeriodLifecycle.create(
                    db, Actor(userID: nil, name: "viewer", role: .viewer),
                    portfolioID: portfolio.info.id, key: "2016-12")
            }
            // publish October, then November derives from it
            _ = try await PeriodLifecycle.publish(db, pmo, periodID: october.id, missing: .showAsMissing)
            let november = try await PeriodLifecycle.create(db, pmo, portfolioID: portfolio.info.id, key: "2016-11")
            #expect(november.status == .draft)
            #expect(november.asAt == CalendarDate(year: 2016, month: 11, day: 30))
            _ = try await PeriodLifecycle.open(db, pmo, periodID: november.id)
            let ics002 = try #require(try await Reports.report(db, periodID: november.id).row(reference: "ICS002"))
            let sheet = try await Returns.sheet(db, periodID: november.id, projectID: ics002.project.id)
            var form = sheet.form
            #expect(form.milestones.first?.rating == "Red")  // prefilled from October
            form.rating = "Amber"
            form.update = "Risk stratification agreed."  // a submission with no update is refused
            form.milestones[0].rating = "Amber"  // a Red milestone would keep the project Red (roll-up)
            try await Returns.save(db, pmo, periodID: november.id, projectID: ics002.project.id, form: form)
            let row = try #require(try await Reports.report(db, periodID: november.id).row(reference: "ICS002"))
            #expect(row.trend.derived == .improved)  // Red in October → Amber
            let actions = try await AuditLog.recent(db, entity: "period").map(\.action)
            #expect(actions.prefix(3) == ["open", "create", "publish"])
        }
    }

    @Test("Users: passwords are hashed, checked, and must be strong enough", arguments: Backend.all)
    func users(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let pmo = Actor.commandLine("test")
            let user = try await Users.add(
                db, pmo, email: "Lead@Example.NHS.net", name: "A Lead", role: .editor,
                password: "correct horse 9", cost: testBcryptCost)
            #expect(user.email == "lead@example.nhs.net")
            #expect(
                try await Users.authenticate(db, email: "lead@example.nhs.net", password: "correct horse 9")?.role
                    == .editor)
            #expect(
                try await Users.authenticate(db, email: "lead@example.nhs.net", password: "wrong password 1") == nil)
            #expect(
                try await Users.authenticate(db, email: "nobody@example.nhs.net", password: "correct horse 9") == nil)
            await #expect(throws: DomainError.self) {
                try await Users.add(
                    db, pmo, email: "lead@example.nhs.net", name: "Again", role: .viewer,
                    password: "another pass 1", cost: testBcryptCost)
            }
            do {
                _ = try await Users.add(
                    db, pmo, email: "not-an-email", name: "", role: .viewer, password: "short", cost: testBcryptCost)
                Issue.record("a bad user was added")
            } catch DomainError.invalid(let errors) {
                #expect(Set(errors.keys) == ["email", "name", "password"])
            }
            await #expect(throws: DomainError.self) {
                try await Users.add(
                    db, Actor(userID: nil, name: "x", role: .editor), email: "e@x.org", name: "E",
                    role: .admin, password: "long enough 1", cost: testBcryptCost)
            }
            try await Users.resetPassword(
                db, pmo, email: "lead@example.nhs.net", password: "a new secret 2", cost: testBcryptCost)
            #expect(try await Users.authenticate(db, email: "lead@example.nhs.net", password: "a new secret 2") != nil)
            #expect(try await Users.list(db).count == 1)
        }
    }
}

@Suite("First sign-ins through the organisation's provider")
struct ProviderSignInRaceTests {
    @Test(
        "Two first sign-ins with the same email at once make one account, and both are answered", arguments: Backend.all
    )
    func twoAtOnce(backend: Backend) async throws {
        try await withStorage(backend) { db in
            try await DemoLoader.load(db, cost: testBcryptCost)
            // given a new starter whose groups map to viewer, signing in from two tabs at the same moment
            let outcomes = try await withThrowingTaskGroup(of: ProviderSignIns.Outcome.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await ProviderSignIns.signIn(
                            db, provider: "NHSmail", email: "New.Starter@nhs.test", name: "Nia Starter",
                            groupRole: .viewer, createUsers: true, address: "127.0.0.1", cost: testBcryptCost)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then each is signed in, to the one account made, which the audit log records once
            #expect(outcomes.count == 2)
            for outcome in outcomes {
                guard case .signedIn(let actor) = outcome else {
                    Issue.record("\(outcome)")
                    continue
                }
                #expect(actor.role == .viewer)
            }
            let accounts = try await Users.list(db).filter { $0.email == "new.starter@nhs.test" }
            #expect(accounts.count == 1)
            let made = try await AuditLog.recent(db, limit: 20).filter {
                $0.action == "create" && $0.entityID == accounts.first?.id.uuidString
            }
            #expect(made.count == 1)
        }
    }
}
