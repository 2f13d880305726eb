import AssureCore
import AssureDemo
import Foundation
import Testing

@testable import AssureStorage
@testable import AssureWeb

/// Page models' mocks, built from the seed papers in memory: each page is its view of the mock, compared with its
/// reviewed snapshot.
extension ChangesPageModel {
    /// Transformation Programme, June to July 2016 (seed 004's two months).
    static func mock() throws -> ChangesPageModel {
        let demo = try #require(Demo.portfolios.first { $0.name == "Transformation Programme" })
        let june = PeriodReportBuilder.build(try #require(demo.periodData("2016-06")))
        let july = PeriodReportBuilder.build(try #require(demo.periodData("2016-07")))
        return ChangesPageModel(periods: [june.period, july.period], comparison: .init(from: june, to: july))
    }
}

extension ProjectPageModel {
    /// CDG Priorities' first project with its September and October 2016 rows.
    static func mock() throws -> ProjectPageModel {
        let demo = try #require(Demo.portfolios.first { $0.name == "CDG Priorities" })
        let september = try #require(demo.periodData("2016-09")), october = try #require(demo.periodData("2016-10"))
        let project = try #require(october.projects.first { $0.parentID == nil })
        let programme = try #require(october.programmes.first { $0.id == project.programmeID })
        let rows = [september, october].map { data in
            let report = PeriodReportBuilder.build(data)
            return (period: data.period, row: project.reference.flatMap(report.row(reference:)))
        }
        return ProjectPageModel(
            detail: ProjectDetail(project: project, programme: programme, portfolio: october.portfolio, version: 3),
            history: rows, canEdit: true)
    }
}

extension ReturnFormModel {
    /// A lead's October 2016 return for a CDG project, sent back with a milestone's date unreadable.
    static func mock() throws -> ReturnFormModel {
        let demo = try #require(Demo.portfolios.first { $0.name == "CDG Priorities" })
        let october = try #require(demo.periodData("2016-10"))
        let project = try #require(october.projects.first { $0.parentID == nil })
        let programme = try #require(october.programmes.first { $0.id == project.programmeID })
        let form = ReturnForm(
            rating: "Amber", update: "Recruitment <ongoing>; the model is agreed.", mitigation: "Weekly review.",
            milestones: [
                MilestoneLine(title: "Business case approved", date: "Sept 2016", rating: "Green"),
                MilestoneLine(title: "Service live", date: "soonish", rating: "Amber"),
            ], baseVersion: 2)
        let sheet = ReturnSheet(
            project: project, programme: programme, period: october.period, scale: october.portfolio.scale, form: form,
            isPrefilled: false, submittedBy: nil, submittedAt: nil, state: .draft, version: 2, savedBy: "Jane Brennan",
            savedAt: Date(timeIntervalSince1970: 1_477_000_000), reviewedBy: nil, reviewComment: nil)
        return ReturnFormModel(
            sheet: sheet, form: form,
            errors: ReturnFormInput.fieldErrors(["milestones[1].date": "“soonish” is not a date Assure can read."]),
            theirs: nil, standing: ReturnWorkflow.Standing(canEdit: true, isAccountable: false, isPMO: false),
            review: nil)
    }
}

@Suite("Page snapshots")
struct PageSnapshotTests {
    static let lead = PageContext(
        actor: Actor(userID: nil, name: "Jane Brennan", role: .editor), csrf: "csrf-token", title: "Page")

    @Test("What changed from June to July 2016, as the board reads it")
    func changes() throws {
        try ViewSnapshotTests.assertSnapshot(
            ChangesPage.render(try ChangesPageModel.mock(), ViewSnapshotTests.pmo), named: "changes-2016-07")
    }

    @Test("A project's page: its details and its rating period by period")
    func project() throws {
        try ViewSnapshotTests.assertSnapshot(
            ProjectPage.render(try ProjectPageModel.mock(), ViewSnapshotTests.pmo), named: "project")
    }

    @Test("A lead's return form sent back: what she typed kept, the error beside the milestone's date")
    func returnForm() throws {
        try ViewSnapshotTests.assertSnapshot(
            ReturnFormPage.render(try ReturnFormModel.mock(), Self.lead), named: "return-form-refused")
    }

    @Test("The sign-in page after a wrong password: the address kept, one message, no hint of which part was wrong")
    func signIn() throws {
        let anonymous = PageContext(actor: nil, csrf: "csrf-token", title: "Sign in")
        try ViewSnapshotTests.assertSnapshot(
            AccountPages.login(
                anonymous, email: "jane.brennan@assure.demo", error: "That email and password do not match.",
                signIn: .init()),
            named: "sign-in-refused")
    }

    @Test("The sign-in page of a deployment with the organisation's account: a button per provider, then passwords")
    func signInChoices() throws {
        let anonymous = PageContext(actor: nil, csrf: "csrf-token", title: "Sign in")
        try ViewSnapshotTests.assertSnapshot(
            AccountPages.login(
                anonymous,
                signIn: .init(providers: [.init(label: "NHSmail", path: "/login/with/nhsmail")], passwords: true)),
            named: "sign-in-choices")
        // and with passwords switched off, the providers alone
        let alone = AccountPages.login(
            anonymous,
            signIn: .init(providers: [.init(label: "NHSmail", path: "/login/with/nhsmail")], passwords: false))
        #expect(alone.contains("Sign in with NHSmail") && !alone.contains("password"))
    }

    @Test("Signed out of Assure, still signed in at the provider: the page offers its sign-out")
    func signedOut() throws {
        let anonymous = PageContext(actor: nil, csrf: "csrf-token", title: "Signed out")
        try ViewSnapshotTests.assertSnapshot(
            AccountPages.signedOut(
                anonymous, provider: "NHSmail",
                signOutURL: "https://login.example/logout?client_id=assure&post_logout_redirect_uri=x"),
            named: "signed-out")
    }
}

extension OutboxPageModel {
    /// A chaser sent, and an alert that failed and waits to be tried again.
    static let mock = OutboxPageModel(
        messages: [
            OutboxEntry(
                id: RegisterSnapshotTests.id(20, 1), createdAt: Date(timeIntervalSince1970: 1_478_000_000),
                kind: "chaser",
                message: MailMessage(
                    toAddress: "jane.brennan@nhs.example", toName: "Jane Brennan",
                    subject: "Your return for MAT001 is due on 7 November 2016", body: "…"),
                status: .sent, attempts: 1, lastError: nil, nextAttemptAt: Date(timeIntervalSince1970: 1_478_000_000),
                sentAt: Date(timeIntervalSince1970: 1_478_000_060)),
            OutboxEntry(
                id: RegisterSnapshotTests.id(20, 2), createdAt: Date(timeIntervalSince1970: 1_478_100_000),
                kind: "alert",
                message: MailMessage(
                    toAddress: "karen.kirkham@nhs.example", toName: "Karen Kirkham",
                    subject: "MAT001 declined to Red", body: "…"),
                status: .failed, attempts: 5, lastError: "the mail server did not finish within 10 seconds",
                nextAttemptAt: Date(timeIntervalSince1970: 1_478_200_000), sentAt: nil),
        ], mailServer: "127.0.0.1:2525")
}

@Suite("More page snapshots")
struct MorePageSnapshotTests {
    @Test("A meeting's page for the PMO: its agenda, actions and the forms to add to them")
    func meeting() throws {
        var meeting = try #require(HealthScrutiny2016.meetings.first)
        meeting.id = RegisterSnapshotTests.id(21, 0)
        for item in meeting.items.indices { meeting.items[item].id = RegisterSnapshotTests.id(21, 100 + item) }
        for action in meeting.actions.indices {
            meeting.actions[action].id = RegisterSnapshotTests.id(21, 200 + action)
        }
        try ViewSnapshotTests.assertSnapshot(
            MeetingPages.detail(meeting, canEdit: true, returned: nil, ViewSnapshotTests.pmo), named: "meeting")
    }

    @Test("A risk's page: the risk, its review history and the PMO's form")
    func risk() throws {
        var register = RiskRegister2016.register
        register.id = RegisterSnapshotTests.id(22, 0)
        for index in register.risks.indices { register.risks[index].id = RegisterSnapshotTests.id(22, index + 1) }
        let risk = try #require(register.risks.first)
        let history = [
            RiskReview(
                at: Date(timeIntervalSince1970: 1_479_000_000), by: "Demo PMO", severity: "H", likelihood: "H",
                status: risk.status)
        ]
        try ViewSnapshotTests.assertSnapshot(
            RiskPages.detail(
                register, risk, history: history, canEdit: true, values: nil, errors: [:], ViewSnapshotTests.pmo),
            named: "risk")
    }

    @Test("An outcome measure's page with its trajectory and actuals, and the form to record one")
    func outcome() throws {
        var measure = try #require(Outcomes2016.measures.first)
        measure.id = RegisterSnapshotTests.id(23, 0)
        try ViewSnapshotTests.assertSnapshot(
            OutcomePages.detail(measure, canEdit: true, values: [:], errors: [:], ViewSnapshotTests.pmo),
            named: "outcome")
    }

    @Test("The outbox: what was sent, what failed and why, and the way to send it again")
    func outbox() throws {
        try ViewSnapshotTests.assertSnapshot(
            OutboxPage.render(OutboxPageModel.mock, ViewSnapshotTests.pmo), named: "outbox")
    }

    @Test("The people the PMO reaches, one without an address")
    func people() throws {
        let people = [
            PersonContact(
                id: RegisterSnapshotTests.id(24, 1), name: "Jane Brennan", jobTitle: "Project lead",
                email: "jane.brennan@nhs.example"),
            PersonContact(id: RegisterSnapshotTests.id(24, 2), name: "Karen Kirkham", jobTitle: nil, email: nil),
        ]
        try ViewSnapshotTests.assertSnapshot(
            PeoplePage.render(people, returned: nil, ViewSnapshotTests.pmo), named: "people")
    }
}

extension WebhookPageModel {
    /// One webhook, a Teams flow told of every event, as the PMO sees it after adding it.
    static func mock(newSecret: String? = nil) -> WebhookPageModel {
        WebhookPageModel(
            webhooks: [
                WebhookSummary(
                    id: RegisterSnapshotTests.id(23, 1),
                    url: "https://prod-12.uksouth.logic.azure.com/workflows/assure",
                    events: WebhookEvent.allCases, description: "Teams flow (PMO channel)", createdBy: "Demo PMO",
                    createdAt: Date(timeIntervalSince1970: 1_479_000_000))
            ], newSecret: newSecret)
    }
}

@Suite("Webhook page snapshots")
struct WebhookPageSnapshotTests {
    @Test("The PMO's webhooks: the list, the new secret shown once, and the form")
    func webhooks() throws {
        try ViewSnapshotTests.assertSnapshot(
            WebhookPages.render(.mock(newSecret: "whsec_example"), ViewSnapshotTests.pmo), named: "webhooks")
    }

    @Test("A webhook form sent back: each problem by its field, what was written kept")
    func webhookErrors() throws {
        var model = WebhookPageModel.mock()
        model.values = ["url": "ftp://example.org", "description": "Warehouse <nightly>"]
        model.chosen = ["period.published"]
        model.errors = ["url": "Give the full address the receiver listens on, starting https:// (or http://)."]
        let page = WebhookPages.render(model, ViewSnapshotTests.pmo)
        #expect(page.contains("Warehouse &lt;nightly&gt;"), "escaped")
        #expect(page.contains(#"value="period.published" checked"#))
        #expect(page.contains("starting https://"))
    }
}

extension SignInGroupPageModel {
    /// NHSmail set up to make accounts, its settings file mapping the board's group; the PMO has mapped two more, and
    /// one left from a service no longer set up.
    static func mock(errors: [String: String] = [:], values: [String: String] = [:]) -> SignInGroupPageModel {
        SignInGroupPageModel(
            services: [
                .init(
                    name: "nhsmail", label: "NHSmail", groupsClaim: "groups", createsAccounts: true,
                    fromSettings: [("board-members", .viewer)])
            ],
            mappings: [
                SignInGroupRole(
                    id: RegisterSnapshotTests.id(24, 1), provider: "nhsmail", group: "pmo-team", role: .admin,
                    createdBy: "Demo PMO", createdAt: Date(timeIntervalSince1970: 1_479_000_000)),
                SignInGroupRole(
                    id: RegisterSnapshotTests.id(24, 2), provider: "nhsmail",
                    group: "8d2c6f1e-4b7a-4c1e-9a53-2f7e0c1d9b44", role: .editor, createdBy: "Demo PMO",
                    createdAt: Date(timeIntervalSince1970: 1_479_100_000)),
                SignInGroupRole(
                    id: RegisterSnapshotTests.id(24, 3), provider: "entra", group: "leads", role: .editor,
                    createdBy: "Demo PMO", createdAt: Date(timeIntervalSince1970: 1_479_200_000)),
            ], values: values, errors: errors)
    }
}

@Suite("Sign-in group page snapshots")
struct SignInGroupPageSnapshotTests {
    @Test("The PMO's sign-in groups: the service, its groups and roles, the settings file's own, and the form")
    func groups() throws {
        try ViewSnapshotTests.assertSnapshot(
            SignInGroupPages.render(.mock(), ViewSnapshotTests.pmo), named: "sign-in-groups")
    }

    @Test("The form sent back with no group: the problem by its field, the choices kept")
    func groupErrors() throws {
        let html = SignInGroupPages.render(
            .mock(
                errors: ["group": "Give the group as the service's groups claim lists it (a name or an object id)."],
                values: ["provider": "nhsmail", "group": "", "role": "editor"]),
            ViewSnapshotTests.pmo)
        #expect(html.contains(#"<option value="editor" selected="selected">editor</option>"#))
        #expect(html.contains("Give the group as the service"))
        #expect(html.contains("entra (not set up)"), "a mapping for a service no longer set up says so")
    }
}
