import AssureApp
import AssureCore
import AssureOpenID
import AssureStorage
import AssureTestSupport
import AssureWeb
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

/// Signing in with the organisation's account, against a real OpenID provider on loopback (authlib's authorisation
/// server in `scripts/test-openid-provider.py`): Assure discovers it, sends the browser to its own sign-in page with
/// PKCE, exchanges the code and checks the ID token against the provider's published keys.
@Suite(
    "Sign in with the organisation's account (OpenID Connect)", .serialized,
    .enabled(
        if: TestOpenIDProvider.isAvailable || TestOpenIDProvider.isRequired,
        "authlib and Flask are not installed (pip install authlib flask)"))
struct SignInTests {
    static let site = "http://127.0.0.1:8080"
    static let clientID = "assure-test"
    static let secret = "client-secret-for-tests"
    static let password = "provider-password-1"

    /// People the provider knows: Karen has an Assure account (a viewer in the demo); the others do not.
    static let people: [TestOpenIDProvider.Person] = [
        .init("karen.kirkham@assure.demo", password, "Karen Kirkham"),
        .init("new.starter@nhs.test", password, "Nia Starter"),
        .init("clinical.lead@nhs.test", password, "Cal Lead", groups: ["assure-readers"]),
        .init("unverified@nhs.test", password, "Una Verified", verified: false),
        .init("team.lead@nhs.test", password, "Tia Lead", groups: ["assure-leads", "assure-readers"]),
    ]

    /// The provider and Assure set up for each other: the provider knows Assure as a client returning to `site`.
    static func withProvider(
        _ backend: Backend = .sqlite, site: String = site, passwords: Bool = true, createUsers: Bool = false,
        _ body: (Application, TestOpenIDProvider, HTTPClient) async throws -> Void
    ) async throws {
        let provider = try TestOpenIDProvider(
            clientID: clientID, secret: secret, redirectURI: site + "/login/with/nhsmail/return",
            signedOutURI: site + "/login", people: people)
        try await provider.start()
        let http = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        do {
            try await withWebApp(
                backend,
                adjust: { settings in
                    settings.publicURL = site
                    settings.signIn = SignInSettings(
                        providers: [
                            OpenIDProviderSettings(
                                name: "nhsmail", label: "NHSmail (test)", issuer: provider.issuer, clientID: clientID,
                                clientSecret: secret, createUsers: createUsers,
                                groupRoles: ["assure-readers": .viewer])
                        ], localPasswords: passwords)
                }
            ) { app in try await body(app, provider, http) }
        } catch {
            try? await http.shutdown()
            await provider.stop()
            throw error
        }
        try await http.shutdown()
        await provider.stop()
    }

    /// A sign-in as a browser makes it: Assure's button, the provider's page with the person's password, and back to
    /// Assure with the code. Returns Assure's answer to the return, and the provider's address it started from.
    static func signIn(
        _ client: WebClient, as email: String, password: String = password, http: HTTPClient
    ) async throws -> (answer: WebResponse, authorize: String) {
        let start = try await client.get("/login/with/nhsmail")
        #expect(start.status == .seeOther, "\(start.body.string.prefix(500))")
        let authorize = try #require(start.headers.first(name: .location))
        let page = try await http.execute(request: try .init(url: authorize), deadline: .now() + .seconds(120)).get()
        #expect(page.status == .ok)
        var post = try HTTPClient.Request(url: authorize, method: .POST)
        post.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        post.body = .string("email=\(WebClient.encode(email))&password=\(WebClient.encode(password))")
        let signedIn = try await http.execute(request: post, deadline: .now() + .seconds(120)).get()
        let back = try #require(signedIn.headers.first(name: "Location"), "the provider answered \(signedIn.status)")
        #expect(back.hasPrefix(site + "/login/with/nhsmail/return?"))
        return (try await client.get(String(back.dropFirst(site.count))), authorize)
    }

