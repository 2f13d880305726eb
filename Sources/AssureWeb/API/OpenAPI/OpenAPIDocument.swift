import AssureOutput
import AssureStorage
import Foundation
import OpenAPIKit
import Vapor

/// The JSON API's contract, served at /api/openapi.json and built with OpenAPIKit. Paths come from `AppRoute`, so a
/// renamed route renames its entry (a test compares the operations here with the router's, both ways); bodies and
/// answers name the API's own types, whose schemas `SchemaRecorder` reads off their `Decodable` conformance.
enum OpenAPIDocument {
    /// What an operation answers with.
    enum Answer {
        case one(any Decodable.Type)
        case list(any Decodable.Type)
    }

    /// Sendable by hand: its values are immutable metatypes and schema values, built once.
    struct Operation: @unchecked Sendable {
        let route: AppRoute
        let method: HTTPMethod
        let summary: String
        var query: [(name: String, schema: JSONSchema, description: String)] = []
        var body: (any Decodable.Type)? = nil
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
        let response: Answer?

        /// "post-periods-period-open": the method and the path without its prefix or parameters' colons.
        var id: String {
            method.rawValue.lowercased() + "-"
                + route.rawValue.replacingOccurrences(of: "api/v1/", with: "").replacingOccurrences(of: ":", with: "")
                .replacingOccurrences(of: "/", with: "-")
        }

        /// The kind of item answered ("Period", "Return"), when one item is.
        var item: String? {
            guard case .one(let type) = response, let name = OpenAPIComponents.name(of: type) else { return nil }
            return OpenAPIDocument.items[name] == nil ? nil : name
        }

        /// A return's write may name the version in its body instead of If-Match.
        var versionInBody: Bool { body.map { ObjectIdentifier($0) == ObjectIdentifier(APIReturnInput.self) } ?? false }
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

    static let operations: [Operation] = base + registers + imports

