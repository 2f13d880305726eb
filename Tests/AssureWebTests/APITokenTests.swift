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

@Suite("API tokens: made once, hashed at rest, scoped, revocable")
struct APITokenTests {
    /// Makes a token on the tokens page, as its user would, and reads the secret off the page.
    static func makeToken(_ client: WebClient, name: String, scope: TokenScope) async throws -> String {
        _ = try await client.get(Link.tokens.path)
        let made = try await client.post(Link.tokens.path, ["name": name, "scope": scope.rawValue])
        #expect(made.status == .created)
        let secret = try #require(made.body.string.firstMatch(of: #/<code id="new-token">([^<]+)</code>/#)).1
        return String(secret)
    }

    /// Jane (editor of Maternity) signed in, a token she made, a script holding it, and MAT001's October return path.
    static func janeWithToken(
        _ app: Application, scope: TokenScope, name: String
    ) async throws
        -> (ids: DemoIDs, jane: WebClient, secret: String, script: WebClient, path: String)
    {
        let ids = try await DemoIDs.load(app)
        let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
        let secret = try await makeToken(jane, name: name, scope: scope)
        return (
            ids, jane, secret, WebClient(app), Link.apiReturn(period: ids.october.id, project: ids.mat001.id).path
        )
    }

    static func returnBody(version: Int, rating: String = "Amber", update: String = "Saved by a script.") -> String {
        #"{"baseVersion": \#(version), "rating": "\#(rating)", "update": "\#(update)", "submit": false}"#
    }

