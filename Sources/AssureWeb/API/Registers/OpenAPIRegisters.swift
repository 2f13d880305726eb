import Foundation

/// The registers' operations: each register's list, its items, and the PMO's writes to them.
extension OpenAPIDocument {
    nonisolated(unsafe) static let registers: [Operation] = [
        Operation(
            route: .apiRisks, method: .GET, summary: "Risk registers with each risk's score and band, and heat maps",
            response: Schema.array(Schema.ref("RiskRegister"))),
        Operation(
            route: .apiRiskRegisters, method: .POST,
            summary: "Set up a risk register with its scale and bands (the PMO)",
            body: "RiskRegisterInput", creates: true, response: Schema.ref("RiskRegister")),
        Operation(
            route: .apiRiskRegister, method: .GET, summary: "One risk register", response: Schema.ref("RiskRegister")),
        Operation(
            route: .apiRegisterRisks, method: .POST, summary: "Add a risk to a register (the PMO)", body: "RiskInput",
            creates: true, on: "RiskRegister", response: Schema.ref("Risk")),
        Operation(
            route: .apiRisk, method: .GET, summary: "One risk with its score, band and reviews",
            response: Schema.ref("Risk")),
        Operation(
            route: .apiRisk, method: .PUT, summary: "Review a risk: the whole risk as it now stands (the PMO)",
            body: "RiskInput", conditional: true, response: Schema.ref("Risk")),
        Operation(
            route: .apiBusinessCases, method: .GET, summary: "Business-case prioritisations, scored and ranked",
            response: Schema.array(Schema.ref("Prioritisation"))),
        Operation(
            route: .apiPrioritisations, method: .POST,
            summary: "Set up a prioritisation with its weighted criteria (the PMO)", body: "PrioritisationInput",
            creates: true, response: Schema.ref("Prioritisation")),
        Operation(
            route: .apiPrioritisation, method: .GET, summary: "One prioritisation, its cases scored and ranked",
            response: Schema.ref("Prioritisation")),
        Operation(
            route: .apiPrioritisationPortfolio, method: .PUT,
            summary: "Give a prioritisation to a portfolio's board papers, or to none (the PMO)",
            body: "PortfolioChoice", conditional: true, response: Schema.ref("Prioritisation")),
        Operation(
            route: .apiPrioritisationCases, method: .POST, summary: "Add a business case with its ratings (the PMO)",
            body: "BusinessCaseInput", creates: true, on: "Prioritisation",
            response: Schema.ref("ScoredBusinessCase")),
        Operation(
            route: .apiBusinessCase, method: .GET, summary: "One business case with its score and rank",
            response: Schema.ref("ScoredBusinessCase")),
        Operation(
            route: .apiBusinessCase, method: .PUT, summary: "Rename or re-rate a business case (the PMO)",
            body: "BusinessCaseInput", conditional: true, response: Schema.ref("ScoredBusinessCase")),
        Operation(
            route: .apiFundingRounds, method: .GET, summary: "Funding rounds with totals and headroom",
            response: Schema.array(Schema.ref("FundingRound"))),
        Operation(
            route: .apiFundingRounds, method: .POST, summary: "Set up a funding round with its envelope (the PMO)",
            body: "FundingRoundInput", creates: true, response: Schema.ref("FundingRound")),
        Operation(
            route: .apiFundingRound, method: .GET, summary: "One funding round with its total and headroom",
            response: Schema.ref("FundingRound")),
        Operation(
            route: .apiAllocations, method: .POST,
            summary: "Add an allocation to a funding round; going over the envelope shows as isOver (the PMO)",
            body: "AllocationInput", creates: true, on: "FundingRound", response: Schema.ref("FundingRound")),
        Operation(
            route: .apiFundingRoundPortfolio, method: .PUT,
            summary: "Give a funding round to a portfolio's board papers, or to none (the PMO)",
            body: "PortfolioChoice", conditional: true, response: Schema.ref("FundingRound")),
        Operation(
            route: .apiOutcomes, method: .GET, summary: "Outcome measures with trajectory, actuals and latest rating",
            response: Schema.array(Schema.ref("Outcome"))),
        Operation(
            route: .apiOutcomes, method: .POST, summary: "Set up an outcome measure (the PMO)",
            body: "OutcomeInput", creates: true, response: Schema.ref("Outcome")),
        Operation(
            route: .apiOutcome, method: .GET, summary: "One outcome measure", response: Schema.ref("Outcome")),
        Operation(
            route: .apiOutcomeValues, method: .POST,
            summary: "Record a period's trajectory or actual, replacing what it had (the PMO)",
            body: "OutcomeValueInput", conditional: true, response: Schema.ref("Outcome")),
        Operation(
            route: .apiDeliverables, method: .GET, summary: "Key deliverables with their financial years and status",
            response: Schema.array(Schema.ref("Deliverable"))),
        Operation(
            route: .apiDeliverables, method: .POST, summary: "Add a key deliverable (the PMO)",
            body: "DeliverableInput", creates: true, response: Schema.ref("Deliverable")),
        Operation(
            route: .apiDeliverable, method: .GET, summary: "One key deliverable", response: Schema.ref("Deliverable")),
        Operation(
            route: .apiDeliverable, method: .PUT, summary: "Change a key deliverable as a whole (the PMO)",
            body: "DeliverableInput", conditional: true, response: Schema.ref("Deliverable")),
        Operation(
            route: .apiMeetings, method: .GET, summary: "Meetings with agenda items, outcomes and actions",
            response: Schema.array(Schema.ref("Meeting"))),
        Operation(
            route: .apiMeetings, method: .POST,
            summary: "Add a meeting of a committee, or a forward-plan meeting (the PMO)",
            body: "MeetingInput", creates: true, response: Schema.ref("Meeting")),
        Operation(route: .apiMeeting, method: .GET, summary: "One meeting", response: Schema.ref("Meeting")),
        Operation(
            route: .apiMeetingPortfolio, method: .PUT,
            summary: "Give a meeting to a portfolio's board papers, or to none (the PMO)", body: "PortfolioChoice",
            conditional: true, response: Schema.ref("Meeting")),
        Operation(
            route: .apiMeetingItems, method: .POST, summary: "Put an item on a meeting's agenda (the PMO)",
            body: "AgendaItemInput", creates: true, on: "Meeting", response: Schema.ref("AgendaItem")),
        Operation(
            route: .apiMeetingActions, method: .POST, summary: "Add an action from a meeting (the PMO)",
            body: "ActionInput", creates: true, on: "Meeting", response: Schema.ref("Meeting")),
        Operation(
            route: .apiAgendaItem, method: .GET, summary: "One agenda item, with what was decided",
            response: Schema.ref("AgendaItem")),
        Operation(
            route: .apiAgendaItem, method: .PUT,
            summary: "Record what the meeting decided on an item: Noted, or Resolved with resolutions (the PMO)",
            body: "AgendaOutcomeInput", conditional: true, response: Schema.ref("AgendaItem")),
    ]
}

