import AssureCore
import AssureOutput
import AssureTestSupport
import Foundation
import OpenAPIKit
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
        let schemas = Set(OpenAPIComponents.all.map(\.name))
        let refs = Set(text.matches(of: #/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/#).map { String($0.1) })
        #expect(!refs.isEmpty)
        #expect(refs.subtracting(schemas).isEmpty, "undefined: \(refs.subtracting(schemas))")
    }

    @Test("The document builds: every type's refinements name properties it has")
    func documentBuilds() throws {
        let document = try OpenAPIDocument.document()
        #expect(document.paths.count > 40)
        #expect(document.components.schemas.count == OpenAPIComponents.all.count)
        #expect(!OpenAPIDocument.json.contains("could not be built"))
    }

    @Test("A schema is read off the type: required, optional, nested, lists, maps, ids and choices")
    func schemaFromType() throws {
        // given a type the document has never seen
        struct Sample: Codable {
            let id: UUID
            let note: String?
            let counts: [String: Int]
            let period: APIPeriod
            let grid: [[Double]]
            let role: Role
            let inner: Inner?
            struct Inner: Codable { let flag: Bool }
        }
        let recorder = SchemaRecorder(names: OpenAPIComponents.names)
        // when its schema is recorded for an answer and for a request
        let answer = try json(recorder.component(Sample.self, use: .answer))
        let request = try json(recorder.component(Sample.self, use: .request))
        // then the required properties are the non-optional ones, in any order
        #expect((answer["required"] as? [String]).map(Set.init) == ["id", "counts", "period", "grid", "role"])
        let properties = try #require(answer["properties"] as? [String: [String: Any]])
        #expect(properties["id"]?["format"] as? String == "uuid")
        #expect(properties["note"]?["type"] as? String == "string", "an answer leaves nil out; it is never null")
        #expect(properties["period"]?["$ref"] as? String == "#/components/schemas/Period")
        #expect((properties["counts"]?["additionalProperties"] as? [String: Any])?["type"] as? String == "integer")
        let rows = try #require(properties["grid"]?["items"] as? [String: Any])
        #expect((rows["items"] as? [String: Any])?["type"] as? String == "number")
        #expect(properties["role"]?["enum"] as? [String] == Role.allCases.map(\.rawValue))
        let inner = try #require(properties["inner"])
        #expect(inner["required"] as? [String] == ["flag"])
        // and a request may send an optional property as null
        let sent = try #require(request["properties"] as? [String: [String: Any]])
        #expect(sent["note"]?["type"] as? [String] == ["string", "null"])
        #expect(sent["id"]?["type"] as? String == "string", "a required property is never null")
    }

    @Test("A refinement that names no property of its type is refused, by name")
    func strayRefinement() throws {
        struct Renamed: Codable, SchemaRefined {
            let asAt: String
            static let refinements: [String: Refinement] = ["asOf": .date]
        }
        let recorder = SchemaRecorder(names: [:])
        #expect {
            try recorder.component(Renamed.self, use: .answer)
        } throws: { error in
            String(describing: error).contains("asOf")
        }
    }

    private func json(_ schema: JSONSchema) throws -> [String: Any] {
        let data = try JSONEncoder().encode(schema)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
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
