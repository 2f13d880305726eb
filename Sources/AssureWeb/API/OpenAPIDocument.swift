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
        /// A write to an item that exists: it needs `If-Match` (or, for a return, `baseVersion`).
        var conditional = false
        /// Answers 201 with the new item's address.
        var creates = false
        /// The kind of item the path's last id names, for a write that does not answer with it (a risk added to a
        /// register, an abbreviation deleted): a client that has that item may follow a link here.
        var on: String? = nil
        /// The body is a file's bytes (or a table as text), not JSON.
        var upload = false
        /// Answers 202: the work goes on in the background, at the answer's `Location`.
        var accepted = false
        /// The answer's body; nil for 204 No Content.
        let response: Schema.Node?

        /// "post-periods-period-open": the method and the path without its prefix or parameters' colons.
        var id: String {
            method.rawValue.lowercased() + "-"
                + route.rawValue.replacingOccurrences(of: "api/v1/", with: "").replacingOccurrences(of: ":", with: "")
                .replacingOccurrences(of: "/", with: "-")
        }

        /// The kind of item answered ("Period", "Return"), when one item is.
        var item: String? {
            (response?["$ref"] as? String).map { String($0.split(separator: "/").last ?? "") }
                .flatMap { OpenAPIDocument.items[$0] == nil ? nil : $0 }
        }
    }

    /// Every kind of item the API answers with (each with its ETag), and where, in an answer, to find the path
    /// parameters that address it: a client follows these from a read or a creation to the item's writes.
    static let items: [String: [String: String]] = {
        let byID = ["item": "$response.body#/id"]
        var items = Dictionary(
            uniqueKeysWithValues: [
                "User", "Programme", "GlossaryEntry", "RiskRegister", "Risk", "Prioritisation", "ScoredBusinessCase",
                "FundingRound", "Outcome", "Deliverable", "Meeting", "AgendaItem",
            ].map { ($0, byID) })
        items["Period"] = ["period": "$response.body#/id"]
        items["Portfolio"] = ["portfolio": "$response.body#/id"]
        items["Project"] = ["project": "$response.body#/id"]
        items["Person"] = ["person": "$response.body#/id"]
        items["Return"] = ["period": "$request.path.period", "project": "$response.body#/project"]
        return items
    }()

    nonisolated(unsafe) static let operations: [Operation] = base + registers + imports

    nonisolated(unsafe) private static let base: [Operation] = [
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
            summary: "Save or submit one project's return (write scope; 412 or 409 when changed meanwhile)",
            body: "ReturnInput", conditional: true, response: Schema.ref("Return")),
        Operation(
            route: .apiReviewReturn, method: .POST,
            summary: "Approve a submitted return, or return it for changes (its SRO or the PMO, never its author)",
            body: "ReviewInput", conditional: true, response: Schema.ref("Return")),
        Operation(
            route: .apiPortfolios, method: .POST, summary: "Create a portfolio with its rating scale (the PMO)",
            body: "PortfolioInput", creates: true, response: Schema.ref("Portfolio")),
        Operation(
            route: .apiPortfolio, method: .GET, summary: "One portfolio with its scale and periods",
            response: Schema.ref("Portfolio")),
        Operation(
            route: .apiProgrammes, method: .GET, summary: "A portfolio's programmes",
            response: Schema.array(Schema.ref("Programme"))),
        Operation(
            route: .apiProgrammes, method: .POST, summary: "Add a programme to a portfolio (the PMO)",
            body: "ProgrammeInput", creates: true, response: Schema.ref("Programme")),
        Operation(
            route: .apiProjects, method: .POST,
            summary: "Add a project to a programme, or a sub-item to a project (whoever edits the programme)",
            body: "ProjectInput", creates: true, response: Schema.ref("Project")),
        Operation(
            route: .apiProject, method: .PUT,
            summary: "Change a project's reference, title, SRO, lead or programme (If-Match)",
            body: "ProjectChanges", conditional: true, response: Schema.ref("Project")),
        Operation(
            route: .apiGlossary, method: .POST, summary: "Add an abbreviation to the glossary (the PMO)",
            body: "GlossaryInput", creates: true, response: Schema.ref("GlossaryEntry")),
        Operation(
            route: .apiGlossaryEntry, method: .GET, summary: "One abbreviation", response: Schema.ref("GlossaryEntry")),
        Operation(
            route: .apiGlossaryEntry, method: .PUT, summary: "Change an abbreviation or its expansion (the PMO)",
            body: "GlossaryInput", conditional: true, response: Schema.ref("GlossaryEntry")),
        Operation(
            route: .apiGlossaryEntry, method: .DELETE,
            summary: "Delete an abbreviation (the PMO; the audit log keeps it)",
            conditional: true, on: "GlossaryEntry", response: nil),
        Operation(
            route: .apiUsers, method: .GET, summary: "Every account with its role and programmes (the PMO)",
            response: Schema.array(Schema.ref("User"))),
        Operation(
            route: .apiUsers, method: .POST, summary: "Add an account (the PMO)", body: "NewUser", creates: true,
            response: Schema.ref("User")),
        Operation(route: .apiUser, method: .GET, summary: "One account (the PMO)", response: Schema.ref("User")),
        Operation(
            route: .apiUser, method: .PUT,
            summary: "Change an account's role and programmes (the PMO; the last admin stays one)", body: "Access",
            conditional: true, response: Schema.ref("User")),
        Operation(
            route: .apiDisableUser, method: .POST,
            summary: "Disable an account: its sessions and tokens end now (the PMO; not yourself)", conditional: true,
            response: Schema.ref("User")),
        Operation(
            route: .apiEnableUser, method: .POST, summary: "Enable an account again (the PMO)", conditional: true,
            response: Schema.ref("User")),
        Operation(
            route: .apiPeople, method: .GET,
            summary: "The people named in the portfolios, with their addresses (the PMO)",
            response: Schema.array(Schema.ref("Person"))),
        Operation(
            route: .apiPerson, method: .PUT, summary: "Record a person's email address (the PMO)", body: "Email",
            conditional: true, response: Schema.ref("Person")),
        Operation(
            route: .apiPeriods, method: .POST, summary: "Create a reporting period in a portfolio (the PMO)",
            body: "PeriodInput", creates: true, response: Schema.ref("Period")),
        Operation(
            route: .apiOpenPeriod, method: .POST, summary: "Open a draft or closed period for returns (the PMO)",
            conditional: true, response: Schema.ref("Period")),
        Operation(
            route: .apiClosePeriod, method: .POST, summary: "Close an open period to returns (the PMO)",
            conditional: true, response: Schema.ref("Period")),
        Operation(
            route: .apiPublishPeriod, method: .POST,
            summary: "Publish and freeze a period, saying what happens to returns not in (the PMO)",
            body: "PublishInput", conditional: true, response: Schema.ref("Period")),
        Operation(
            route: .apiReopenPeriod, method: .POST,
            summary:
                "Re-open a published period for correction, with the reason (the PMO; the board's copy is archived)",
            body: "ReopenInput", conditional: true, response: Schema.ref("Period")),
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
            route: .apiGlossary, method: .GET, summary: "Abbreviations",
            response: Schema.array(Schema.ref("GlossaryEntry"))),
    ]

    /// What a client may do next with the item an operation answers with (OpenAPI links): every conditional write to
    /// that kind of item, with the item's id and its ETag in If-Match. A stateful test follows them (create a period,
    /// open it, close it, publish it…).
    private static func links(from operation: Operation) -> [String: Any]? {
        guard let item = operation.item, let ids = items[item],
            operation.method == .GET || operation.conditional || operation.creates
        else { return nil }
        let targets = operations.filter { ($0.conditional && $0.item == item) || $0.on == item }
        guard !targets.isEmpty else { return nil }
        return Dictionary(
            uniqueKeysWithValues: targets.map { target in
                (
                    target.id,
                    [
                        "operationId": target.id,
                        "parameters": target.conditional
                            ? ids.merging(["header.If-Match": "$response.header.ETag"]) { first, _ in first } : ids,
                    ] as [String: Any]
                )
            })
    }

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
                    + "or a signed-in session (writes then need the X-CSRF-Token header). Dates are ISO 8601. A write "
                    + "to an existing item sends If-Match with the item's ETag (412 when it changed meanwhile); a POST "
                    + "may send an Idempotency-Key, and a retry with it gets the first answer. Errors are problem "
                    + "details (RFC 9457, application/problem+json). Money is a decimal string with its currency.",
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
        var parameters: [[String: Any]] =
            pathParameters
            + operation.query.map {
                ["name": $0.name, "in": "query", "required": false, "schema": $0.schema, "description": $0.description]
            }
        if operation.conditional {
            parameters.append([
                "name": "If-Match", "in": "header", "required": operation.body != "ReturnInput",
                "schema": Schema.string, "description": "The ETag of the item as last read",
            ])
        }
        if operation.method == .POST {
            parameters.append([
                "name": "Idempotency-Key", "in": "header", "required": false,
                "schema": ["type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"],
                "description":
                    "Sent again with a retry, the first answer is given again rather than the write done twice",
            ])
        }
        let json = { (schema: Schema.Node) in ["application/json": ["schema": schema]] }
        let problem = { (description: String) -> [String: Any] in
            ["description": description, "content": ["application/problem+json": ["schema": Schema.ref("Problem")]]]
        }
        // Items (a period, a return) carry their ETag; lists and reports do not, nor does a deletion's empty answer.
        var headers: [String: Any] = [:]
        if operation.item != nil {
            headers["ETag"] = ["schema": Schema.string, "description": "The item's version, for If-Match"]
        }
        if operation.creates || operation.accepted { headers["Location"] = ["schema": Schema.string] }
        var success: [String: Any] = [
            "description": operation.response == nil
                ? "Done: nothing to answer" : operation.creates ? "Created" : operation.accepted ? "Accepted" : "OK",
            "headers": headers,
        ]
        if let response = operation.response { success["content"] = json(response) }
        if let links = links(from: operation) { success["links"] = links }
        var responses: [String: Any] = [
            operation.response == nil ? "204" : operation.creates ? "201" : operation.accepted ? "202" : "200": success,
            "default": problem(
                "Refused (problem details, RFC 9457): 400 bad parameter, 401 no or revoked token, 403 not allowed, "
                    + "404 not found"),
        ]
        if operation.body != nil || operation.method != .GET {
            responses["409"] = problem(
                "Changed since `baseVersion`, not possible in the item's state, or published and frozen: nothing changed"
            )
            responses["422"] = problem("Problems by field (`errors`): nothing changed")
        }
        if operation.conditional {
            responses["412"] = problem("Changed since the ETag in If-Match: nothing changed; `current` is the item now")
            responses["428"] = problem("No If-Match: nothing changed")
        }
        var result: [String: Any] = [
            "summary": operation.summary, "operationId": operation.id,
            "parameters": parameters, "responses": responses,
        ]
        if let body = operation.body {
            result["requestBody"] = ["required": true, "content": json(Schema.ref(body))]
        }
        if operation.upload {
            let bytes: [String: Any] = ["schema": ["type": "string", "format": "binary"]]
            result["requestBody"] = [
                "required": true,
                "content": [
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": bytes, "text/csv": bytes,
                    "text/plain": bytes, "application/octet-stream": bytes,
                ],
            ]
        }
        return result
    }
}