    private static let base: [Operation] = [
        Operation(
            route: .apiPortfolios, method: .GET, summary: "Portfolios with their scales and periods",
            response: .list(APIPortfolio.self)),
        Operation(route: .apiPeriod, method: .GET, summary: "One reporting period", response: .one(APIPeriod.self)),
        Operation(
            route: .apiProgrammeDashboard, method: .GET, summary: "The programme dashboard of a period",
            query: [("programme", .string(format: .uuid), "Only this programme")], response: .one(APIDashboard.self)),
        Operation(
            route: .apiPriorities, method: .GET, summary: "The priorities summary of a period",
            query: [("programme", .string(format: .uuid), "Only this programme")], response: .one(APIDashboard.self)),
        Operation(
            route: .apiExceptions, method: .GET, summary: "The exception report of a period",
            query: [("programme", .string(format: .uuid), "Only this programme")], response: .one(APIDashboard.self)),
        Operation(
            route: .apiReturns, method: .GET,
            summary: "Where each return of a period stands (addresses for the PMO only)",
            response: .one(APIReturnTracking.self)),
        Operation(
            route: .apiReturn, method: .GET, summary: "One project's return, with the version to send back",
            response: .one(APIReturn.self)),
        Operation(
            route: .apiReturn, method: .PUT,
            summary: "Save or submit one project's return (write scope; 412 or 409 when changed meanwhile)",
            body: APIReturnInput.self, conditional: true, response: .one(APIReturn.self)),
        Operation(
            route: .apiReviewReturn, method: .POST,
            summary: "Approve a submitted return, or return it for changes (its SRO or the PMO, never its author)",
            body: APIReviewInput.self, conditional: true, response: .one(APIReturn.self)),
        Operation(
            route: .apiPortfolios, method: .POST, summary: "Create a portfolio with its rating scale (the PMO)",
            body: APIPortfolioInput.self, creates: true, response: .one(APIPortfolio.self)),
        Operation(
            route: .apiPortfolio, method: .GET, summary: "One portfolio with its scale and periods",
            response: .one(APIPortfolio.self)),
        Operation(
            route: .apiProgrammes, method: .GET, summary: "A portfolio's programmes",
            response: .list(APIProgramme.self)),
        Operation(
            route: .apiProgrammes, method: .POST, summary: "Add a programme to a portfolio (the PMO)",
            body: APIProgrammeInput.self, creates: true, response: .one(APIProgramme.self)),
        Operation(
            route: .apiProjects, method: .POST,
            summary: "Add a project to a programme, or a sub-item to a project (whoever edits the programme)",
            body: APIProjectInput.self, creates: true, response: .one(APIProject.self)),
        Operation(
            route: .apiProject, method: .PUT,
            summary: "Change a project's reference, title, SRO, lead or programme (If-Match)",
            body: APIProjectChanges.self, conditional: true, response: .one(APIProject.self)),
        Operation(
            route: .apiGlossary, method: .POST, summary: "Add an abbreviation to the glossary (the PMO)",
            body: APIGlossaryController.Entry.self, creates: true, response: .one(StoredGlossaryEntry.self)),
        Operation(
            route: .apiGlossaryEntry, method: .GET, summary: "One abbreviation",
            response: .one(StoredGlossaryEntry.self)),
        Operation(
            route: .apiGlossaryEntry, method: .PUT, summary: "Change an abbreviation or its expansion (the PMO)",
            body: APIGlossaryController.Entry.self, conditional: true, response: .one(StoredGlossaryEntry.self)),
        Operation(
            route: .apiGlossaryEntry, method: .DELETE,
            summary: "Delete an abbreviation (the PMO; the audit log keeps it)",
            conditional: true, on: "GlossaryEntry", response: nil),
        Operation(
            route: .apiUsers, method: .GET, summary: "Every account with its role and programmes (the PMO)",
            response: .list(UserSummary.self)),
        Operation(
            route: .apiUsers, method: .POST, summary: "Add an account (the PMO)",
            body: APIAccountController.NewUser.self, creates: true,
            response: .one(UserSummary.self)),
        Operation(route: .apiUser, method: .GET, summary: "One account (the PMO)", response: .one(UserSummary.self)),
        Operation(
            route: .apiUser, method: .PUT,
            summary: "Change an account's role and programmes (the PMO; the last admin stays one)",
            body: APIAccountController.Access.self,
            conditional: true, response: .one(UserSummary.self)),
        Operation(
            route: .apiDisableUser, method: .POST,
            summary: "Disable an account: its sessions and tokens end now (the PMO; not yourself)", conditional: true,
            response: .one(UserSummary.self)),
        Operation(
            route: .apiEnableUser, method: .POST, summary: "Enable an account again (the PMO)", conditional: true,
            response: .one(UserSummary.self)),
        Operation(
            route: .apiPeople, method: .GET,
            summary: "The people named in the portfolios, with their addresses (the PMO)",
            response: .list(PersonContact.self)),
        Operation(
            route: .apiPerson, method: .PUT, summary: "Record a person's email address (the PMO)",
            body: APIAccountController.Email.self,
            conditional: true, response: .one(PersonContact.self)),
        Operation(
            route: .apiPeriods, method: .POST, summary: "Create a reporting period in a portfolio (the PMO)",
            body: APIPeriodInput.self, creates: true, response: .one(APIPeriod.self)),
        Operation(
            route: .apiOpenPeriod, method: .POST, summary: "Open a draft or closed period for returns (the PMO)",
            conditional: true, response: .one(APIPeriod.self)),
        Operation(
            route: .apiClosePeriod, method: .POST, summary: "Close an open period to returns (the PMO)",
            conditional: true, response: .one(APIPeriod.self)),
        Operation(
            route: .apiPublishPeriod, method: .POST,
            summary: "Publish and freeze a period, saying what happens to returns not in (the PMO)",
            body: APIPublishInput.self, conditional: true, response: .one(APIPeriod.self)),
        Operation(
            route: .apiReopenPeriod, method: .POST,
            summary:
                "Re-open a published period for correction, with the reason (the PMO; the board's copy is archived)",
            body: APIReopenInput.self, conditional: true, response: .one(APIPeriod.self)),
        Operation(
            route: .apiProjects, method: .GET,
            summary: "A page of a portfolio's projects with their latest published rating",
            query: [
                (
                    "offset", .integer(maximum: (Int(Int32.max), exclusive: false), minimum: (0, exclusive: false)),
                    "Projects to skip"
                ),
                (
                    "limit", .integer(maximum: (1000, exclusive: false), minimum: (1, exclusive: false)),
                    "Projects in the page (default 100)"
                ),
            ],
            response: .one(APIProjectList.self)),
        Operation(
            route: .apiChanges, method: .GET, summary: "What changed between two periods of a portfolio",
            query: [
                ("from", .string, "Period key, e.g. 2016-09"), ("to", .string, "Period key, e.g. 2016-10"),
            ],
            response: .one(APIChanges.self)),
        Operation(
            route: .apiSlipForecasts, method: .GET,
            summary: "Milestones with the chance that each slips before the next period, likeliest first",
            query: [("likely", .boolean, "Only those at 50% or more")],
            response: .one(APISlipForecasts.self)),
        Operation(
            route: .apiDependencies, method: .GET,
            summary: "A portfolio's dependencies, each with how it stands, and the dates written as another event",
            response: .one(APIDependencies.self)),
        Operation(
            route: .apiProjectDependencies, method: .POST,
            summary: "Record that a project's milestone (or the whole project) waits on another's (its programme's "
                + "editors; a loop is refused with its chain)",
            body: APIDependencyInput.self, creates: true, response: .one(APIDependency.self)),
        Operation(
            route: .apiDependency, method: .GET, summary: "One dependency and how it stands",
            response: .one(APIDependency.self)),
        Operation(
            route: .apiDependency, method: .DELETE,
            summary: "Remove a dependency (the waiting project's programme's editors; the audit log keeps it)",
            conditional: true, on: "Dependency", response: nil),
        Operation(
            route: .apiProject, method: .GET, summary: "A project and its reported history",
            response: .one(APIProject.self)),
        Operation(
            route: .apiGlossary, method: .GET, summary: "Abbreviations",
            response: .list(StoredGlossaryEntry.self)),
    ]

