import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// The PMO's accounts and address book by script: what moving a PMO's users in from another tool needs.
@Suite("Users and people through the API")
struct APIAccountTests {
    typealias Script = APICycleTests.Script

    @Test(
        "The PMO adds an editor, changes her role with If-Match, disables and enables her, and records an address",
        arguments: Backend.all)
    func accounts(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            // when the PMO adds an editor of Maternity
            let body =
                #"{"email": "Ola.Nordmann@nhs.net", "name": "Ola Nordmann", "role": "editor", "programmes": ["\#(ids.maternity.id)"], "password": "a long enough passphrase"}"#
            let added = try await pmo.send(.POST, .apiUsers, body)
            #expect(added.status == .created, "\(added.body.string)")
            let user = try APICycleTests.json(added)
            let id = try #require(UUID(uuidString: user["id"] as? String ?? ""))
            // then she is stored as the pages would store her, and no password or hash comes back
            #expect(user["email"] as? String == "ola.nordmann@nhs.net")
            #expect(user["programmes"] as? [String] == [ids.maternity.name])
            #expect(!added.body.string.contains("password") && !added.body.string.contains("$2"))
            #expect(
                try await Users.authenticate(
                    app.db, email: "ola.nordmann@nhs.net", password: "a long enough passphrase") != nil)
            // and the same address again, or a short password, is named
            let again = try await pmo.send(.POST, .apiUsers, body)
            #expect((try APICycleTests.json(again)["errors"] as? [String: String])?["email"] != nil)
            let weak = try await pmo.send(
                .POST, .apiUsers, #"{"email": "x@nhs.net", "name": "X", "role": "viewer", "password": "short"}"#)
            try APICycleTests.expectProblem(weak, .unprocessableEntity, "invalid")

            // when her role is changed from the version read, then again from that same version
            let tag = try await pmo.etag(.apiUser(id: id))
            let viewer = try await pmo.send(.PUT, .apiUser(id: id), #"{"role": "viewer"}"#, ifMatch: tag)
            #expect(try APICycleTests.json(viewer)["role"] as? String == "viewer", "\(viewer.body.string)")
            try APICycleTests.expectProblem(
                try await pmo.send(.PUT, .apiUser(id: id), #"{"role": "admin"}"#, ifMatch: tag), .preconditionFailed,
                "stale")
            #expect(try await Users.summary(app.db, id: id).role == .viewer)
            // and an editor without programmes is named, as on the page
            try APICycleTests.expectProblem(
                try await pmo.send(
                    .PUT, .apiUser(id: id), #"{"role": "editor"}"#, ifMatch: try await pmo.etag(.apiUser(id: id))),
                .unprocessableEntity, "invalid")
            // and a programme that does not exist is named, not a server error; one named twice is one
            let unknown = try await pmo.send(
                .PUT, .apiUser(id: id), #"{"role": "editor", "programmes": ["\#(UUID())"]}"#,
                ifMatch: try await pmo.etag(.apiUser(id: id)))
            try APICycleTests.expectProblem(unknown, .unprocessableEntity, "invalid")
            #expect((try APICycleTests.json(unknown)["errors"] as? [String: String])?["programmes"] != nil)
            let twice = try await pmo.send(
                .PUT, .apiUser(id: id),
                #"{"role": "editor", "programmes": ["\#(ids.maternity.id)", "\#(ids.maternity.id)"]}"#,
                ifMatch: try await pmo.etag(.apiUser(id: id)))
            #expect(
                try APICycleTests.json(twice)["programmes"] as? [String] == [ids.maternity.name], "\(twice.body.string)"
            )
            let newcomer = try await pmo.send(
                .POST, .apiUsers,
                #"{"email": "nobody.else@nhs.net", "name": "Nobody Else", "role": "editor", "programmes": ["\#(UUID())"], "password": "a long enough passphrase"}"#
            )
            try APICycleTests.expectProblem(newcomer, .unprocessableEntity, "invalid")
            #expect(try await pmo.send(.GET, .apiUsers).body.string.contains("nobody.else") == false)

            // when she is disabled, her token stops working; enabled, she may sign in again
            let hers = try await Script(app, email: "ola.nordmann@nhs.net")
            #expect(try await hers.send(.GET, .apiPortfolios).status == .ok)
            let disabled = try await pmo.send(
                .POST, .apiDisableUser(id: id), ifMatch: try await pmo.etag(.apiUser(id: id)))
            #expect(try APICycleTests.json(disabled)["disabled"] as? Bool == true)
            #expect(try await hers.send(.GET, .apiPortfolios).status == .unauthorized)
            let enabled = try await pmo.send(
                .POST, .apiEnableUser(id: id), ifMatch: try await pmo.etag(.apiUser(id: id)))
            #expect(try APICycleTests.json(enabled)["disabled"] as? Bool == false)
            // and the PMO may not disable herself
            let own = try await Users.id(app.db, email: DemoLoader.adminEmail)
            try APICycleTests.expectProblem(
                try await pmo.send(.POST, .apiDisableUser(id: own), ifMatch: "*"), .forbidden, "forbidden")

            // when she records Jane's address from the version she read
            let people = try await pmo.send(.GET, .apiPeople)
            let jane = try #require(
                (try JSONSerialization.jsonObject(with: Data(people.body.string.utf8)) as? [[String: Any]])?
                    .first { $0["name"] as? String == "Jane Brennan" })
            let janeID = try #require(UUID(uuidString: jane["id"] as? String ?? ""))
            let recorded = try await pmo.send(
                .PUT, .apiPerson(person: janeID), #"{"email": "jane.brennan@nhs.net"}"#, ifMatch: "*")
            #expect(
                try APICycleTests.json(recorded)["email"] as? String == "jane.brennan@nhs.net",
                "\(recorded.body.string)")
            // and an editor may read none of this
            let editor = try await Script(app, email: "jane.brennan@assure.demo")
            for link in [Link.apiUsers, .apiPeople, .apiUser(id: id)] {
                try APICycleTests.expectProblem(try await editor.send(.GET, link), .forbidden, "forbidden")
            }
        }
    }
}