    @Test(
        "A password reset ends the user's sessions and revokes their tokens (issue 15, part 5 in part)",
        arguments: Backend.all)
    func resetEndsCredentials(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given Jane signed in, with a write token her script uses
            let (_, jane, secret, script, path) = try await Self.janeWithToken(app, scope: .write, name: "tracker")
            #expect(try await jane.get("/").status == .ok)
            #expect(try await script.send(.GET, path, json: "", bearer: secret).status == .ok)
            // when the PMO resets her password (as `assure user reset-password` does)
            try await Users.resetPassword(
                app.db, .commandLine("pmo"), email: "jane.brennan@assure.demo", password: "a new long passphrase",
                cost: testBcryptCost)
            // then her browser is sent to sign in, her token is refused, and the audit log says what ended
            #expect(try await jane.get("/").headers.first(name: .location) == Link.login.path)
            #expect(try await script.send(.GET, path, json: "", bearer: secret).status == .unauthorized)
            let entry = try #require(
                try await AuditLog.recent(app.db, limit: 5).first { $0.action == "reset-password" })
            #expect(entry.after?.contains(#""tokensRevoked":"1""#) == true, "\(entry.after ?? "")")
            // and she signs in with the new password
            #expect(
                try await Users.authenticate(
                    app.db, email: "jane.brennan@assure.demo", password: "a new long passphrase") != nil)
        }
    }

    @Test("A read token reads, cannot write, and stops working when revoked", arguments: Backend.all)
    func readToken(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given Jane (editor of Maternity) makes a read token
            let (ids, jane, secret, script, returnPath) = try await Self.janeWithToken(
                app, scope: .read, name: "monthly extract")

            // when a script uses it
            let read = try await script.send(.GET, returnPath, json: "", bearer: secret)
            let write = try await script.send(.PUT, returnPath, json: Self.returnBody(version: 1), bearer: secret)
            let page = try await script.send(.GET, Link.home.path, json: "", bearer: secret)

            // then it reads the return, is refused the write, and is no key to the web pages
            #expect(read.status == .ok)
            #expect(try JSONSerialization.jsonObject(with: Data(read.body.string.utf8)) as? [String: Any] != nil)
            #expect(write.status == .forbidden, "\(write.body.string)")
            #expect(write.body.string.contains("only read"))
            #expect(page.status == .seeOther, "a token is for the API only")
            #expect(
                try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).form.update
                    != "Saved by a script.")

            // when Jane revokes it, then the script gets 401
            let token = try #require(
                try await APITokens.list(app.db, userID: try await Users.id(app.db, email: "jane.brennan@assure.demo"))
                    .first)
            _ = try await jane.get(Link.tokens.path)
            #expect(try await jane.post(Link.revokeToken(id: token.id).path, [:]).status == .seeOther)
            let afterRevoke = try await script.send(.GET, Link.apiPortfolios.path, json: "", bearer: secret)
            #expect(afterRevoke.status == .unauthorized)
            #expect(afterRevoke.headers.first(name: .wwwAuthenticate) == "Bearer")
            let audit = try await AuditLog.recent(app.db, entity: "api-token").map(\.action)
            #expect(Set(audit) == ["create", "revoke"])
        }
    }

    @Test(
        "A write token saves what its user may save, without CSRF, and a stale version is a 409", arguments: Backend.all
    )
    func writeToken(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given Jane's write token
            let (ids, _, secret, script, path) = try await Self.janeWithToken(
                app, scope: .write, name: "returns from our tracker")
            let version = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).form
                .baseVersion

            // when the script saves her project's return, then it lands, as Jane, in the audit log
            let saved = try await script.send(.PUT, path, json: Self.returnBody(version: version), bearer: secret)
            #expect(saved.status == .ok, "\(saved.body.string)")
            #expect(
                try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).form.update
                    == "Saved by a script.")
            #expect(
                try await AuditLog.recent(app.db, limit: 5).contains {
                    $0.entity == "return" && $0.actor == "Jane Brennan"
                })

            // when it saves again from the old version, then 409 with the saved return, and nothing changes
            let stale = try await script.send(
                .PUT, path, json: Self.returnBody(version: version, update: "Overwrite?"), bearer: secret)
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Saved by a script."))
            // and bad values come back by field, nothing saved
            let bad = try await script.send(
                .PUT, path, json: Self.returnBody(version: version + 1, rating: "Purple"), bearer: secret)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains(#""rating""#))
            let notJSON = try await script.send(.PUT, path, json: "rating=Amber", bearer: secret)
            #expect(notJSON.status == .unprocessableEntity)
            // and a body that cannot be read is answered in plain words naming the field, never Swift's error text
            let wrongType = try await script.send(
                .PUT, path, json: #"{"baseVersion": "two", "rating": "Amber"}"#, bearer: secret)
            #expect(wrongType.status == .unprocessableEntity)
            #expect(
                wrongType.body.string.contains(#""baseVersion":"must be a whole number""#), "\(wrongType.body.string)")
            // and a write naming no version (neither If-Match nor baseVersion) is refused: 428, nothing saved
            let missing = try await script.send(.PUT, path, json: #"{"rating": "Amber"}"#, bearer: secret)
            #expect(missing.status == .preconditionRequired)
            #expect(missing.body.string.contains("urn:assure:problem:precondition-required"), "\(missing.body.string)")
            for answer in [notJSON, wrongType, missing] {
                #expect(
                    !answer.body.string.contains("DecodingError") && !answer.body.string.contains("CodingKeys"),
                    "\(answer.body.string)")
            }
            #expect(
                try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).form.update
                    == "Saved by a script.")

            // when it writes a project of another programme, then its user's role refuses it
            let report = try await Reports.report(app.db, periodID: ids.october.id)
            let otherProject = try #require(
                report.programmes.first { $0.programme.id != ids.maternity.id }?.projects.first
            ).project
            let other = try await script.send(
                .PUT, Link.apiReturn(period: ids.october.id, project: otherProject.id).path,
                json: Self.returnBody(version: 0), bearer: secret)
            #expect(other.status == .forbidden)
        }
    }

    @Test(
        "The secret is shown once and only its SHA-256 is stored; unknown tokens and sessions without CSRF are refused",
        arguments: Backend.all)
    func storage(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let secret = try await Self.makeToken(admin, name: "board pack", scope: .write)
            let listing = try await admin.get(Link.tokens.path)
            #expect(listing.body.string.contains("board pack"))
            #expect(!listing.body.string.contains(secret), "the list never shows a secret again")
            let dump = try await Backups.exportAll(app.db)
            #expect(dump["api_tokens"] == nil)
            let stored = try await APITokens.list(
                app.db, userID: try await Users.id(app.db, email: DemoLoader.adminEmail))
            #expect(stored.count == 1)
            let forged = try await WebClient(app).send(
                .GET, Link.apiPortfolios.path, json: "", bearer: secret + "x")
            #expect(forged.status == .unauthorized)
            // a signed-in session may use the API, but a write needs its CSRF token in the header
            let path = Link.apiReturn(period: ids.october.id, project: ids.mat001.id).path
            _ = try await admin.get("/")
            #expect(
                try await admin.send(.PUT, path, json: Self.returnBody(version: 1), csrf: false).status == .forbidden)
            #expect(try await admin.send(.PUT, path, json: Self.returnBody(version: 1), csrf: true).status == .ok)
            // a token with no name comes back with the error, the chosen scope kept
            let unnamed = try await admin.post(Link.tokens.path, ["name": " ", "scope": "write"])
            #expect(unnamed.status == .unprocessableEntity)
            #expect(unnamed.body.string.contains("Name the token"))
        }
    }
}
