import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Fluent
import Foundation
import Testing

/// The October 2016 cycle of the CDG priorities (seed 000's portfolio): Jane Brennan leads the maternity projects,
/// Karen Kirkham is the clinical lead they answer to, Sally Sandcraft leads integrated community services.
@Suite("The monthly return cycle")
struct ReturnCycleTests {
    struct Fixture {
        let october: PeriodInfo
        let report: PeriodReport
        let jane: Actor
        let karen: Actor
        let phil: Actor
        let pmo = Actor.commandLine("test")

        func id(_ reference: String) throws -> UUID { try #require(report.row(reference: reference)).project.id }
    }

    static func fixture(_ db: Database) async throws -> Fixture {
        try await DemoLoader.load(db, cost: testBcryptCost)
        let (_, october) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
        func user(_ email: String) async throws -> Actor {
            try #require(try await Users.authenticate(db, email: email, password: DemoLoader.adminPassword))
        }
        return Fixture(
            october: october, report: try await Reports.report(db, periodID: october.id),
            jane: try await user("jane.brennan@assure.demo"), karen: try await user("karen.kirkham@assure.demo"),
            phil: try await user("phil.richardson@assure.demo"))
    }

    static func sheet(_ db: Database, _ f: Fixture, _ reference: String) async throws -> ReturnSheet {
        try await Returns.sheet(db, periodID: f.october.id, projectID: try f.id(reference))
    }

    @Test(
        "A lead drafts and submits; the clinical lead approves or returns it; nobody else may", arguments: Backend.all)
    func draftSubmitReview(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given MAT001, submitted in the demo
            let f = try await Self.fixture(db)
            let mat001 = try f.id("MAT001")
            // when Jane reworks it as a draft, leaving the rating empty for now
            var form = try await Self.sheet(db, f, "MAT001").form
            form.rating = ""
            try await Returns.save(
                db, f.jane, periodID: f.october.id, projectID: mat001, form: form, action: .saveDraft)
            // then it is a draft, which cannot be approved
            var sheet = try await Self.sheet(db, f, "MAT001")
            #expect(sheet.state == .draft)
            await #expect(throws: DomainError.self) {
                try await Returns.review(
                    db, f.karen, periodID: f.october.id, projectID: mat001, action: .approve, comment: "",
                    baseVersion: sheet.version)
            }
            // and submitting it without a rating is refused, with the field named
            await #expect(
                throws: DomainError.invalid([
                    "rating": "Choose a rating before submitting (a draft may leave it empty)."
                ])
            ) {
                try await Returns.save(
                    db, f.jane, periodID: f.october.id, projectID: mat001, form: sheet.form, action: .submit)
            }
            form = sheet.form
            form.rating = "Green"
            try await Returns.save(db, f.jane, periodID: f.october.id, projectID: mat001, form: form, action: .submit)
            sheet = try await Self.sheet(db, f, "MAT001")
            #expect(sheet.state == .submitted && sheet.submittedBy == "Jane Brennan")

