import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing

@Suite("The PMO's cockpit and the returns it counts")
struct CockpitTests {
    @Test(
        "The exceptions page and the returns page agree on how many returns are not in, drafts included",
        arguments: Backend.all)
    func countsAgree(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given October open at CDG Priorities, and MAT001's return taken back to a draft by the PMO
            let ids = try await DemoIDs.load(app)
            var form = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).form
            form.update = "Being rewritten."
            try await Returns.save(
                app.db, .commandLine("test"), periodID: ids.october.id, projectID: ids.mat001.id, form: form,
                action: .saveDraft)
            // when the PMO reads both
            let tracking = try await Returns.tracking(app.db, periodID: ids.october.id)
            let report = try await Reports.report(app.db, periodID: ids.october.id, for: .pmo)
            let noReturn = report.allFlags.filter { $0.flag.kind == .noReturn }
            // then they count the same returns
            #expect(tracking.missing.count == 18)
            #expect(noReturn.count == tracking.missing.count)
            #expect(Set(noReturn.map(\.project.id)) == Set(tracking.missing.map(\.project.id)))
            #expect(noReturn.contains { $0.flag.message == "Not submitted: the return is still a draft." })
            // and the cockpit says the same
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let home = try await admin.get(Link.home.path).body.string
            #expect(home.contains("<strong>3 of 21</strong>"))
            #expect(home.contains("Not yet: 18 returns are not in."))
            // and the confirmation counts the 18 carried forward at their September ratings, not as "Not rated"
            let confirm = try await admin.get(
                Link.publishConfirm(period: ids.october.id).path(query: "missing=carry-forward")
            ).body.string
            #expect(confirm.contains("Returns carried forward are counted at the rating last published for them."))
            #expect(confirm.contains("Carried forward (18)"))
            #expect(!confirm.contains(">Not rated</span> 18"))
            #expect(try await Catalogue.period(app.db, id: ids.october.id).status == .open, "nothing published yet")
        }
    }
}
