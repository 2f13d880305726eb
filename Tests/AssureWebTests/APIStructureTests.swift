import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Setting a portfolio up by script: what a PMO moving from another tool does first.
@Suite("Structure through the API")
struct APIStructureTests {
    typealias Script = APICycleTests.Script

    @Test(
        "The PMO sets up a portfolio, a programme and a project with a sub-item by API; a lead renames hers with If-Match",
        arguments: Backend.all)
    func setUp(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            // when the PMO creates a portfolio on the five-point scale
            let made = try await pmo.send(.POST, .apiPortfolios, #"{"name": "Primary Care", "scale": "five-point"}"#)
            #expect(made.status == .created, "\(made.body.string)")
            let portfolio = try #require(UUID(uuidString: try APICycleTests.json(made)["id"] as? String ?? ""))
            #expect(made.headers.first(name: .location) == Link.apiPortfolio(portfolio: portfolio).path)
            #expect((try APICycleTests.json(made)["ratings"] as? [String])?.contains("Amber/Red") == true)
            // and a programme in it, then a project and a sub-item
            let programme = try await pmo.send(
                .POST, .apiProgrammes(portfolio: portfolio), #"{"name": "Access", "kind": "programme"}"#)
            #expect(programme.status == .created, "\(programme.body.string)")
            let programmeID = try #require(try APICycleTests.json(programme)["id"] as? String)
            let project = try await pmo.send(
                .POST, .apiProjects(portfolio: portfolio),
                #"{"programme": "\#(programmeID)", "reference": "ACC001", "title": "Extended access", "sro": "Sam Sro"}"#)
            #expect(project.status == .created, "\(project.body.string)")
            let projectID = try #require(UUID(uuidString: try APICycleTests.json(project)["id"] as? String ?? ""))
            let subItem = try await pmo.send(
                .POST, .apiProjects(portfolio: portfolio),
                #"{"programme": "\#(programmeID)", "parent": "\#(projectID)", "title": "Weekend hubs"}"#)
            #expect(subItem.status == .created, "\(subItem.body.string)")
            // then they read back as made
            let programmes = try await pmo.send(.GET, .apiProgrammes(portfolio: portfolio))
            #expect(programmes.body.string.contains(#""name":"Access""#))
            let list = try await pmo.send(.GET, .apiProjects(portfolio: portfolio))
            #expect(list.body.string.contains("Extended access") && list.body.string.contains("Weekend hubs"))

            // when the project is renamed from the version read, then again from the same (now old) version
            let tag = try await pmo.etag(.apiProject(project: projectID))
            let renamed = try await pmo.send(
                .PUT, .apiProject(project: projectID),
                #"{"reference": "ACC001", "title": "Extended access 8-8", "sro": "Sam Sro"}"#, ifMatch: tag)
            #expect(renamed.status == .ok, "\(renamed.body.string)")
            #expect(try APICycleTests.json(renamed)["title"] as? String == "Extended access 8-8")
            let stale = try await pmo.send(
                .PUT, .apiProject(project: projectID), #"{"title": "Overwritten"}"#, ifMatch: tag)
            try APICycleTests.expectProblem(stale, .preconditionFailed, "stale")
            #expect(try await Structure.project(app.db, id: projectID).project.title == "Extended access 8-8")

            // and the rules are the pages': a duplicate reference, a bad scale, a programme of another portfolio
            try APICycleTests.expectProblem(
                try await pmo.send(
                    .POST, .apiProjects(portfolio: portfolio),
                    #"{"programme": "\#(programmeID)", "reference": "ACC001", "title": "Again"}"#),
                .unprocessableEntity, "invalid")
            try APICycleTests.expectProblem(
                try await pmo.send(.POST, .apiPortfolios, #"{"name": "Other", "scale": "ten-point"}"#),
                .unprocessableEntity, "invalid")
            try APICycleTests.expectProblem(
                try await pmo.send(
                    .POST, .apiProjects(portfolio: portfolio),
                    #"{"programme": "\#(ids.maternity.id)", "title": "Smuggled"}"#),
                .unprocessableEntity, "invalid")
            // and a lead adds to her own programme but not to another, and may not create portfolios
            let jane = try await Script(app, email: "jane.brennan@assure.demo")
            let hers = try await jane.send(
                .POST, .apiProjects(portfolio: ids.cdg.info.id),
                #"{"programme": "\#(ids.maternity.id)", "reference": "MAT077", "title": "Perinatal mental health"}"#)
            #expect(hers.status == .created, "\(hers.body.string)")
            try APICycleTests.expectProblem(
                try await jane.send(
                    .POST, .apiProjects(portfolio: portfolio), #"{"programme": "\#(programmeID)", "title": "Not hers"}"#),
                .forbidden, "forbidden")
            try APICycleTests.expectProblem(
                try await jane.send(.POST, .apiPortfolios, #"{"name": "Mine", "scale": "three-point"}"#), .forbidden,
                "forbidden")
            // and a portfolio that does not exist is 404, not an empty list
            #expect(try await pmo.send(.GET, .apiProgrammes(portfolio: UUID())).status == .notFound)
        }
    }

    @Test(
        "A NUL character in any text, by API or by form, is refused naming the field, and nothing is stored",
        arguments: Backend.all)
    func nulCharacters(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            // when a script sends a name with a NUL in it (PostgreSQL cannot store one; SQLite would hide it)
            let api = try await pmo.send(.POST, .apiPortfolios, #"{"name": "Primary\u0000Care", "scale": "three-point"}"#)
            // then it is refused by field, on both databases alike
            try APICycleTests.expectProblem(api, .unprocessableEntity, "invalid")
            #expect((try APICycleTests.json(api)["errors"] as? [String: String])?["name"]?.contains("NUL") == true)
            let nested = try await pmo.send(
                .PUT, .apiReturn(period: ids.october.id, project: ids.mat001.id),
                #"{"baseVersion": 0, "milestones": [{"title": "ok", "date": "Nov-16"}, {"title": "bad\u0000", "date": "Nov-16"}]}"#)
            #expect((try APICycleTests.json(nested)["errors"] as? [String: String])?["milestones[1].title"] != nil, "\(nested.body.string)")
            // and a backslash written as text is not taken for one
            let text = try await pmo.send(.POST, .apiPortfolios, #"{"name": "Back\\u0000slash", "scale": "three-point"}"#)
            #expect(text.status == .created, "\(text.body.string)")
            // when the same arrives in a web form, then the form is refused, not the server
            let browser = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await browser.get(Link.portfolios.path)
            let form = try await browser.post(Link.portfolios.path, ["name": "Primary\u{0}Care", "scale": "three-point"])
            #expect(form.status == .unprocessableEntity, "\(form.status)")
            #expect(try await Catalogue.portfolios(app.db).allSatisfy { !$0.info.name.contains("Primary") })
        }
    }
}