    static func signedInName(_ client: WebClient) async throws -> String? {
        let home = try await client.get("/account")
        guard home.status == .ok else { return nil }
        return home.body.string.firstMatch(of: #/Signed in as <strong>([^<]+)</strong>/#).map { String($0.1) }
            ?? (home.body.string.contains("Sign out") ? "someone" : nil)
    }

    @Test(
        "A person the PMO added signs in with the organisation's account; signing out offers the provider's too",
        arguments: Backend.all)
    func signInAndOut(backend: Backend) async throws {
        try await Self.withProvider(backend) { app, provider, http in
            // given the sign-in page, which offers the provider beside the password form
            let client = WebClient(app)
            let login = try await client.get("/login")
            #expect(login.body.string.contains(#"href="/login/with/nhsmail""#))
            #expect(login.body.string.contains("Sign in with NHSmail (test)"))
            #expect(login.body.string.contains(#"id="f-password""#))
            // when Karen signs in through the provider's own page
            let (answer, authorize) = try await Self.signIn(client, as: "karen.kirkham@assure.demo", http: http)
            // then Assure asked with PKCE (S256), a state and a nonce, for her email
            let query = try #require(URLComponents(string: authorize)?.queryItems)
            func item(_ name: String) -> String? { query.first { $0.name == name }?.value }
            #expect(item("code_challenge_method") == "S256")
            #expect((item("code_challenge") ?? "").count == 43)
            #expect((item("state") ?? "").count >= 43 && (item("nonce") ?? "").count >= 43)
            #expect(item("scope") == "openid email profile")
            #expect(item("redirect_uri") == Self.site + "/login/with/nhsmail/return")
            // and she is signed in as herself, with her role from Assure
            #expect(answer.status == .seeOther)
            #expect(answer.headers.first(name: .location) == "/")
            let home = try await client.get("/")
            #expect(home.status == .ok)
            #expect(home.body.string.contains("Signed in with NHSmail (test) as Karen Kirkham."))
            let account = try await client.get("/account")
            #expect(account.body.string.contains("Karen Kirkham"))
            // when she signs out
            let out = try await client.post("/logout", [:])
            // then Assure's session has ended, and the page offers to sign her out of the provider too
            #expect(out.status == .ok)
            #expect(!out.body.string.contains("Karen Kirkham"), "the signed-out page shows nobody signed in")
            let offer = try #require(
                out.body.string.firstMatch(of: #/href="([^"]+)"[^>]*>Sign out of NHSmail \(test\) too/#)
            ).1
            let link = String(offer).replacingOccurrences(of: "&amp;", with: "&")
            #expect(link.hasPrefix(provider.issuer + "/logout?"))
            let signOutQuery = try #require(URLComponents(string: link)?.queryItems)
            #expect(signOutQuery.first { $0.name == "post_logout_redirect_uri" }?.value == Self.site + "/login")
            #expect((signOutQuery.first { $0.name == "id_token_hint" }?.value ?? "").split(separator: ".").count == 3)
            #expect(signOutQuery.first { $0.name == "client_id" }?.value == Self.clientID)
            #expect(try await client.get("/account").status == .seeOther)
            // and following it signs her out at the provider, which sends her back to Assure's sign-in page
            let signedOut = try await http.execute(request: try .init(url: link), deadline: .now() + .seconds(120))
                .get()
            #expect(signedOut.status == .found)
            #expect(signedOut.headers.first(name: "Location") == Self.site + "/login")
            #expect(try await provider.signOuts() == 1)
        }
    }

    @Test("An ID token that fails a check signs nobody in, and the page says which check", arguments: Backend.all)
    func spoiltTokens(backend: Backend) async throws {
        try await Self.withProvider(backend) { app, provider, http in
            let cases: [(mode: String, says: String)] = [
                ("wrong-audience", "is meant for someone-else, not this Assure"),
                ("expired", "expired at"),
                ("wrong-nonce", "does not carry this sign-in&#39;s nonce"),
                ("bad-signature", "has a signature that does not match the provider&#39;s published key"),
                ("wrong-issuer", "was issued by http://127.0.0.1:1"),
            ]
            for (mode, says) in cases {
                // given the provider about to issue a token spoilt this way
                try await provider.spoilNextToken(mode)
                let client = WebClient(app)
                // when Karen signs in
                let (answer, _) = try await Self.signIn(client, as: "karen.kirkham@assure.demo", http: http)
                // then Assure refuses, naming the check, and she is not signed in
                #expect(answer.status == .unauthorized, "\(mode)")
                #expect(answer.body.string.contains(says), "\(mode): \(answer.body.string.prefix(3000))")
                #expect(try await client.get("/account").status == .seeOther, "\(mode)")
            }
        }
    }

    @Test("A replayed token, or a return used twice, signs nobody in", arguments: Backend.all)
    func replays(backend: Backend) async throws {
        try await Self.withProvider(backend) { app, provider, http in
            // given Karen signed in once, and the address the provider sent her back to
            let first = WebClient(app)
            let start = try await first.get("/login/with/nhsmail")
            let authorize = try #require(start.headers.first(name: .location))
            var post = try HTTPClient.Request(url: authorize, method: .POST)
            post.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            post.body = .string("email=karen.kirkham%40assure.demo&password=\(Self.password)")
            let back = try #require(
                try await http.execute(request: post, deadline: .now() + .seconds(120)).get().headers.first(
                    name: "Location"))
            let returnPath = String(back.dropFirst(Self.site.count))
            #expect(try await first.get(returnPath).status == .seeOther)
            // when the same return is sent again (from the history, or by someone who saw the address)
            let again = try await first.get(returnPath)
            // then it is refused: the sign-in it belonged to is over
            #expect(again.status == .badRequest)
            #expect(again.body.string.contains("expired, was already used"))
            // and a stranger's browser with that address gets nothing either
            let stranger = WebClient(app)
            #expect(try await stranger.get(returnPath).status == .badRequest)
            #expect(try await stranger.get("/account").status == .seeOther)
            // when the provider hands out the first sign-in's ID token again in a new sign-in
            try await provider.spoilNextToken("replay")
            let (replayed, _) = try await Self.signIn(WebClient(app), as: "karen.kirkham@assure.demo", http: http)
            // then its nonce is not the new sign-in's, and it is refused
            #expect(replayed.status == .unauthorized)
            #expect(replayed.body.string.contains("does not carry this sign-in&#39;s nonce"))
        }
    }

