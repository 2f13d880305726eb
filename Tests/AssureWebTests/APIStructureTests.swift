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
}