            // Phil is neither its SRO nor the PMO
            await #expect(throws: DomainError.forbidden("Only the project's SRO or the PMO can approve a return.")) {
                try await Returns.review(
                    db, f.phil, periodID: f.october.id, projectID: mat001, action: .approve, comment: "",
                    baseVersion: sheet.version)
            }
            // Karen, reading an older version, gets a conflict rather than approving what she has not seen
            await #expect(throws: DomainError.self) {
                try await Returns.review(
                    db, f.karen, periodID: f.october.id, projectID: mat001, action: .approve, comment: "",
                    baseVersion: sheet.version - 1)
            }
            try await Returns.review(
                db, f.karen, periodID: f.october.id, projectID: mat001, action: .approve, comment: "",
                baseVersion: sheet.version)
            sheet = try await Self.sheet(db, f, "MAT001")
            #expect(sheet.state == .approved && sheet.reviewedBy == "Karen Kirkham")

            // an approved return is locked against the lead
            await #expect(throws: DomainError.self) {
                try await Returns.save(
                    db, f.jane, periodID: f.october.id, projectID: mat001, form: sheet.form, action: .saveDraft)
            }
            // returning it needs a comment, which the lead then sees
            await #expect(throws: DomainError.self) {
                try await Returns.review(
                    db, f.karen, periodID: f.october.id, projectID: mat001, action: .returnForChanges, comment: " ",
                    baseVersion: sheet.version)
            }
            try await Returns.review(
                db, f.karen, periodID: f.october.id, projectID: mat001, action: .returnForChanges,
                comment: "Add the Vanguard dates.", baseVersion: sheet.version)
            sheet = try await Self.sheet(db, f, "MAT001")
            #expect(sheet.state == .returnedForChanges && sheet.reviewComment == "Add the Vanguard dates.")
            let actions = try await AuditLog.recent(db, limit: 10).filter { $0.entity == "return" }.map {
                "\($0.action) by \($0.actor)"
            }
            #expect(actions.prefix(2) == ["return-for-changes by Karen Kirkham", "approve by Karen Kirkham"])
        }
    }

    @Test(
        "Publishing blocks on missing returns, or carries the last ones forward marked not updated",
        arguments: Backend.all)
    func publishWithMissingReturns(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given October with ICS001 never started, and MAT002 reworked into a draft
            let f = try await Self.fixture(db)
            var draft = try await Self.sheet(db, f, "MAT002").form
            draft.update = "Draft words nobody approved."
            try await Returns.save(
                db, f.jane, periodID: f.october.id, projectID: try f.id("MAT002"), form: draft, action: .saveDraft)
            let missing = try await Returns.tracking(db, periodID: f.october.id).missing.map { $0.project.reference }
            #expect(missing.contains("ICS001") && missing.contains("MAT002") && !missing.contains("MAT001"))

            // when the PMO publishes with "block", then nothing is published and the reason names them
            do {
                _ = try await PeriodLifecycle.publish(db, f.pmo, periodID: f.october.id, missing: .block)
                Issue.record("publication should have been refused")
            } catch DomainError.invalid(let errors) {
                #expect(errors["missing"]?.contains("ICS001") == true && errors["missing"]?.contains("MAT002") == true)
            }
            #expect(try await Catalogue.period(db, id: f.october.id).status == .open)

            // when it publishes with "carry forward"
            _ = try await PeriodLifecycle.publish(db, f.pmo, periodID: f.october.id, missing: .carryForward)
            let report = try await Reports.report(db, periodID: f.october.id)
            // then ICS001 shows September's rating, marked not updated this period
            let ics001 = try #require(report.row(reference: "ICS001"))
            #expect(ics001.ratingDisplay == "Green")
            #expect(ics001.flags.map(\.kind).contains(.notUpdated))
            // and MAT002 shows September's approved words, not the draft, which the audit log keeps
            let mat002 = try #require(report.row(reference: "MAT002"))
            #expect(mat002.update.hasPrefix("Feedback from stakeholder workshop"))
            let carried = try await AuditLog.recent(db, limit: 100).filter { $0.action == "carry-forward" }
            #expect(carried.contains { $0.before?.contains("Draft words nobody approved.") == true })
            #expect(
                try await Returns.tracking(db, periodID: f.october.id).rows.first { $0.project.reference == "ICS001" }?
                    .state == .carriedForward)
        }
    }

    @Test("Re-opening a published period needs a reason and keeps what the board saw", arguments: Backend.all)
    func reopen(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given June 2016, published
            try await DemoLoader.load(db, cost: testBcryptCost)
            let pmo = Actor.commandLine("test")
            let (_, june) = try await Catalogue.findPeriod(db, key: "2016-06", portfolio: "Transformation Programme")
            let published = try await Reports.report(db, periodID: june.id)
            // when re-opened without a reason, then it is refused and stays frozen
            await #expect(throws: DomainError.self) {
                try await PeriodLifecycle.reopen(db, pmo, periodID: june.id, reason: "  ")
            }
            #expect(try await Catalogue.period(db, id: june.id).status == .published)
            // when re-opened with one
            let reason = "PCBC's rating was entered against the wrong project."
            let reopened = try await PeriodLifecycle.reopen(db, pmo, periodID: june.id, reason: reason)
            // then it is open, the board's report is archived with the reason, and the audit log says why
            #expect(reopened.status == .open)
            let archived = try await PeriodLifecycle.archivedReports(db, periodID: june.id)
            #expect(archived.count == 1 && archived[0].reason == reason && archived[0].report == published)
            #expect(
                try await AuditLog.recent(db, limit: 1).first.map {
                    $0.action == "reopen" && $0.after?.contains(reason) == true
                } == true)
            // and it can be published again
            _ = try await PeriodLifecycle.publish(db, pmo, periodID: june.id, missing: .carryForward)
            #expect(try await Reports.report(db, periodID: june.id).effectiveRatings == published.effectiveRatings)
        }
    }

    @Test("A return that turns Red or declines alerts the accountable person, once", arguments: Backend.all)
    func alerts(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given MAT002, Amber in September
            let f = try await Self.fixture(db)
            var form = try await Self.sheet(db, f, "MAT002").form
            // when Jane submits it Red, twice
            form.rating = "Red"
            try await Returns.save(db, f.jane, periodID: f.october.id, projectID: try f.id("MAT002"), form: form)
            form = try await Self.sheet(db, f, "MAT002").form
            try await Returns.save(db, f.jane, periodID: f.october.id, projectID: try f.id("MAT002"), form: form)
            // then Karen Kirkham (clinical lead; MAT002 has no SRO) has one alert saying why
            let alerts = try await Outbox.list(db).filter { $0.kind == "alert" }
            #expect(alerts.count == 1)
            #expect(alerts.first?.message.toAddress == "karen.kirkham@assure.demo")
            #expect(
                alerts.first?.message.subject
                    == "Alert: MAT002 Define and develop local integrated community children's health service has turned Red (October 2016)"
            )
            #expect(alerts.first?.message.body.contains("declined from Amber to Red (↓)") == true)

            // when a Green project stays Green, then nobody is alerted
            let mat001 = try await Self.sheet(db, f, "MAT001").form
            try await Returns.save(db, f.jane, periodID: f.october.id, projectID: try f.id("MAT001"), form: mat001)
            #expect(try await Outbox.list(db).filter { $0.kind == "alert" }.count == 1)

            // when the person has no address, the alert is kept as failed with the reason, not dropped
            let karen = try #require(try await Directory.find(db, name: "Karen Kirkham"))
            _ = try await Directory.setEmail(db, f.pmo, personID: karen.id, email: "")
            var ics002 = try await Self.sheet(db, f, "ICS002").form
            ics002.rating = "Red"
            try await Returns.save(db, f.pmo, periodID: f.october.id, projectID: try f.id("ICS002"), form: ics002)
            let unsent = try #require(try await Outbox.list(db).first { $0.message.subject.contains("ICS002") })
            #expect(unsent.status == .failed && unsent.lastError == "No email address is recorded for Karen Kirkham.")
        }
    }

    @Test(
        "Chasers: one per person listing what they owe, once a day, and on schedule before the deadline",
        arguments: Backend.all)
    func chasers(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given October with several returns missing
            let f = try await Self.fixture(db)
            let links = NoticeLinks { period, project in "https://assure.test/periods/\(period)/returns/\(project)" }
            // when the PMO chases
            let first = try await Chasers.chase(
                db, f.pmo, periodID: f.october.id, links: links, today: CalendarDate(year: 2016, month: 11, day: 1)!)
            // then Sally Sandcraft gets one message listing ICS001 with its link; Jane, whose returns are in, gets none
            #expect(first.queued.contains("sally.sandcraft@assure.demo"))
            #expect(!first.queued.contains("jane.brennan@assure.demo"))
            let sally = try #require(
                try await Outbox.list(db).first { $0.message.toAddress == "sally.sandcraft@assure.demo" })
            #expect(sally.message.body.contains("- ICS001 Integrated Teams and End of Life Care"))
            #expect(
                sally.message.body.contains("https://assure.test/periods/\(f.october.id)/returns/\(try f.id("ICS001"))")
            )
            // and chasing again the same day queues nothing new
            let again = try await Chasers.chase(
                db, f.pmo, periodID: f.october.id, links: links, today: CalendarDate(year: 2016, month: 11, day: 1)!)
            #expect(again.queued.isEmpty && Set(again.alreadyChased) == Set(first.queued))

            // given returns due on 7 November, chased 5 days before
            try await PeriodLifecycle.setReturnsDue(
                db, f.pmo, periodID: f.october.id, due: CalendarDate(year: 2016, month: 11, day: 7))
            try await Structure.setChaseSchedule(db, f.pmo, portfolioID: f.report.portfolio.id, daysBefore: 5)
            func scheduled(_ day: Int) async throws -> Chasers.Result {
                try await Chasers.chaseScheduled(
                    db, links: links, today: CalendarDate(year: 2016, month: 11, day: day)!)
            }
            // then nothing goes out before the window, once inside it, and nothing after the deadline
            #expect(try await scheduled(1).queued.isEmpty)
            #expect(try await scheduled(2).queued.sorted() == first.queued.sorted())
            #expect(try await scheduled(3).queued.isEmpty)
            #expect(try await scheduled(8).queued.isEmpty)
            let automatic = try await Outbox.list(db).filter {
                $0.message.subject.hasPrefix("Return needed by 7 Nov 2016")
            }
            #expect(automatic.count == first.queued.count)
        }
    }
}