extension Schema {
    /// Text: `required` ones may not be blank. The application functions keep no length limit here beyond the body's
    /// (past it, 413), so the schema states none that a server would not enforce.
    private static func text(required: Bool = false) -> Node {
        required ? ["type": "string", "minLength": 1] : string
    }

    nonisolated(unsafe) private static let isoDate: Node = [
        "type": "string", "format": "date", "description": "ISO 8601, e.g. 2017-03-31",
    ]

    /// The registers' items and what a client sends to change them.
    nonisolated(unsafe) static let registerComponents: [String: Node] = [
        "RiskRegisterInput": input(
            ["name": text(required: true), "scale": oneOf(["h-m-l", "1-5"])],
            optional: [
                "amberFrom": ["type": "integer", "minimum": 1], "redFrom": ["type": "integer", "minimum": 2],
            ]),
        "RiskInput": input(
            [
                "description": ["type": "string", "minLength": 1, "description": "Under 2,000 characters"],
                "severity": text(required: true),
                "likelihood": text(required: true),
            ],
            optional: [
                "section": text(), "level": oneOf(["system", "portfolio", "programme", "project"]),
                "scope": text(), "mitigation": text(), "owner": text(),
                "references": array(string),
                "status": oneOf(["open", "closed"]), "reviewDate": isoDate,
            ]),
        "Risk": object(
            [
                "id": uuid, "registerID": uuid, "register": string, "section": string, "level": string,
                "scope": string, "description": string, "severity": string, "likelihood": string,
                "mitigation": string, "owner": string, "references": array(string), "status": string,
                "version": integer,
            ],
            optional: [
                "score": integer, "band": oneOf(["Green", "Amber", "Red"]), "reviewDate": date,
                "history": array(
                    object([
                        "at": dateTime, "by": string, "severity": string, "likelihood": string, "status": string,
                    ])),
            ]),
        "RiskRegister": object([
            "id": uuid, "name": string, "scale": oneOf(["h-m-l", "1-5"]),
            "bands": object(["amberFrom": integer, "redFrom": integer]), "risks": array(ref("Risk")),
            "heatMap": array(array(integer)),
        ]),
        "PrioritisationInput": input(
            [
                "name": text(required: true),
                "criteria": [
                    "type": "array", "minItems": 1,
                    "items": input([
                        "name": text(required: true),
                        "weight": ["type": "number", "exclusiveMinimum": 0, "maximum": 100],
                    ]),
                ],
            ], optional: ["portfolio": uuid]),
        "BusinessCaseInput": input(
            [
                "name": text(required: true),
                "ratings": [
                    "type": "object", "description": "Criterion → H, M or L",
                    "additionalProperties": oneOf(["H", "M", "L"]),
                ],
            ]),
        "ScoredBusinessCase": object([
            "id": uuid, "prioritisationID": uuid, "prioritisation": string, "name": string,
            "ratings": map(oneOf(["H", "M", "L"])), "score": number, "rank": integer, "unrated": array(string),
            "version": integer,
        ]),
        "Prioritisation": object(
            [
                "id": uuid, "name": string, "criteria": array(object(["name": string, "weight": number])),
                "cases": array(ref("ScoredBusinessCase")),
            ], optional: ["portfolioID": uuid]),
        "PortfolioChoice": input([:], optional: ["portfolio": uuid]),
        "FundingRoundInput": input(
            ["name": text(required: true), "envelopeLabel": text(required: true), "envelope": moneyInput],
            optional: ["portfolio": uuid]),
        "AllocationInput": input(
            ["label": text(required: true), "amount": moneyInput], optional: ["comment": text()]),
        "FundingRound": object(
            [
                "id": uuid, "name": string, "envelopeLabel": string, "envelope": money, "version": integer,
                "allocations": array(object(["id": uuid, "label": string, "amount": money, "comment": string])),
                "total": money, "headroom": money, "isOver": boolean,
            ],
            optional: ["portfolioID": uuid]),
        "OutcomeInput": input(
            [
                "name": text(required: true), "unit": text(required: true),
                "direction": oneOf(["higher-is-better", "lower-is-better"]), "target": number, "targetDate": isoDate,
            ], optional: ["programme": text(), "baseline": number]),
        "OutcomeValueInput": input([
            "period": ["type": "string", "description": "The month, YYYY-MM"],
            "kind": oneOf(["trajectory", "actual"]), "value": number,
        ]),
        "Outcome": object(
            [
                "id": uuid, "name": string, "programme": string, "unit": string,
                "direction": oneOf(["higher-is-better", "lower-is-better"]), "target": number, "targetDate": date,
                "trajectory": map(number), "actuals": map(number), "actualsAreIllustrative": boolean,
                "version": integer,
            ], optional: ["baseline": number, "latestRating": string]),
        "DeliverableInput": input(
            [
                "programme": text(required: true), "title": text(required: true),
                "years": array(["type": "string", "description": "A financial year, e.g. 17/18"]),
                "status": oneOf(["not-started", "on-track", "at-risk", "delivered", "dropped"]),
            ], optional: ["workstream": text()]),
        "Deliverable": object([
            "id": uuid, "programme": string, "workstream": string, "title": string, "years": array(string),
            "status": oneOf(["not-started", "on-track", "at-risk", "delivered", "dropped"]), "version": integer,
        ]),
        "MeetingInput": input(
            ["committee": text(required: true), "date": isoDate],
            optional: [
                "time": text(), "venue": text(),
                "members": array(string),
                "forwardPlan": boolean, "portfolio": uuid,
            ]),
        "AgendaItemInput": input(
            ["title": text(required: true)],
            optional: [
                "number": text(), "organisation": text(),
                "format": oneOf(["Report", "Briefing", "Presentation", "Forward Plan", "Verbal"]),
                "purpose": oneOf(["business", "discussion", "decision", "information"]), "raisedBy": text(),
                "pages": text(), "note": text(),
            ]),
        "AgendaOutcomeInput": input(
            ["outcome": text(required: true)],
            optional: ["resolutions": array(string)]),
        "ActionInput": input(
            ["description": text(required: true), "owner": text(required: true)],
            optional: ["due": isoDate]),
        "AgendaItem": object(
            [
                "id": uuid, "meetingID": uuid, "number": string, "title": string, "organisation": string,
                "purpose": string, "raisedBy": string, "pages": string, "note": string, "outcome": string,
                "resolutions": array(string),
            ], optional: ["format": string]),
        "Meeting": object(
            [
                "id": uuid, "committee": string, "date": date, "time": string, "venue": string,
                "members": array(string), "items": array(ref("AgendaItem")),
                "actions": array(
                    object(
                        ["id": uuid, "description": string, "owner": string, "done": boolean],
                        optional: ["due": date])),
                "version": integer,
            ], optional: ["portfolioID": uuid]),
    ]

    /// An amount sent: pounds as a decimal string with at most two places, in GBP.
    nonisolated(unsafe) private static let moneyInput: Node = object([
        "amount": ["type": "string", "pattern": "^-?[0-9]{1,13}(\\.[0-9]{1,2})?$"], "currency": oneOf(["GBP"]),
    ])
}