@Suite("The glossary through the API")
struct APIGlossaryTests {
    typealias Script = APICycleTests.Script

    @Test(
        "Eight changes at once to eight abbreviations are all made: holding one item holds up no other",
        arguments: Backend.all)
    func simultaneousChangesToOthers(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            // given eight abbreviations, each read
            var read: [(UUID, String)] = []
            for index in 1...8 {
                let added = try await pmo.send(
                    .POST, .apiGlossary, #"{"abbreviation": "AB\#(index)", "expansion": "First \#(index)"}"#)
                let id = try #require(UUID(uuidString: try APICycleTests.json(added)["id"] as? String ?? ""))
                read.append((id, try await pmo.etag(.apiGlossaryEntry(id: id))))
            }
            // when all eight are changed at the same moment
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for (index, (id, tag)) in read.enumerated() {
                    group.addTask {
                        try await pmo.send(
                            .PUT, .apiGlossaryEntry(id: id),
                            #"{"abbreviation": "AB\#(index + 1)", "expansion": "Second"}"#, ifMatch: tag
                        ).status.code
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // then every one is made
            #expect(statuses == Array(repeating: 200, count: 8), "\(statuses)")
        }
    }

    @Test(
        "Two changes sent at once against the same version: one is made, the other is 412 with the item as it is",
        arguments: Backend.all)
    func simultaneousChanges(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            // given an abbreviation, whose ETag is a digest of what it says (it keeps no version number)
            let added = try await pmo.send(
                .POST, .apiGlossary, #"{"abbreviation": "ICB", "expansion": "Integrated Care Board"}"#)
            let id = try #require(UUID(uuidString: try APICycleTests.json(added)["id"] as? String ?? ""))
            for round in 1...4 {
                // when two scripts change it at the same moment, each from the version both read
                let tag = try await pmo.etag(.apiGlossaryEntry(id: id))
                async let first = pmo.send(
                    .PUT, .apiGlossaryEntry(id: id),
                    #"{"abbreviation": "ICB", "expansion": "Integrated Care Board \#(round) first"}"#, ifMatch: tag)
                async let second = pmo.send(
                    .PUT, .apiGlossaryEntry(id: id),
                    #"{"abbreviation": "ICB", "expansion": "Integrated Care Board \#(round) second"}"#, ifMatch: tag)
                let answers = try await [first, second]
                // then exactly one is made, and the other is refused as stale rather than overwriting it
                let statuses = answers.map(\.status.code).sorted()
                #expect(statuses == [200, 412], "round \(round): \(answers.map(\.body.string))")
                let kept = try APICycleTests.json(try await pmo.send(.GET, .apiGlossaryEntry(id: id)))
                let made = try #require(answers.first { $0.status == .ok })
                #expect(
                    (kept["entry"] as? [String: Any])?["expansion"] as? String
                        == (try APICycleTests.json(made)["entry"] as? [String: Any])?["expansion"] as? String,
                    "what is kept is the change that was answered 200")
            }
        }
    }

    @Test(
        "The PMO adds, changes (If-Match) and deletes an abbreviation; the rules are the page's", arguments: Backend.all
    )
    func glossary(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            // when the PMO adds one
            let added = try await pmo.send(
                .POST, .apiGlossary, #"{"abbreviation": "PCN", "expansion": "Primary Care Network"}"#)
            #expect(added.status == .created, "\(added.body.string)")
            let id = try #require(UUID(uuidString: try APICycleTests.json(added)["id"] as? String ?? ""))
            #expect(added.headers.first(name: .location) == Link.apiGlossaryEntry(id: id).path)
            // then the same again, or one with a space, is named as on the page
            try APICycleTests.expectProblem(
                try await pmo.send(.POST, .apiGlossary, #"{"abbreviation": "PCN", "expansion": "Again"}"#),
                .unprocessableEntity, "invalid")
            try APICycleTests.expectProblem(
                try await pmo.send(.POST, .apiGlossary, #"{"abbreviation": "P C N", "expansion": "Spaced"}"#),
                .unprocessableEntity, "invalid")
            // when she changes it from the version read, then again from that old version
            let tag = try await pmo.etag(.apiGlossaryEntry(id: id))
            let changed = try await pmo.send(
                .PUT, .apiGlossaryEntry(id: id), #"{"abbreviation": "PCN", "expansion": "Primary care network"}"#,
                ifMatch: tag)
            #expect(changed.status == .ok, "\(changed.body.string)")
            try APICycleTests.expectProblem(
                try await pmo.send(.DELETE, .apiGlossaryEntry(id: id), ifMatch: tag), .preconditionFailed, "stale")
            // and an editor may not delete it
            let jane = try await Script(app, email: "jane.brennan@assure.demo")
            try APICycleTests.expectProblem(
                try await jane.send(.DELETE, .apiGlossaryEntry(id: id), ifMatch: "*"), .forbidden, "forbidden")
            // when she deletes it from the current version, then it is gone, and the audit log keeps what it said
            let deleted = try await pmo.send(
                .DELETE, .apiGlossaryEntry(id: id), ifMatch: try await pmo.etag(.apiGlossaryEntry(id: id)))
            #expect(deleted.status == .noContent)
            #expect(try await pmo.send(.GET, .apiGlossaryEntry(id: id)).status == .notFound)
            #expect(
                try await AuditLog.recent(app.db, limit: 5).contains {
                    $0.action == "delete" && $0.before?.contains("Primary care network") == true
                })
        }
    }
}
