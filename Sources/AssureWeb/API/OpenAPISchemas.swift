import Foundation

/// JSON Schema pieces for the OpenAPI document, written as the types encode (Swift leaves nil optionals out, so an
/// optional property is one not listed as required; none is ever null). The constants are never mutated, hence
/// `nonisolated(unsafe)` for their `Any` values.
enum Schema {
    typealias Node = [String: Any]

    nonisolated(unsafe) static let string: Node = ["type": "string"]
    nonisolated(unsafe) static let uuid: Node = ["type": "string", "format": "uuid"]
    nonisolated(unsafe) static let date: Node = ["type": "string", "format": "date"]
    nonisolated(unsafe) static let dateTime: Node = ["type": "string", "format": "date-time"]
    nonisolated(unsafe) static let integer: Node = ["type": "integer"]
    nonisolated(unsafe) static let number: Node = ["type": "number"]
    nonisolated(unsafe) static let boolean: Node = ["type": "boolean"]
    static func array(_ items: Node) -> Node { ["type": "array", "items": items] }
    static func map(_ values: Node) -> Node { ["type": "object", "additionalProperties": values] }
    static func ref(_ name: String) -> Node { ["$ref": "#/components/schemas/\(name)"] }
    static func oneOf(_ values: [String]) -> Node { ["type": "string", "enum": values] }

    /// An object whose `required` properties are always present and `optional` ones only when they have a value.
    static func object(_ required: [String: Node], optional: [String: Node] = [:]) -> Node {
        [
            "type": "object", "required": required.keys.sorted(),
            "properties": required.merging(optional) { first, _ in first },
        ]
    }

    /// A request body's object: as `object`, but an optional property may also be sent as null (Swift reads a null
    /// as absent), so the schema says so rather than have a client's null refused by one reader and taken by another.
    static func input(_ required: [String: Node], optional: [String: Node] = [:]) -> Node {
        object(required, optional: optional.mapValues(nullable))
    }

    static func nullable(_ node: Node) -> Node {
        var node = node
        if let type = node["type"] as? String {
            node["type"] = [type, "null"]
            if let values = node["enum"] as? [Any] { node["enum"] = values + [NSNull()] }
        } else if node["$ref"] != nil {
            return ["anyOf": [node, ["type": "null"]]]
        }
        return node
    }

    /// An amount: a decimal string in pounds and its currency (never a binary float).
    nonisolated(unsafe) static let money: Node = object([
        "amount": ["type": "string", "pattern": "^-?[0-9]+\\.[0-9]{2}$"], "currency": oneOf(["GBP"]),
    ])

    nonisolated(unsafe) static let components: [String: Node] = base.merging(registerComponents) { first, _ in first }
        .merging(importComponents) { first, _ in first }

