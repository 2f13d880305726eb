import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AssureWeb

/// The probe's reproduction: an editor made herself SRO of her own project and approved her own Red return, whose
/// alert went to herself alone.
@Suite("Nobody approves their own work")
struct SegregationOfDutiesWebTests {
    @Test(
        "A return form sent with a review's action, or an unknown one, is refused, never taken for a submission",
        arguments: Backend.all)
    func returnFormActions(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            let form = Link.returnForm(period: ids.october.id, project: ids.mat001.id).path
            _ = try await jane.get(form)
            let before = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id)
            for action in ["approve", "publish"] {
                // when Jane's form comes with an action the form does not offer
                let sent = try await jane.post(
                    form, try await ids.returnFields(app, rating: "Red").merging(["action": action]) { $1 })
                // then it is refused, and the return is as it was
                #expect(sent.status == .badRequest, "\(action)")
                let after = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id)
                #expect(after.state == before.state && after.version == before.version, "\(action)")
            }
            // while saving a draft still saves it
            let saved = try await jane.post(
                form, try await ids.returnFields(app, rating: "Red").merging(["action": "save-draft"]) { $1 })
            #expect(saved.status == .seeOther)
            #expect(
                try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).state == .draft)
        }
    }

    @Test(
        "An editor cannot name herself SRO, approve her own return, or be the only one alerted", arguments: Backend.all)
    func ownWork(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            let edit = Link.editProject(project: ids.mat001.id).path
            // when Jane posts MAT001's details with herself as SRO
            _ = try await jane.get(edit)
            let version = String(try await Structure.project(app.db, id: ids.mat001.id).version)
            let renamed = try await jane.post(
                edit,
                [
                    "title": ids.mat001.title, "reference": ids.mat001.reference ?? "", "sro": "Jane Brennan",
                    "lead": ids.mat001.lead ?? "", "programme": ids.maternity.name, "baseVersion": version,
                ])
            // then the form comes back saying why, and the SRO is unchanged
            #expect(renamed.status == .unprocessableEntity)
            #expect(renamed.body.string.contains("Only the PMO names or changes a project"))
            #expect(try await Structure.project(app.db, id: ids.mat001.id).project.sro == ids.mat001.sro)
            // given the PMO does make her MAT001's SRO (its own decision, audited)
            let pmo = Actor.commandLine("test")
            try await Structure.updateProject(
                app.db, pmo, id: ids.mat001.id,
                changes: ProjectChanges(
                    reference: ids.mat001.reference, title: ids.mat001.title, sro: "Jane Brennan",
                    lead: ids.mat001.lead,
                    programmeID: ids.maternity.id,
                    baseVersion: try await Structure.project(app.db, id: ids.mat001.id).version))
            let janePerson = try #require(try await Directory.find(app.db, name: "Jane Brennan"))
            _ = try await Directory.setEmail(app.db, pmo, personID: janePerson.id, email: "jane.brennan@assure.demo")
            // when she submits MAT001 Red and then tries to approve it
            _ = try await jane.get(Link.returnForm(period: ids.october.id, project: ids.mat001.id).path)
            let submitted = try await jane.post(
                Link.returnForm(period: ids.october.id, project: ids.mat001.id).path,
                try await ids.returnFields(app, rating: "Red").merging(["action": "submit"]) { $1 })
            #expect(submitted.status == .seeOther)
            let sheet = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id)
            let review = try await jane.post(
                Link.reviewReturn(period: ids.october.id, project: ids.mat001.id).path,
                ["action": "approve", "comment": "", "version": String(sheet.version)])
            // then it is refused, and the return is still submitted
            #expect(review.status == .forbidden)
            #expect(
                try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).state == .submitted)
            // and her Red alert went to her and to the PMO as well
            let alerts = try await Outbox.list(app.db).filter {
                $0.kind == "alert" && $0.message.subject.contains("MAT001")
            }
            #expect(alerts.contains { $0.message.toAddress == "jane.brennan@assure.demo" })
            #expect(alerts.contains { $0.message.toAddress == DemoLoader.adminEmail })
            // while the PMO, who did not write it, may approve it
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await admin.get(Link.returnForm(period: ids.october.id, project: ids.mat001.id).path)
            let approved = try await admin.post(
                Link.reviewReturn(period: ids.october.id, project: ids.mat001.id).path,
                ["action": "approve", "comment": "", "version": String(sheet.version)])
            #expect(approved.status == .seeOther)
            #expect(
                try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).state == .approved)
        }
    }
}