    @Test("After the provider rotates its keys, the next sign-in is checked against the new key")
    func keyRotation() async throws {
        try await Self.withProvider { app, provider, http in
            // given a sign-in checked against the provider's first key
            #expect(
                try await Self.signIn(WebClient(app), as: "karen.kirkham@assure.demo", http: http).answer.status
                    == .seeOther)
            // when the provider rotates its keys (the old one leaves its published set)
            try await provider.rotateKeys()
            // then Assure reads the keys again for the token signed with the new one, and signs her in
            let (answer, _) = try await Self.signIn(WebClient(app), as: "karen.kirkham@assure.demo", http: http)
            #expect(answer.status == .seeOther, "\(answer.body.string.prefix(2000))")
            // and a token signed with a key that is published nowhere is still refused
            try await provider.spoilNextToken("bad-signature")
            #expect(
                try await Self.signIn(WebClient(app), as: "karen.kirkham@assure.demo", http: http).answer.status
                    == .unauthorized)
        }
    }

    @Test(
        "The PMO gives a group a role on the sign-in groups page; a member waiting for a role gets the highest of theirs",
        arguments: Backend.all)
    func groupRolesFromPage(backend: Backend) async throws {
        try await Self.withProvider(backend, createUsers: true) { app, _, http in
            // given a member of assure-readers (viewer in the settings file) and of assure-leads (mapped nowhere),
            // whose first sign-in makes her a viewer at once
            let member = WebClient(app)
            #expect(try await Self.signIn(member, as: "team.lead@nhs.test", http: http).answer.status == .seeOther)
            // when the PMO opens the page, which shows the settings file's mapping beside its own
            let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let page = try await pmo.get(Link.signInGroups.path)
            #expect(page.status == .ok)
            #expect(
                page.body.string.contains("Set in the server&#39;s settings file")
                    || page.body.string.contains("Set in the server's settings file"))
            #expect(page.body.string.contains("<code>assure-readers</code>"))
            // and names a service that is not set up, and then no group
            let unknown = try await pmo.post(
                Link.signInGroups.path, ["provider": "entra", "group": "assure-leads", "role": "editor"])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("Choose one of the sign-in services: nhsmail."))
            #expect(unknown.body.string.contains(#"value="assure-leads""#), "what she typed is kept")
            let blank = try await pmo.post(
                Link.signInGroups.path, ["provider": "nhsmail", "group": " ", "role": "editor"])
            #expect(blank.status == .unprocessableEntity)
            #expect(try await SignInGroupRoles.list(app.db).isEmpty, "nothing was kept from either")
            // and then gives assure-leads the editor role
            let set = try await pmo.post(
                Link.signInGroups.path, ["provider": "nhsmail", "group": "assure-leads", "role": "editor"])
            #expect(set.status == .seeOther)
            #expect(try await pmo.get(Link.signInGroups.path).body.string.contains("<code>assure-leads</code>"))
            // then an account that already has a role keeps it: the PMO's choice on the Users page stands
            #expect(
                try await Self.signIn(WebClient(app), as: "team.lead@nhs.test", http: http).answer.status == .seeOther)
            var user = try #require(try await Users.list(app.db).first { $0.email == "team.lead@nhs.test" })
            #expect(user.role == .viewer)
            // but a member whose account awaits a role gets the highest her groups give: editor, over viewer
            try await UserRecord.query(on: app.db).filter(\.$email == "team.lead@nhs.test").set(
                \.$awaitingRole, to: true
            )
            .update()
            #expect(
                try await Self.signIn(WebClient(app), as: "team.lead@nhs.test", http: http).answer.status == .seeOther)
            user = try #require(try await Users.list(app.db).first { $0.email == "team.lead@nhs.test" })
            #expect(user.role == .editor && !user.awaitingRole)
            // and the PMO's mapping is in the audit log
            let entries = try await AuditLog.recent(app.db, limit: 10)
            #expect(
                entries.contains { $0.entity == "sign-in-group" && $0.action == "create" && $0.actor == "Demo PMO" })
            // when the PMO removes it, it is gone and audited
            let mapping = try #require(try await SignInGroupRoles.list(app.db).first)
            #expect(try await pmo.post(Link.removeSignInGroup(id: mapping.id).path, [:]).status == .seeOther)
            #expect(try await SignInGroupRoles.list(app.db).isEmpty)
            #expect(
                try await AuditLog.recent(app.db, limit: 5).contains {
                    $0.entity == "sign-in-group" && $0.action == "remove"
                })
        }
    }

    @Test(
        "Someone without an account is refused unless the deployment makes accounts, which wait for a role",
        arguments: Backend.all)
    func unknownPeople(backend: Backend) async throws {
        try await Self.withProvider(backend, createUsers: false) { app, _, http in
            let (answer, _) = try await Self.signIn(WebClient(app), as: "new.starter@nhs.test", http: http)
            #expect(answer.status == .forbidden)
            #expect(answer.body.string.contains("There is no Assure account for new.starter@nhs.test"))
            #expect(try await Users.list(app.db).contains { $0.email == "new.starter@nhs.test" } == false)
        }
        try await Self.withProvider(backend, createUsers: true) { app, _, http in
            // when a new starter with no mapped group signs in for the first time
            let (answer, _) = try await Self.signIn(WebClient(app), as: "new.starter@nhs.test", http: http)
            // then an account is made that opens nothing until the PMO grants a role
            #expect(answer.status == .forbidden)
            #expect(answer.body.string.contains("the PMO has not yet given you a role"))
            let made = try #require(try await Users.list(app.db).first { $0.email == "new.starter@nhs.test" })
            #expect(made.awaitingRole && made.name == "Nia Starter")
            // and the PMO sees who asked, in the users list and the audit log
            let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            #expect(try await pmo.get("/users").body.string.contains("awaiting a role"))
            let entry = try #require(try await AuditLog.recent(app.db, limit: 5).first { $0.entity == "user" })
            #expect(entry.actor.contains("first sign-in with NHSmail (test)"))
            // when the PMO grants a role, the next sign-in opens Assure
            _ = try await pmo.get("/users/\(made.id)")
            #expect(try await pmo.post("/users/\(made.id)", ["role": "viewer"]).status == .seeOther)
            let again = WebClient(app)
            #expect(try await Self.signIn(again, as: "new.starter@nhs.test", http: http).answer.status == .seeOther)
            #expect(try await again.get("/account").status == .ok)
            // and someone whose group maps to a role is signed in with it at once
            let lead = WebClient(app)
            #expect(try await Self.signIn(lead, as: "clinical.lead@nhs.test", http: http).answer.status == .seeOther)
            let led = try #require(try await Users.list(app.db).first { $0.email == "clinical.lead@nhs.test" })
            #expect(led.role == .viewer && !led.awaitingRole)
            // and an address the provider has not verified is refused
            let (unverified, _) = try await Self.signIn(WebClient(app), as: "unverified@nhs.test", http: http)
            #expect(unverified.status == .unauthorized)
            #expect(unverified.body.string.contains("has not verified your email address"))
        }
    }

    @Test(
        "With passwords switched off, the sign-in page offers only the provider, and a posted password is refused",
        arguments: Backend.all)
    func passwordsOff(backend: Backend) async throws {
        try await Self.withProvider(backend, passwords: false) { app, _, http in
            let client = WebClient(app)
            let login = try await client.get("/login")
            #expect(!login.body.string.contains(#"id="f-password""#))
            #expect(login.body.string.contains("Sign in with NHSmail (test)"))
            let posted = try await client.post(
                "/login", ["email": DemoLoader.adminEmail, "password": DemoLoader.adminPassword])
            #expect(posted.status == .forbidden)
            #expect(try await client.get("/account").status == .seeOther)
            #expect(
                try await Self.signIn(client, as: "karen.kirkham@assure.demo", http: http).answer.status
                    == .seeOther)
        }
    }

    @Test(
        "In a real browser: sign in through the provider's own page, then sign out of both",
        .enabled(
            if: WebDriver.chromedriverPath != nil
                || ProcessInfo.processInfo.environment["ASSURE_REQUIRE_BROWSER"] == "1"))
    func inTheBrowser() async throws {
        // Assure's address must be known before the provider starts: it is where the provider sends browsers back.
        let port = try Loopback.freePort()
        let site = "http://127.0.0.1:\(port)"
        try await Self.withProvider(site: site) { app, provider, _ in
            try await app.server.start(address: .hostname("127.0.0.1", port: port))
            var failure: (any Error)?
            do {
                let browser = try await WebDriver(port: try Loopback.freePort(), client: app.client)
                do {
                    let shots = ProcessInfo.processInfo.environment["ASSURE_SCREENSHOTS"]
                    // given Karen at Assure's sign-in page, which offers her organisation's account
                    try await browser.go(site + "/login")
                    if let shots { try await browser.screenshot(to: "\(shots)/sign-in-choices.png") }
                    try await browser.click(try await browser.find(linkText: "Sign in with NHSmail (test)"))
                    // when she signs in on the provider's own page
                    try await browser.type(try await browser.find("#email"), "karen.kirkham@assure.demo")
                    try await browser.type(try await browser.find("#password"), Self.password)
                    try await browser.click(try await browser.find("#provider-sign-in"))
                    // then she is back in Assure, signed in as herself
                    #expect(
                        try await browser.waitForText(".notice", containing: "Signed in with NHSmail (test)")
                            .contains("as Karen Kirkham"))
                    // when she signs out, Assure offers the provider's sign-out, which brings her back to sign in
                    try await browser.click(try await browser.find("header button.link-button"))
                    #expect(
                        try await browser.waitForText("h1", containing: "signed out") == "You have signed out of Assure"
                    )
                    if let shots { try await browser.screenshot(to: "\(shots)/signed-out.png") }
                    try await browser.click(try await browser.find(linkText: "Sign out of NHSmail (test) too"))
                    #expect(try await browser.waitForText("h1", containing: "Sign in") == "Sign in to Assure")
                    #expect(try await provider.signOuts() == 1)
                    #expect(try await browser.currentURL() == site + "/login")
                } catch {
                    failure = error
                }
                await browser.quit()
            } catch {
                failure = error
            }
            await app.server.shutdown()
            if let failure { throw failure }
        }
    }

    @Test("A sign-in service that cannot be reached is named, and nothing is signed in")
    func providerDown() async throws {
        try await withWebApp(
            .sqlite,
            adjust: { settings in
                settings.signIn = SignInSettings(providers: [
                    OpenIDProviderSettings(
                        name: "nhsmail", label: "NHSmail", issuer: "http://127.0.0.1:\(try! Loopback.freePort())",
                        clientID: "x", clientSecret: "y")
                ])
            }
        ) { app in
            let client = WebClient(app)
            let start = try await client.get("/login/with/nhsmail")
            #expect(start.status == .badGateway)
            #expect(start.body.string.contains("The sign-in service could not be used"))
            #expect(try await client.get("/login/with/nobody").status == .notFound)
        }
    }
}

