import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Fluent
import Foundation
import Testing

@Suite("Saving monthly returns")
struct ReturnStorageTests {
    /// The open October 2016 period and MAT001's current return in it.
    struct Fixture {
        let period: PeriodInfo
        let project: ProjectInfo
        let editor: Actor
        let otherEditor: Actor
    }

    static func fixture(_ db: Database) async throws -> Fixture {
        try await DemoLoader.load(db, cost: testBcryptCost)
        let (_, october) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
        let report = try await Reports.report(db, periodID: october.id)
        let mat001 = try #require(report.row(reference: "MAT001"))
        let jane = try #require(
            try await Users.authenticate(db, email: "jane.brennan@assure.demo", password: DemoLoader.adminPassword))
        let phil = try #require(
            try await Users.authenticate(db, email: "phil.richardson@assure.demo", password: DemoLoader.adminPassword))
        return Fixture(period: october, project: mat001.project, editor: jane, otherEditor: phil)
    }

    @Test(
        "An editor saves a return for their programme; the arrow is derived and the change audited",
        arguments: Backend.all)
    func saveDerivesArrowAndAudits(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let f = try await Self.fixture(db)
            let sheet = try await Returns.sheet(db, periodID: f.period.id, projectID: f.project.id)
            var form = sheet.form
            form.rating = "Amber"
            form.update = "Vanguard workstreams paused for winter."
            form.milestones = [MilestoneLine(title: "Framework signed off", date: "Mid December 2016", rating: "Amber")]
            try await Returns.save(db, f.editor, periodID: f.period.id, projectID: f.project.id, form: form)
            let row = try #require(try await Reports.report(db, periodID: f.period.id).row(reference: "MAT001"))
            #expect(row.effective?.label == "Amber")
            #expect(row.trend.derived == .declined)
            #expect(row.submittedBy == "Jane Brennan")
            #expect(row.milestones.first?.date.parsed?.dueBy == CalendarDate(year: 2016, month: 12, day: 31))
            let audit = try await AuditLog.recent(db, entity: "return")
            #expect(audit.first?.actor == "Jane Brennan")
            #expect(audit.first?.before?.contains("\"rating\":\"Green\"") == true)
            #expect(audit.first?.after?.contains("\"rating\":\"Amber\"") == true)
        }
    }

    @Test("Bad values are refused field by field and nothing is saved", arguments: Backend.all)
    func badValues(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let f = try await Self.fixture(db)
            let before = try await Reports.report(db, periodID: f.period.id)
            let sheet = try await Returns.sheet(db, periodID: f.period.id, projectID: f.project.id)
            var form = sheet.form
            form.rating = "Yellow"
            form.milestones = [MilestoneLine(title: "", date: "Jan-17", rating: "Purple")]
            do {
                try await Returns.save(db, f.editor, periodID: f.period.id, projectID: f.project.id, form: form)
                Issue.record("a bad return was saved")
            } catch DomainError.invalid(let errors) {
                #expect(errors["rating"]?.contains("Yellow") == true)
                #expect(errors["milestones[0].title"] != nil)
                #expect(errors["milestones[0].rating"]?.contains("Purple") == true)
            }
            #expect(try await Reports.report(db, periodID: f.period.id) == before)
        }
    }

    @Test("An editor of another programme, and a viewer, are refused", arguments: Backend.all)
    func authorisation(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let f = try await Self.fixture(db)
            let form = try await Returns.sheet(db, periodID: f.period.id, projectID: f.project.id).form
            let viewer = Actor(userID: nil, name: "Board Member", role: .viewer)
            for actor in [f.otherEditor, viewer] {
                await #expect(throws: DomainError.self) {
                    try await Returns.save(db, actor, periodID: f.period.id, projectID: f.project.id, form: form)
                }
            }
            #expect(try await AuditLog.recent(db, entity: "return").isEmpty)
        }
    }

    @Test("A save from a stale version is a conflict, never a silent overwrite", arguments: Backend.all)
    func staleSaveConflicts(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let f = try await Self.fixture(db)
            let opened = try await Returns.sheet(db, periodID: f.period.id, projectID: f.project.id).form
            var first = opened
            first.update = "first"
            var second = opened
            second.update = "second"
            try await Returns.save(db, f.editor, periodID: f.period.id, projectID: f.project.id, form: first)
            await #expect(throws: DomainError.self) {
                try await Returns.save(db, f.editor, periodID: f.period.id, projectID: f.project.id, form: second)
            }
            #expect(try await Reports.report(db, periodID: f.period.id).row(reference: "MAT001")?.update == "first")
        }
    }

    @Test("Two concurrent saves from the same version: exactly one wins", arguments: Backend.all)
    func concurrentSaves(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let f = try await Self.fixture(db)
            let opened = try await Returns.sheet(db, periodID: f.period.id, projectID: f.project.id).form
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for text in ["alpha", "beta", "gamma", "delta"] {
                    var form = opened
                    form.update = text
                    group.addTask {
                        (try? await Returns.save(
                            db, f.editor, periodID: f.period.id, projectID: f.project.id, form: form)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await AuditLog.recent(db, entity: "return").count == 1)
        }
    }

    @Test("A new return is prefilled from the previous period", arguments: Backend.all)
    func prefill(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let f = try await Self.fixture(db)
            let report = try await Reports.report(db, periodID: f.period.id)
            let ue001 = try #require(report.row(reference: "UE001"))
            #expect(!ue001.hasReturn)
            let sheet = try await Returns.sheet(db, periodID: f.period.id, projectID: ue001.project.id)
            #expect(sheet.isPrefilled)
            #expect(sheet.form.rating == "Amber")
            #expect(sheet.form.milestones.first?.title == "Implement remaining 7 integrated hub standards")
            #expect(sheet.form.baseVersion == 0)
        }
    }
}