    /// What a client may do next with the item an operation answers with (OpenAPI links): every conditional write to
    /// that kind of item, with the item's id and its ETag in If-Match. A stateful test follows them (create a period,
    /// open it, close it, publish it…).
    private static func links(from operation: Operation) -> OpenAPI.Link.Map {
        guard let item = operation.item, let ids = items[item],
            operation.method == .GET || operation.conditional || operation.creates
        else { return [:] }
        var links = OpenAPI.Link.Map()
        for target in operations.filter({ ($0.conditional && $0.item == item) || $0.on == item })
            .sorted(by: { $0.id < $1.id })
        {
            var parameters = ids
            if target.conditional { parameters["header.If-Match"] = "$response.header.ETag" }
            var expressions = OrderedDictionary<String, Either<OpenAPI.RuntimeExpression, AnyCodable>>()
            for (name, expression) in parameters.sorted(by: { $0.key < $1.key }) {
                expressions[name] = .b(AnyCodable(expression))
            }
            links[target.id] = .b(OpenAPI.Link(operationId: target.id, parameters: expressions))
        }
        return links
    }

    /// "api/v1/periods/:period" → "/api/v1/periods/{period}".
    static func path(_ route: AppRoute) -> String {
        "/"
            + route.rawValue.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }

    static let description =
        "Portfolio assurance data as JSON. Authenticate with `Authorization: Bearer TOKEN` (make one at /tokens) "
        + "or a signed-in session (writes then need the X-CSRF-Token header). Dates are ISO 8601. A write "
        + "to an existing item sends If-Match with the item's ETag (412 when it changed meanwhile); a POST "
        + "may send an Idempotency-Key, and a retry with it gets the first answer. Errors are problem "
        + "details (RFC 9457, application/problem+json). Money is a decimal string with its currency."

    /// The whole document; it fails only where a type's refinements name a property it does not have.
    static func document() throws -> OpenAPI.Document {
        var paths = OpenAPI.PathItem.Map()
        for operation in operations {
            let path = OpenAPI.Path(rawValue: path(operation.route))
            var item = paths[path].flatMap { $0.pathItemValue } ?? OpenAPI.PathItem()
            item.set(operation: entry(operation), for: OpenAPI.HttpMethod(rawValue: operation.method.rawValue)!)
            paths[path] = .b(item)
        }
        return OpenAPI.Document(
            openAPIVersion: .v3_1_0,
            info: .init(title: "Assure API", description: description, version: "1"),
            servers: [.init(url: URL(string: "/")!)],
            paths: paths,
            components: .init(
                schemas: try OpenAPIComponents.schemas(),
                securitySchemes: ["bearer": .b(.http(scheme: "bearer"))]),
            security: [[.component(named: "bearer"): []]])
    }

