import Foundation
import Vapor

/// The JSON API's contract, served at /api/openapi.json. Paths come from `AppRoute`, so a renamed route renames its
/// entry; a test compares the operations here with the router's, both ways.
enum OpenAPIDocument {
    struct Operation {
        let route: AppRoute
        let method: HTTPMethod
        let summary: String
        var query: [(name: String, schema: Schema.Node, description: String)] = []
        var body: String? = nil
        let response: Schema.Node
    }

    nonisolated(unsafe) static let operations: [Operation] = [
        Operation(
            route: .apiPortfolios, method: .GET, summary: "Portfolios with their scales and periods",
            response: Schema.array(Schema.ref("Portfolio"))),
        Operation(route: .apiPeriod, method: .GET, summary: "One reporting period", response: Schema.ref("Period")),
        Operation(
            route: .apiProgrammeDashboard, method: .GET, summary: "The programme dashboard of a period",
            query: [("programme", Schema.uuid, "Only this programme")], response: Schema.ref("Dashboard")),
        Operation(
            route: .apiPriorities, method: .GET, summary: "The priorities summary of a period",
            query: [("programme", Schema.uuid, "Only this programme")], response: Schema.ref("Dashboard")),
        Operation(
            route: .apiExceptions, method: .GET, summary: "The exception report of a period",
            query: [("programme", Schema.uuid, "Only this programme")], response: Schema.ref("Dashboard")),
        Operation(
            route: .apiReturns, method: .GET,
            summary: "Where each return of a period stands (addresses for the PMO only)",
            response: Schema.ref("ReturnTracking")),
        Operation(
            route: .apiReturn, method: .GET, summary: "One project's return, with the version to send back",
            response: Schema.ref("Return")),
        Operation(
            route: .apiReturn, method: .PUT,
            summary: "Save or submit one project's return (write scope; 409 when changed meanwhile)",
            body: "ReturnInput", response: Schema.ref("Return")),
        Operation(
            route: .apiProjects, method: .GET,
            summary: "A page of a portfolio's projects with their latest published rating",
            query: [
                ("offset", ["type": "integer", "minimum": 0, "maximum": Int32.max], "Projects to skip"),
                ("limit", ["type": "integer", "minimum": 1, "maximum": 1000], "Projects in the page (default 100)"),
            ],
            response: Schema.ref("ProjectList")),
        Operation(
            route: .apiChanges, method: .GET, summary: "What changed between two periods of a portfolio",
            query: [
                ("from", Schema.string, "Period key, e.g. 2016-09"), ("to", Schema.string, "Period key, e.g. 2016-10"),
            ],
            response: Schema.ref("Changes")),
        Operation(
            route: .apiProject, method: .GET, summary: "A project and its reported history",
            response: Schema.ref("Project")),
        Operation(
            route: .apiRisks, method: .GET, summary: "Risk registers with scores and heat maps",
            response: Schema.array(Schema.ref("RiskRegister"))),
        Operation(
            route: .apiDeliverables, method: .GET, summary: "Key deliverables",
            response: Schema.array(Schema.ref("Deliverable"))),
        Operation(
            route: .apiMeetings, method: .GET, summary: "Meetings with agenda items and actions",
            response: Schema.array(Schema.ref("Meeting"))),
        Operation(
            route: .apiOutcomes, method: .GET, summary: "Outcome measures with their latest rating",
            response: Schema.array(Schema.ref("Outcome"))),
        Operation(
            route: .apiGlossary, method: .GET, summary: "Abbreviations",
            response: Schema.array(Schema.ref("GlossaryEntry"))),
        Operation(
            route: .apiBusinessCases, method: .GET, summary: "Business-case prioritisations, scored and ranked",
            response: Schema.array(Schema.ref("Prioritisation"))),
        Operation(
            route: .apiFundingRounds, method: .GET, summary: "Funding rounds with totals and headroom",
            response: Schema.array(Schema.ref("FundingRound"))),
    ]

    /// "api/v1/periods/:period" → "/api/v1/periods/{period}".
    static func path(_ route: AppRoute) -> String {
        "/"
            + route.rawValue.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }

    static var document: [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            paths[path(operation.route), default: [:]][operation.method.rawValue.lowercased()] = entry(operation)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Assure API", "version": "1",
                "description":
                    "Portfolio assurance data as JSON. Authenticate with `Authorization: Bearer TOKEN` (make one at /tokens) "
                    + "or a signed-in session (writes then need the X-CSRF-Token header).",
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": [String]()]],
            "paths": paths,
            "components": [
                "schemas": Schema.components,
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }

    static let json: String = {
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }()

    private static func entry(_ operation: Operation) -> [String: Any] {
        let pathParameters: [[String: Any]] = operation.route.rawValue.split(separator: "/").filter {
            $0.hasPrefix(":")
        }.map {
            ["name": String($0.dropFirst()), "in": "path", "required": true, "schema": Schema.uuid]
        }
        let queryParameters: [[String: Any]] = operation.query.map {
            ["name": $0.name, "in": "query", "required": false, "schema": $0.schema, "description": $0.description]
        }
        let json = { (schema: Schema.Node) in ["application/json": ["schema": schema]] }
        var responses: [String: Any] = [
            "200": ["description": "OK", "content": json(operation.response)],
            "default": [
                "description": "Refused: 400 bad parameter, 401 no or revoked token, 403 not allowed, 404 not found",
                "content": json(Schema.ref("Error")),
            ],
        ]
        var result: [String: Any] = [
            "summary": operation.summary,
            "operationId": operation.method.rawValue.lowercased() + "-"
                + operation.route.rawValue
                .replacingOccurrences(of: "api/v1/", with: "").replacingOccurrences(of: ":", with: "")
                .replacingOccurrences(of: "/", with: "-"),
            "parameters": pathParameters + queryParameters, "responses": responses,
        ]
        if let body = operation.body {
            result["requestBody"] = ["required": true, "content": json(Schema.ref(body))]
            responses["409"] = [
                "description": "Changed since baseVersion: nothing saved; `current` is the saved return",
                "content": json(Schema.ref("Error")),
            ]
            responses["422"] = [
                "description": "Problems by field: nothing saved", "content": json(Schema.ref("Error")),
            ]
            result["responses"] = responses
        }
        return result
    }
}