@Suite("Sign-in settings")
struct SignInSettingsTests {
    @Test("Every bad setting is named in one message")
    func everyProblemNamed() throws {
        let json = """
            {"providers": [
              {"name": "NHS Mail", "issuer": "http://login.example.com", "clientSecret": "s", "colour": "blue",
               "groupRoles": {"g1": "owner"}},
              {"name": "entra", "issuer": "https://login.microsoftonline.com/t/v2.0", "clientID": "c",
               "clientSecretFile": "/nowhere/secret"}
            ], "localPasswords": "no"}
            """
        #expect(throws: SignInSettingsProblems.self) { try SignInSettings.parse(Data(json.utf8), source: "f.json") }
        do {
            _ = try SignInSettings.parse(Data(json.utf8), source: "f.json") { _ in nil }
        } catch let error as SignInSettingsProblems {
            let text = error.description
            for expected in [
                "localPasswords must be true or false", "providers[0]: unknown setting \"colour\"",
                "name \"NHS Mail\" must be lower-case", "issuer http://login.example.com must be an https address",
                "providers[0]: clientID is missing", "groupRoles[\"g1\"] \"owner\" is not admin, editor or viewer",
                "providers[1]: clientSecretFile /nowhere/secret cannot be read",
            ] {
                #expect(text.contains(expected), "\(expected) in \(text)")
            }
        }
    }

    @Test("A good file: the secret read from its file, groups mapped to the highest role")
    func goodFile() throws {
        let json = """
            {"providers": [{"name": "nhsmail", "label": "NHSmail", "issuer": "https://login.microsoftonline.com/t/v2.0",
              "clientID": "c", "clientSecretFile": "/etc/assure/secret", "createUsers": true, "trustEmailClaim": true,
              "groupRoles": {"pmo": "admin", "leads": "editor", "board": "viewer"}}], "localPasswords": false}
            """
        let settings = try SignInSettings.parse(Data(json.utf8), source: "f.json") {
            $0 == "/etc/assure/secret" ? "s3cret\n" : nil
        }
        let provider = try #require(settings.provider(named: "nhsmail"))
        #expect(provider.clientSecret == "s3cret" && provider.createUsers && provider.trustEmailClaim)
        #expect(!settings.localPasswords)
        #expect(provider.role(forGroups: ["board", "leads"]) == .editor)
        #expect(provider.role(forGroups: ["elsewhere"]) == nil)
        // and switching passwords off with no provider would lock everyone out
        #expect(throws: SignInSettingsProblems.self) {
            try SignInSettings.parse(Data(#"{"localPasswords": false}"#.utf8), source: "f.json")
        }
    }
}
