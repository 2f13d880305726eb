import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// Every register kept by script, through /api/v1, with the pages' rules: the PMO's alone, ISO 8601 dates and
/// `APIMoney` both ways, If-Match on every change to an item, and problems named by field.
@Suite("The registers through the API")
struct APIRegisterTests {
    typealias Script = APICycleTests.Script

    static func created(_ response: some HTTPAnswer, at link: (UUID) -> Link) throws -> (UUID, [String: Any]) {
        #expect(response.status == .created, "\(response.body.string)")
        let body = try APICycleTests.json(response)
        let id = try #require(UUID(uuidString: body["id"] as? String ?? ""))
        #expect(response.headers.first(name: .location) == link(id).path)
        #expect(response.headers.first(name: .eTag) != nil)
        return (id, body)
    }

    @Test("The PMO sets up a risk register, adds a risk and reviews it; a stale review is 412", arguments: Backend.all)
    func risks(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            // when the PMO sets up a 1-5 register with bands of its own
            let (registerID, register) = try Self.created(
                try await pmo.send(
                    .POST, .apiRiskRegisters,
                    #"{"name": "Digital risks", "scale": "1-5", "amberFrom": 6, "redFrom": 12}"#),
                at: Link.apiRiskRegister)
            #expect((register["bands"] as? [String: Int]) == ["amberFrom": 6, "redFrom": 12])
            // and adds a risk to it
            let (riskID, risk) = try Self.created(
                try await pmo.send(
                    .POST, .apiRegisterRisks(id: registerID),
                    #"{"description": "Cyber attack on GP systems", "severity": "4", "likelihood": "3", "owner": "CIO", "references": ["GBAF 3.2"], "reviewDate": "2017-01-31"}"#
                ),
                at: Link.apiRisk)
            // then it is scored and banded by the register's bands, its review day an ISO date
            #expect(risk["score"] as? Int == 12 && risk["band"] as? String == "Red")
            #expect(risk["reviewDate"] as? String == "2017-01-31")
            #expect(risk["references"] as? [String] == ["GBAF 3.2"])
            #expect(risk["registerID"] as? String == registerID.uuidString)
            // when she reviews it from the version read
            let tag = try await pmo.etag(.apiRisk(id: riskID))
            let review =
                #"{"description": "Cyber attack on GP systems", "severity": "2", "likelihood": "3", "status": "open", "reviewDate": "2017-02-28"}"#
            let reviewed = try await pmo.send(.PUT, .apiRisk(id: riskID), review, ifMatch: tag)
            #expect(reviewed.status == .ok, "\(reviewed.body.string)")
            let now = try APICycleTests.json(reviewed)
            #expect(now["score"] as? Int == 6 && now["band"] as? String == "Amber")
            // then both saves are in its history, each a moment in ISO 8601
            let history = try #require(now["history"] as? [[String: Any]])
            #expect(history.count == 2)
            #expect(history.allSatisfy { ($0["at"] as? String).flatMap { try? Date($0, strategy: .iso8601) } != nil })
            // when she reviews again from the old version, or without one, then nothing changes
            let stale = try await pmo.send(.PUT, .apiRisk(id: riskID), review, ifMatch: tag)
            try APICycleTests.expectProblem(stale, .preconditionFailed, "stale")
            #expect((try APICycleTests.json(stale)["current"] as? [String: Any])?["score"] as? Int == 6)
            try APICycleTests.expectProblem(
                try await pmo.send(.PUT, .apiRisk(id: riskID), review), .preconditionRequired, "precondition-required")
            // and values off the scale, an unknown level, half the bands are named by field
            let offScale = try await pmo.send(
                .POST, .apiRegisterRisks(id: registerID), #"{"description": "X", "severity": "H", "likelihood": "9"}"#)
            try APICycleTests.expectProblem(offScale, .unprocessableEntity, "invalid")
            let errors = try #require(try APICycleTests.json(offScale)["errors"] as? [String: String])
            #expect(errors["severity"] != nil && errors["likelihood"] != nil)
            for (link, body, field) in [
                (
                    Link.apiRegisterRisks(id: registerID),
                    #"{"description": "X", "severity": "1", "likelihood": "1", "level": "galaxy"}"#, "level"
                ),
                (.apiRiskRegisters, #"{"name": "Half", "scale": "1-5", "amberFrom": 6}"#, "redFrom"),
                (.apiRiskRegisters, #"{"name": "Odd", "scale": "abc"}"#, "scale"),
            ] {
                let refused = try await pmo.send(.POST, link, body)
                try APICycleTests.expectProblem(refused, .unprocessableEntity, "invalid")
                #expect((try APICycleTests.json(refused)["errors"] as? [String: String])?[field] != nil, "\(field)")
            }
            // and the list gives every register with ISO dates, never {year, month, day}
            let list = try await pmo.send(.GET, .apiRisks).body.string
            #expect(list.contains("\"reviewDate\":\"2017-02-28\"") && !list.contains("\"year\""))
        }
    }

    @Test(
        "Business cases: a weighted prioritisation, a case scored and ranked, re-rated with If-Match",
        arguments: Backend.all)
    func businessCases(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            let (setID, _) = try Self.created(
                try await pmo.send(
                    .POST, .apiPrioritisations,
                    #"{"name": "Winter schemes", "criteria": [{"name": "Quality", "weight": 2}, {"name": "Cost", "weight": 1}]}"#
                ),
                at: Link.apiPrioritisation)
            let (firstID, first) = try Self.created(
                try await pmo.send(
                    .POST, .apiPrioritisationCases(id: setID),
                    #"{"name": "Discharge to assess", "ratings": {"Quality": "H", "Cost": "L"}}"#),
                at: Link.apiBusinessCase)
            // then it is scored by the weights (2×3 + 1×1) and first of one
            #expect(first["score"] as? Double == 7 && first["rank"] as? Int == 1)
            let (secondID, second) = try Self.created(
                try await pmo.send(
                    .POST, .apiPrioritisationCases(id: setID),
                    #"{"name": "Falls service", "ratings": {"Quality": "M"}}"#),
                at: Link.apiBusinessCase)
            #expect(second["unrated"] as? [String] == ["Cost"] && second["rank"] as? Int == 2)
            // when the second is re-rated from the version read, then it ranks first
            let rerated = try await pmo.send(
                .PUT, .apiBusinessCase(id: secondID),
                #"{"name": "Falls service", "ratings": {"Quality": "H", "Cost": "H"}}"#,
                ifMatch: try await pmo.etag(.apiBusinessCase(id: secondID)))
            #expect(rerated.status == .ok, "\(rerated.body.string)")
            #expect(try APICycleTests.json(rerated)["rank"] as? Int == 1)
            // and the prioritisation lists its cases as entered, each with its rank now
            let set = try APICycleTests.json(try await pmo.send(.GET, .apiPrioritisation(id: setID)))
            let cases = try #require(set["cases"] as? [[String: Any]])
            #expect(cases.map { $0["id"] as? String } == [firstID, secondID].map(\.uuidString))
            #expect(cases.map { $0["rank"] as? Int } == [2, 1])
            // and a rating that is not H, M or L is named, with nothing saved
            let refused = try await pmo.send(
                .POST, .apiPrioritisationCases(id: setID), #"{"name": "Odd", "ratings": {"Quality": "Excellent"}}"#)
            try APICycleTests.expectProblem(refused, .unprocessableEntity, "invalid")
            // and the board's portfolio is chosen with If-Match, a missing one 404
            let cdg = try await Catalogue.findPortfolio(app.db, name: "CDG Priorities").info.id
            let scoped = try await pmo.send(
                .PUT, .apiPrioritisationPortfolio(id: setID), #"{"portfolio": "\#(cdg)"}"#,
                ifMatch: try await pmo.etag(.apiPrioritisation(id: setID)))
            #expect(try APICycleTests.json(scoped)["portfolioID"] as? String == cdg.uuidString)
            try APICycleTests.expectProblem(
                try await pmo.send(
                    .PUT, .apiPrioritisationPortfolio(id: setID), #"{"portfolio": "\#(UUID())"}"#, ifMatch: "*"),
                .notFound, "not-found")
        }
    }

    @Test(
        "A funding round in APIMoney both ways: allocations over the envelope show as over; other currencies are refused",
        arguments: Backend.all)
    func fundingRounds(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            let (roundID, round) = try Self.created(
                try await pmo.send(
                    .POST, .apiFundingRounds,
                    #"{"name": "Winter 2017", "envelopeLabel": "NHSE winter money", "envelope": {"amount": "250000", "currency": "GBP"}}"#
                ),
                at: Link.apiFundingRound)
            #expect((round["envelope"] as? [String: String]) == ["amount": "250000.00", "currency": "GBP"])
            // when the PMO allocates more than the envelope
            for amount in ["180000.50", "80000"] {
                let allocated = try await pmo.send(
                    .POST, .apiAllocations(id: roundID),
                    #"{"label": "Scheme", "amount": {"amount": "\#(amount)", "currency": "GBP"}}"#)
                #expect(allocated.status == .created, "\(allocated.body.string)")
                #expect(allocated.headers.first(name: .location) == Link.apiFundingRound(id: roundID).path)
            }
            // then it is saved and flagged, the headroom negative, to the penny
            let now = try APICycleTests.json(try await pmo.send(.GET, .apiFundingRound(id: roundID)))
            #expect(now["isOver"] as? Bool == true)
            #expect((now["total"] as? [String: String])?["amount"] == "260000.50")
            #expect((now["headroom"] as? [String: String])?["amount"] == "-10000.50")
            // and euros, fractions of a penny and words are named by field, with nothing saved
            for (amount, currency, field) in [
                ("10", "EUR", "amount.currency"), ("1.005", "GBP", "amount.amount"), ("lots", "GBP", "amount.amount"),
            ] {
                let refused = try await pmo.send(
                    .POST, .apiAllocations(id: roundID),
                    #"{"label": "X", "amount": {"amount": "\#(amount)", "currency": "\#(currency)"}}"#)
                try APICycleTests.expectProblem(refused, .unprocessableEntity, "invalid")
                #expect((try APICycleTests.json(refused)["errors"] as? [String: String])?[field] != nil, "\(field)")
            }
            #expect((try await FundingRounds.find(app.db, id: roundID))?.allocations.count == 2)
        }
    }

    @Test(
        "Outcome measures: set up with an ISO target date; an actual recorded with If-Match is rated",
        arguments: Backend.all)
    func outcomes(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            let (measureID, measure) = try Self.created(
                try await pmo.send(
                    .POST, .apiOutcomes,
                    #"{"name": "Delayed transfers", "programme": "Urgent care", "unit": "beds", "direction": "lower-is-better", "baseline": 40, "target": 20, "targetDate": "2017-03-31"}"#
                ),
                at: Link.apiOutcome)
            #expect(measure["targetDate"] as? String == "2017-03-31")
            // when the PMO records a trajectory and then an actual for January
            for (kind, value) in [("trajectory", 30), ("actual", 25)] {
                let recorded = try await pmo.send(
                    .POST, .apiOutcomeValues(id: measureID),
                    #"{"period": "2017-01", "kind": "\#(kind)", "value": \#(value)}"#,
                    ifMatch: try await pmo.etag(.apiOutcome(id: measureID)))
                #expect(recorded.status == .ok, "\(recorded.body.string)")
            }
            // then the actual beats the trajectory (lower is better) and is real, not illustrative
            let now = try APICycleTests.json(try await pmo.send(.GET, .apiOutcome(id: measureID)))
            #expect((now["actuals"] as? [String: Double]) == ["2017-01": 25])
            #expect(now["actualsAreIllustrative"] as? Bool == false)
            #expect(now["latestRating"] as? String != nil)
            // and a month written otherwise, a kind unknown, a date not a date are named
            for (link, body, field) in [
                (
                    Link.apiOutcomeValues(id: measureID), #"{"period": "January", "kind": "actual", "value": 1}"#,
                    "period"
                ),
                (.apiOutcomeValues(id: measureID), #"{"period": "2017-02", "kind": "guess", "value": 1}"#, "kind"),
                (
                    .apiOutcomes,
                    #"{"name": "X", "unit": "u", "direction": "higher-is-better", "target": 1, "targetDate": "31/03/2017"}"#,
                    "targetDate"
                ),
            ] {
                let refused = try await pmo.send(.POST, link, body, ifMatch: "*")
                try APICycleTests.expectProblem(refused, .unprocessableEntity, "invalid")
                #expect((try APICycleTests.json(refused)["errors"] as? [String: String])?[field] != nil, "\(field)")
            }
        }
    }

    @Test("Key deliverables: added, changed as a whole with If-Match, years written 17/18", arguments: Backend.all)
    func deliverables(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            let (id, item) = try Self.created(
                try await pmo.send(
                    .POST, .apiDeliverables,
                    #"{"programme": "Planned care", "workstream": "MSK", "title": "First contact physiotherapy", "years": ["18/19", "2017/18"], "status": "on-track"}"#
                ),
                at: Link.apiDeliverable)
            #expect(item["years"] as? [String] == ["17/18", "18/19"])
            let tag = try await pmo.etag(.apiDeliverable(id: id))
            let body =
                #"{"programme": "Planned care", "title": "First contact physiotherapy", "years": ["17/18"], "status": "delivered"}"#
            let changed = try await pmo.send(.PUT, .apiDeliverable(id: id), body, ifMatch: tag)
            #expect(changed.status == .ok, "\(changed.body.string)")
            #expect(try APICycleTests.json(changed)["status"] as? String == "delivered")
            #expect(try APICycleTests.json(changed)["workstream"] as? String == "", "left out is blank, as on the form")
            try APICycleTests.expectProblem(
                try await pmo.send(.PUT, .apiDeliverable(id: id), body, ifMatch: tag), .preconditionFailed, "stale")
            let refused = try await pmo.send(
                .POST, .apiDeliverables, #"{"programme": "P", "title": "T", "years": ["17/19"], "status": "on-track"}"#)
            try APICycleTests.expectProblem(refused, .unprocessableEntity, "invalid")
        }
    }

    @Test(
        "Meetings: a meeting, an item at its own address, what was decided (If-Match), an action with a due day",
        arguments: Backend.all)
    func meetings(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            let (meetingID, meeting) = try Self.created(
                try await pmo.send(
                    .POST, .apiMeetings,
                    #"{"committee": "Governing Body", "date": "2017-01-26", "time": "13:00", "venue": "Civic Centre", "members": ["Chair", "Accountable Officer"]}"#
                ),
                at: Link.apiMeeting)
            #expect(meeting["date"] as? String == "2017-01-26")
            let (itemID, item) = try Self.created(
                try await pmo.send(
                    .POST, .apiMeetingItems(id: meetingID),
                    #"{"number": "7", "title": "Transformation dashboard", "format": "Report", "purpose": "decision"}"#),
                at: Link.apiAgendaItem)
            #expect(item["meetingID"] as? String == meetingID.uuidString && item["outcome"] as? String == "")
            // when the PMO records what was decided, from the version read
            let decided = try await pmo.send(
                .PUT, .apiAgendaItem(id: itemID),
                #"{"outcome": "Resolved", "resolutions": ["Approved the dashboard."]}"#,
                ifMatch: try await pmo.etag(.apiAgendaItem(id: itemID)))
            #expect(decided.status == .ok, "\(decided.body.string)")
            #expect(try APICycleTests.json(decided)["resolutions"] as? [String] == ["Approved the dashboard."])
            // and adds an action due on a day
            let actioned = try await pmo.send(
                .POST, .apiMeetingActions(id: meetingID),
                #"{"description": "Circulate the paper", "owner": "PMO", "due": "2017-02-02"}"#)
            #expect(actioned.status == .created, "\(actioned.body.string)")
            let actions = try #require(try APICycleTests.json(actioned)["actions"] as? [[String: Any]])
            #expect(actions.first?["due"] as? String == "2017-02-02")
            // then a forward-plan meeting in the past, an unknown format, a due day not a date are named
            for (link, body, field) in [
                (
                    Link.apiMeetings, #"{"committee": "Governing Body", "date": "2001-01-01", "forwardPlan": true}"#,
                    "date"
                ),
                (.apiMeetingItems(id: meetingID), #"{"title": "X", "format": "Telegram"}"#, "format"),
                (.apiMeetingActions(id: meetingID), #"{"description": "X", "owner": "Y", "due": "soon"}"#, "due"),
            ] {
                let refused = try await pmo.send(.POST, link, body)
                try APICycleTests.expectProblem(refused, .unprocessableEntity, "invalid")
                #expect((try APICycleTests.json(refused)["errors"] as? [String: String])?[field] != nil, "\(field)")
            }
            // and each change is in the audit log under the PMO's name
            let audit = try await AuditLog.recent(app.db, limit: 10)
            #expect(Set(audit.map(\.action)).isSuperset(of: ["create", "add-item", "record-outcome", "add-action"]))
        }
    }

    @Test("Only the PMO changes registers, and only with a token that may write", arguments: Backend.all)
    func whoMay(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let reader = try await Script(app, email: DemoLoader.adminEmail, scope: .read)
            let jane = try await Script(app, email: "jane.brennan@assure.demo")
            let body = #"{"programme": "P", "title": "T", "years": [], "status": "on-track"}"#
            #expect(try await reader.send(.POST, .apiDeliverables, body).status == .forbidden)
            try APICycleTests.expectProblem(
                try await jane.send(.PUT, .apiDeliverable(id: ids.registers.deliverable), body), .forbidden, "forbidden"
            )
            // and anyone signed in reads them
            #expect(try await jane.send(.GET, .apiDeliverable(id: ids.registers.deliverable)).status == .ok)
        }
    }
}
