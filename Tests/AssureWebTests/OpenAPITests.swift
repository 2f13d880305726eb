import AssureOutput
import AssureTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AssureWeb

@Suite("The OpenAPI document is the API the router serves")
struct OpenAPITests {
    @Test("Every API route is in the document, and every operation in the document is a route")
    func documentMatchesRouter() async throws {
        try await withWebApp(.sqlite) { app in
            // given the router's API routes, as "METHOD /path/{param}"
            let registered = Set(
                app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { component in
                            if case .parameter(let name) = component { return "{\(name)}" }
                            return component.description
                        }.joined(separator: "/")
                    guard path.hasPrefix("/api/v1/") else { return nil }
                    return "\(route.method.rawValue) \(path)"
                })
            // when the served document is read
            let response = try await app.testing().sendRequest(.GET, Link.openAPI.path)
            #expect(response.status == .ok, "the contract is public")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(
                paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            // then they are the same set, both ways
            #expect(document["openapi"] as? String == "3.1.0")
            #expect(
                registered.subtracting(documented).isEmpty,
                "routes missing from the document: \(registered.subtracting(documented).sorted())")
            #expect(
                documented.subtracting(registered).isEmpty,
                "documented but not routed: \(documented.subtracting(registered).sorted())")
            #expect(registered.count >= 18)
        }
    }

    @Test("Every $ref in the document names a schema it defines")
    func referencesResolve() throws {
        let text = OpenAPIDocument.json
        let schemas = Set(Schema.components.keys)
        let refs = Set(text.matches(of: #/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/#).map { String($0.1) })
        #expect(!refs.isEmpty)
        #expect(refs.subtracting(schemas).isEmpty, "undefined: \(refs.subtracting(schemas))")
    }

    @Test("A wrong method is 405 with Allow; a malformed id in the query is 400, not ignored", arguments: Backend.all)
    func refusals(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: "pmo@assure.demo")
            _ = try await admin.get("/")
            let wrongMethod = try await admin.send(.DELETE, Link.apiRisks.path, json: "", csrf: true)
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers.first(name: .allow) == "GET")
            let noRoute = try await admin.send(.DELETE, "/api/v1/nothing-here", json: "", csrf: true)
            #expect(noRoute.status == .notFound)
            for bad in ["junk", "", "1%20OR%201=1"] {
                let response = try await admin.get(
                    Link.apiProgrammeDashboard(period: ids.october.id).path(query: "programme=\(bad)"))
                #expect(response.status == .badRequest, "programme=\(bad)")
            }
            let anonymousWrite = try await WebClient(app).send(
                .PUT, Link.apiReturn(period: ids.october.id, project: ids.mat001.id).path, json: "{}")
            #expect(anonymousWrite.status == .unauthorized, "nobody is asked to sign in before any CSRF check")
        }
    }
}