    nonisolated(unsafe) private static let base: [String: Node] = [
        "Problem": object(
            ["type": string, "title": string, "status": integer, "detail": string],
            optional: [
                "errors": map(string),
                "current": [
                    "description": "The item as it is now (on 409 and 412)",
                    "anyOf": OpenAPIDocument.items.keys.sorted().map(ref),
                ],
            ]),
        "PeriodInput": input(
            ["period": ["type": "string", "description": "The month reported on, YYYY-MM", "maxLength": 40]],
            optional: [
                "frequency": oneOf(["monthly", "quarterly"]), "asAt": date, "publishOn": date, "returnsDue": date,
            ]),
        "User": object(
            [
                "id": uuid, "email": string, "name": string, "role": oneOf(["admin", "editor", "viewer"]),
                "programmes": array(string), "disabled": boolean, "awaitingRole": boolean,
            ]),
        "NewUser": input(
            [
                "email": string, "name": string, "role": oneOf(["admin", "editor", "viewer"]), "password": string,
            ], optional: ["programmes": array(uuid)]),
        "Access": input(["role": oneOf(["admin", "editor", "viewer"])], optional: ["programmes": array(uuid)]),
        "Person": object(["id": uuid, "name": string], optional: ["jobTitle": string, "email": string]),
        "Email": input(["email": string]),
        "GlossaryInput": input([
            "abbreviation": ["type": "string", "minLength": 1, "maxLength": 20, "pattern": "^\\S+$"],
            "expansion": ["type": "string", "minLength": 1, "maxLength": 300],
        ]),
        "PortfolioInput": input([
            "name": ["type": "string", "minLength": 1, "maxLength": 500],
            "scale": oneOf(["three-point", "five-point"]),
        ]),
        "Programme": object(
            ["id": uuid, "name": string, "kind": oneOf(["programme", "clinical-delivery-group"])],
            optional: ["clinicalLead": string, "headOfService": string]),
        "ProgrammeInput": input(
            ["name": ["type": "string", "minLength": 1, "maxLength": 500]],
            optional: [
                "kind": oneOf(["programme", "clinical-delivery-group"]), "clinicalLead": string,
                "headOfService": string,
            ]),
        "ProjectInput": input(
            ["programme": uuid, "title": ["type": "string", "minLength": 1, "maxLength": 500]],
            optional: ["parent": uuid, "reference": string, "sro": string, "lead": string]),
        "ProjectChanges": input(
            ["title": ["type": "string", "minLength": 1, "maxLength": 500]],
            optional: ["programme": uuid, "reference": string, "sro": string, "lead": string]),
        "PublishInput": input(
            ["missing": oneOf(["carry-forward", "block", "show-as-missing"])], optional: ["findings": boolean]),
        "ReopenInput": input(["reason": ["type": "string", "minLength": 1, "maxLength": 2000]]),
        "ReviewInput": input(
            ["action": oneOf(["approve", "return-for-changes"])],
            optional: ["comment": ["type": "string", "maxLength": 20_000]]),
        "Period": object(
            [
                "id": uuid, "key": string, "label": string, "asAt": date,
                "status": oneOf(["draft", "open", "closed", "published"]),
                "illustrative": boolean,
            ], optional: ["publishOn": date]),
        "Portfolio": object([
            "id": uuid, "name": string, "scale": string, "ratings": array(string), "periods": array(ref("Period")),
        ]),
        "Cell": object(
            ["text": string],
            optional: [
                "rating": string, "trend": string, "trendReported": boolean, "flags": array(string),
                "notice": string,
            ]),
        "Table": object([
            "title": string, "subtitle": array(string), "columns": array(string), "rows": array(array(ref("Cell"))),
        ]),
        "Dashboard": object(
            [
                "report": oneOf(["programme-dashboard", "priorities", "exceptions"]), "portfolio": string,
                "period": ref("Period"),
                "counts": map(integer), "countsNotUpdated": map(integer), "tables": array(ref("Table")),
            ],
            optional: ["previousPeriod": string, "provisional": string]),
        "ReturnTracking": object([
            "period": ref("Period"), "counts": map(integer),
            "returns": array(
                object(
                    [
                        "projectID": uuid, "title": string, "programme": string, "state": string,
                        "owners": array(string),
                    ],
                    optional: [
                        "reference": string, "ownerEmails": array(string), "submittedAt": dateTime,
                        "reviewedBy": string, "reviewComment": string,
                    ])),
        ]),
        "ProjectList": object(
            [
                "total": integer, "offset": integer, "limit": integer,
                "projects": array(
                    object(
                        ["id": uuid, "title": string, "programme": string],
                        optional: [
                            "reference": string, "parentId": uuid, "sro": string, "lead": string, "rating": string,
                        ])),
            ],
            optional: ["ratingsAsAt": string, "next": ["type": "string", "description": "The next page's address"]]),
        "Milestone": object(
            ["title": string, "date": string], optional: ["dueBy": date, "precision": string, "rating": string]),
        "Project": object(
            [
                "id": uuid, "title": string, "programmeID": uuid, "programme": string, "portfolio": string,
                "periods": array(
                    object(
                        ["period": ref("Period"), "milestones": array(ref("Milestone")), "flags": array(string)],
                        optional: [
                            "rating": string, "ratingAsWritten": string, "trend": string, "update": string,
                            "notUpdated": string, "provisional": string,
                        ])),
            ],
            optional: [
                "reference": string, "sro": string, "lead": string, "projectPlan": string, "hasProjectPlan": boolean,
            ]),
        "Changes": object([
            "portfolio": string, "from": ref("Period"), "to": ref("Period"), "counts": map(integer),
            "changes": array(
                object(
                    ["change": string, "programme": string, "projectID": uuid, "project": string, "detail": string],
                    optional: ["reference": string, "rating": string])),
        ]),
        "MilestoneLine": object(["title": string, "date": string], optional: ["rating": string]),
        "Return": object(
            [
                "period": string, "project": uuid, "title": string, "state": string, "version": integer,
                "prefilled": boolean,
                "rating": string, "update": string, "mitigation": string, "milestones": array(ref("MilestoneLine")),
                "ratings": array(string),
            ], optional: ["reference": string]),
        "ReturnInput": input(
            [:],
            optional: [
                "baseVersion": [
                    "type": "integer", "minimum": 0, "maximum": Int32.max,
                    "description": "The version read, when If-Match is not sent",
                ],
                "rating": string, "update": ["type": "string", "maxLength": 20_000],
                "mitigation": ["type": "string", "maxLength": 20_000],
                "milestones": ["type": "array", "items": ref("MilestoneLine"), "maxItems": 30],
                "submit": [
                    "type": "boolean",
                    "description": "false saves a draft; otherwise the return is submitted for review.",
                ],
            ]),
        "GlossaryEntry": object(["id": uuid, "entry": object(["abbreviation": string, "expansion": string])]),
    ]
}