    /// The document as served; built once. A document that cannot be built is a programming error that the tests
    /// catch (`OpenAPITests`); were one to ship, the endpoint says so rather than serve a partial contract.
    static let json: String = {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(try document()), as: UTF8.self)
        } catch {
            return #"{"error":"the OpenAPI document could not be built"}"#
        }
    }()

    private static func schema(_ answer: Answer) -> JSONSchema {
        switch answer {
        case .one(let type): reference(type)
        case .list(let type): .array(items: reference(type))
        }
    }

    private static func reference(_ type: any Decodable.Type) -> JSONSchema {
        .reference(.component(named: OpenAPIComponents.name(of: type) ?? String(describing: type)))
    }

    private static func json(_ schema: JSONSchema) -> OpenAPI.Content.Map { [.json: .b(.init(schema: schema))] }

    private static func problem(_ description: String) -> Either<OpenAPI.Reference<OpenAPI.Response>, OpenAPI.Response>
    {
        .b(
            OpenAPI.Response(
                description: description,
                content: [
                    OpenAPI.ContentType(rawValue: APIProblem.contentType)!: .b(
                        .init(schema: reference(APIProblem.self)))
                ]))
    }

    private static func entry(_ operation: Operation) -> OpenAPI.Operation {
        var parameters: OpenAPI.Parameter.Array = operation.route.rawValue.split(separator: "/")
            .filter { $0.hasPrefix(":") }
            .map { .b(OpenAPI.Parameter(name: String($0.dropFirst()), context: .path(schema: .string(format: .uuid)))) }
        parameters += operation.query.map {
            .b(OpenAPI.Parameter(name: $0.name, context: .query(schema: $0.schema), description: $0.description))
        }
        if operation.conditional {
            parameters.append(
                .b(
                    OpenAPI.Parameter(
                        name: "If-Match", context: .header(required: !operation.versionInBody, schema: .string),
                        description: "The ETag of the item as last read")))
        }
        if operation.method == .POST {
            parameters.append(
                .b(
                    OpenAPI.Parameter(
                        name: "Idempotency-Key",
                        context: .header(schema: .string(minLength: 1, maxLength: 255, pattern: "^[!-~]+$")),
                        description:
                            "Sent again with a retry, the first answer is given again rather than the write done twice")
                ))
        }
        // Items (a period, a return) carry their ETag; lists and reports do not, nor does a deletion's empty answer.
        var headers = OpenAPI.Header.Map()
        if operation.item != nil {
            headers["ETag"] = .b(OpenAPI.Header(schema: .string, description: "The item's version, for If-Match"))
        }
        if operation.creates || operation.accepted { headers["Location"] = .b(OpenAPI.Header(schema: .string)) }
        let status =
            operation.response == nil ? 204 : operation.creates ? 201 : operation.accepted ? 202 : 200
        let success = OpenAPI.Response(
            description: operation.response == nil
                ? "Done: nothing to answer" : operation.creates ? "Created" : operation.accepted ? "Accepted" : "OK",
            headers: headers,
            content: operation.response.map { json(schema($0)) } ?? [:],
            links: links(from: operation))
        var responses: OpenAPI.Response.Map = [
            .status(code: status): .b(success),
            .default: problem(
                "Refused (problem details, RFC 9457): 400 bad parameter, 401 no or revoked token, 403 not allowed, "
                    + "404 not found"),
        ]
        if operation.body != nil || operation.method != .GET {
            responses[.status(code: 409)] = problem(
                "Changed since `baseVersion`, not possible in the item's state, or published and frozen: nothing changed"
            )
            responses[.status(code: 422)] = problem("Problems by field (`errors`): nothing changed")
        }
        if operation.conditional {
            responses[.status(code: 412)] = problem(
                "Changed since the ETag in If-Match: nothing changed; `current` is the item now")
            responses[.status(code: 428)] = problem("No If-Match: nothing changed")
        }
        var body: OpenAPI.Request?
        if let type = operation.body { body = OpenAPI.Request(content: json(reference(type)), required: true) }
        if operation.upload {
            let bytes = OpenAPI.Content(schema: .string(format: .other("binary")))
            body = OpenAPI.Request(
                content: [
                    OpenAPI.ContentType(rawValue: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")!:
                        .b(bytes),
                    .csv: .b(bytes), .txt: .b(bytes), .other("application/octet-stream"): .b(bytes),
                ],
                required: true)
        }
        return OpenAPI.Operation(
            summary: operation.summary, operationId: operation.id, parameters: parameters,
            requestBody: body, responses: responses)
    }
}
