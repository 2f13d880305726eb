import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Issue 15, part 5: credentials end when access does. A user changes their own password; the PMO disables and
/// enables a user and changes their role and programmes; each ends what it must at once, and each is audited.
@Suite("Accounts: passwords, disabling and roles")
struct AccountManagementTests {
    @Test(
        "Jane changes her password with the old one: her other sessions and her API token end, this browser stays signed in",
        arguments: Backend.all)
    func changeOwnPassword(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given Jane signed in on two machines, with a token for a script
            let desk = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            let laptop = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            let janeID = try await Users.id(app.db, email: "jane.brennan@assure.demo")
            let token = try await APITokens.create(
                app.db, .commandLine("test"), for: janeID, name: "sheet", scope: .read
            ).secret
            #expect(try await desk.send(.GET, Link.apiPortfolios.path, json: "", bearer: token).status == .ok)
            _ = try await desk.get(Link.changePassword.path)
            // when she gives a wrong current password, the form says so and nothing changes
            let wrong = try await desk.post(
                Link.changePassword.path,
                ["old": "not it", "new": "winter plan 2016", "confirmation": "winter plan 2016"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("This is not your current password."))
            let differ = try await desk.post(
                Link.changePassword.path,
                ["old": DemoLoader.adminPassword, "new": "winter plan 2016", "confirmation": "winter plan 2017"])
            #expect(differ.body.string.contains("The two new passwords differ."))
            #expect(try await laptop.get("/").status == .ok)
            // when she gives the right one
            let changed = try await desk.post(
                Link.changePassword.path,
                ["old": DemoLoader.adminPassword, "new": "winter plan 2016", "confirmation": "winter plan 2016"])
            #expect(changed.status == .seeOther)
            // then this browser is still signed in; the laptop is signed out; the token is refused
            #expect(try await desk.get("/").status == .ok)
            #expect(try await laptop.get("/").status == .seeOther)
            #expect(
                try await desk.send(.GET, Link.apiPortfolios.path, json: "", bearer: token).status
                    == .unauthorized)
            // and the new password signs in where the old one no longer does
            #expect(
                try await Users.authenticate(
                    app.db, email: "jane.brennan@assure.demo", password: DemoLoader.adminPassword) == nil)
            #expect(
                try await Users.authenticate(app.db, email: "jane.brennan@assure.demo", password: "winter plan 2016")
                    != nil)
            let entry = try #require(try await AuditLog.recent(app.db).first { $0.action == "change-password" })
            #expect(entry.actor == "Jane Brennan" && (entry.after ?? "").contains(#""tokensRevoked":"1""#))
        }
    }

    @Test(
        "The PMO disables Phil: his session and token end at once and he cannot sign in; enabled, he signs in again",
        arguments: Backend.all)
    func disableAndEnable(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let phil = try await WebClient.signedIn(app, as: "phil.richardson@assure.demo")
            let philID = try await Users.id(app.db, email: "phil.richardson@assure.demo")
            let token = try await APITokens.create(
                app.db, .commandLine("test"), for: philID, name: "sheet", scope: .read
            ).secret
            let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            // when the PMO opens Phil's page and disables him
            #expect(try await pmo.get(Link.user(id: philID).path).body.string.contains("Disable Phil Richardson"))
            let disabled = try await pmo.post(Link.disableUser(id: philID).path, [:])
            #expect(disabled.status == .seeOther)
            // then his open page, his token and his password open nothing
            #expect(try await phil.get("/").status == .seeOther)
            #expect(
                try await phil.send(.GET, Link.apiPortfolios.path, json: "", bearer: token).status
                    == .unauthorized)
            let again = WebClient(app)
            _ = try await again.get(Link.login.path)
            #expect(
                try await again.post(
                    Link.login.path,
                    ["email": "phil.richardson@assure.demo", "password": DemoLoader.adminPassword]
                ).status
                    == .unauthorized)
            #expect(try await pmo.get(Link.users.path).body.string.contains("Phil Richardson (disabled)"))
            // and the PMO may not disable themself
            let pmoID = try await Users.id(app.db, email: DemoLoader.adminEmail)
            #expect(try await pmo.post(Link.disableUser(id: pmoID).path, [:]).status == .forbidden)
            // when enabled again, Phil signs in
            _ = try await pmo.get("/")
            #expect(try await pmo.post(Link.enableUser(id: philID).path, [:]).status == .seeOther)
            _ = try await WebClient.signedIn(app, as: "phil.richardson@assure.demo")
            let actions = try await AuditLog.recent(app.db).filter { $0.entity == "user" }.map(\.action)
            #expect(actions.contains("disable") && actions.contains("enable"))
        }
    }

    @Test(
        "The PMO makes Jane a viewer: from her next page she cannot edit; an editor needs programmes; the last admin stays one",
        arguments: Backend.all)
    func changeRole(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            let janeID = try await Users.id(app.db, email: "jane.brennan@assure.demo")
            let form = Link.returnForm(period: ids.october.id, project: ids.mat001.id).path
            #expect(try await jane.get(form).status == .ok)
            let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await pmo.get(Link.user(id: janeID).path)
            // an editor with no programme is refused, the choice kept
            let none = try await pmo.post(Link.user(id: janeID).path, ["role": "editor"])
            #expect(none.status == .unprocessableEntity)
            #expect(none.body.string.contains("Choose the programmes an editor may write."))
            // when she is made a viewer
            #expect(try await pmo.post(Link.user(id: janeID).path, ["role": "viewer"]).status == .seeOther)
            // then her next page of the form is refused
            #expect(try await jane.get(form).status == .forbidden)
            // and made an editor of Maternity again, she may
            _ = try await pmo.get("/")
            #expect(
                try await pmo.post(
                    Link.user(id: janeID).path, ["role": "editor", "programme[]": ids.maternity.id.uuidString]
                ).status == .seeOther)
            #expect(try await jane.get(form).status == .ok)
            // the only admin cannot make themself a viewer
            let pmoID = try await Users.id(app.db, email: DemoLoader.adminEmail)
            _ = try await pmo.get("/")
            let demote = try await pmo.post(Link.user(id: pmoID).path, ["role": "viewer"])
            #expect(demote.status == .unprocessableEntity)
            #expect(demote.body.string.contains("is the only admin"))
            let changes = try await AuditLog.recent(app.db).filter { $0.action == "change-access" }
            #expect(changes.count == 2)
            #expect(
                (changes.last?.before ?? "").contains(#""role":"editor""#)
                    && (changes.last?.after ?? "").contains(#""role":"viewer""#))
        }
    }

    @Test(
        "A new period with a date that does not read comes back with the error beside it and what was typed",
        arguments: Backend.all)
    func periodForm(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await pmo.get(Link.portfolio(portfolio: ids.cdg.info.id).path)
            let refused = try await pmo.post(
                Link.createPeriod(portfolio: ids.cdg.info.id).path,
                ["period": "2016-12", "frequency": "monthly", "asAt": "31/12/2016", "publishOn": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Write the as-at date as YYYY-MM-DD, for example 2016-10-31."))
            #expect(refused.body.string.contains(#"value="31/12/2016""#))
        }
    }
}
