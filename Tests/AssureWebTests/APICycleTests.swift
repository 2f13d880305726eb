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

/// The monthly cycle done by scripts alone, through /api/v1: the conventions a client relies on (ETag and If-Match,
/// problem details, idempotency keys) and the same rules as the pages (the PMO runs periods, nobody approves their own
/// return, a published period is frozen).
@Suite("The monthly cycle through the API")
struct APICycleTests {
    /// A script of one user's, holding a token of theirs.
    struct Script {
        let client: WebClient
        let token: String

        init(_ app: Application, email: String, scope: TokenScope = .write) async throws {
            let userID = try await Users.id(app.db, email: email)
            token = try await APITokens.create(
                app.db, .commandLine("test"), for: userID, name: "cycle script", scope: scope
            ).secret
            client = WebClient(app)
        }

        @discardableResult
        func send(
            _ method: HTTPMethod, _ link: Link, _ json: String = "", ifMatch: String? = nil, key: String? = nil
        ) async throws -> WebResponse {
            var headers = HTTPHeaders()
            if let ifMatch { headers.add(name: .ifMatch, value: ifMatch) }
            if let key { headers.add(name: "Idempotency-Key", value: key) }
            return try await client.send(method, link.path, json: json, bearer: token, headers: headers)
        }

        func etag(_ link: Link) async throws -> String {
            let read = try await send(.GET, link)
            #expect(read.status == .ok, "\(read.body.string)")
            return try #require(read.headers.first(name: .eTag))
        }
    }

    static func json(_ response: some HTTPAnswer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
    }

    /// A refusal is problem details: its media type, its kind, its status repeated in the body.
    static func expectProblem(
        _ response: some HTTPAnswer, _ status: HTTPStatus, _ kind: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, "\(response.body.string)", sourceLocation: sourceLocation)
        #expect(
            response.headers.contentType?.description.hasPrefix("application/problem+json") == true,
            sourceLocation: sourceLocation)
        let body = try json(response)
        #expect(body["type"] as? String == "urn:assure:problem:\(kind)", sourceLocation: sourceLocation)
        #expect(body["status"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        #expect((body["detail"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
    }

    @Test(
        "The PMO and a project lead run November 2016 by API alone: create, open, submit, approve, publish, read",
        arguments: Backend.all)
    func wholeCycle(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            let jane = try await Script(app, email: "jane.brennan@assure.demo")

            // when the PMO creates November, with an idempotency key
            let create = Link.apiPeriods(portfolio: ids.cdg.info.id)
            let body = #"{"period": "2016-11", "returnsDue": "2016-11-21"}"#
            let created = try await pmo.send(.POST, create, body, key: "nov-2016")
            // then it is made, with its address and ETag
            #expect(created.status == .created, "\(created.body.string)")
            let november = try #require(UUID(uuidString: try Self.json(created)["id"] as? String ?? ""))
            #expect(created.headers.first(name: .location) == Link.apiPeriod(period: november).path)
            #expect(try Self.json(created)["status"] as? String == "draft")
            let draftTag = try #require(created.headers.first(name: .eTag))

            // when she opens it: without If-Match (428), with a made-up tag (412, the period as it is), then rightly
            let openLink = Link.apiOpenPeriod(period: november)
            try Self.expectProblem(try await pmo.send(.POST, openLink), .preconditionRequired, "precondition-required")
            let stale = try await pmo.send(.POST, openLink, ifMatch: #""not-the-tag""#)
            try Self.expectProblem(stale, .preconditionFailed, "stale")
            #expect(stale.headers.first(name: .eTag) == draftTag)
            #expect((try Self.json(stale)["current"] as? [String: Any])?["status"] as? String == "draft")
            let opened = try await pmo.send(.POST, openLink, ifMatch: draftTag)
            #expect(opened.status == .ok, "\(opened.body.string)")
            #expect(try Self.json(opened)["status"] as? String == "open")
            #expect(opened.headers.first(name: .eTag) != draftTag, "a new status is a new version")

            // when the lead reads MAT001's return and submits it with the tag she read
            let mat001 = Link.apiReturn(period: november, project: ids.mat001.id)
            let readTag = try await jane.etag(mat001)
            let submitted = try await jane.send(
                .PUT, mat001,
                #"{"rating": "Amber", "update": "Recruitment on track; estates slipped a month.", "submit": true}"#,
                ifMatch: readTag)
            #expect(submitted.status == .ok, "\(submitted.body.string)")
            #expect(try Self.json(submitted)["state"] as? String == "submitted")
            // and the returns page's data says when, as an ISO 8601 moment
            let tracking = try Self.json(try await pmo.send(.GET, .apiReturns(period: november)))
            let row = (tracking["returns"] as? [[String: Any]])?.first { $0["reference"] as? String == "MAT001" }
            #expect(
                (row?["submittedAt"] as? String).flatMap { try? Date($0, strategy: .iso8601) } != nil,
                "\(String(describing: row))")
            // then a second write from the same old tag is refused: 412, nothing overwritten
            let overwrite = try await jane.send(.PUT, mat001, #"{"rating": "Red", "submit": false}"#, ifMatch: readTag)
            try Self.expectProblem(overwrite, .preconditionFailed, "stale")
            #expect((try Self.json(overwrite)["current"] as? [String: Any])?["rating"] as? String == "Amber")

            // and she may not approve her own return
            let review = Link.apiReviewReturn(period: november, project: ids.mat001.id)
            let own = try await jane.send(
                .POST, review, #"{"action": "approve"}"#, ifMatch: try await jane.etag(mat001))
            try Self.expectProblem(own, .forbidden, "forbidden")

            // when the PMO approves it, from the version she read
            let approved = try await pmo.send(
                .POST, review, #"{"action": "approve", "comment": "Agreed."}"#, ifMatch: try await pmo.etag(mat001))
            #expect(approved.status == .ok, "\(approved.body.string)")
            #expect(try Self.json(approved)["state"] as? String == "approved")

            // when she publishes: a made-up choice is named (422), then carry-forward publishes
            let publish = Link.apiPublishPeriod(period: november)
            let period = Link.apiPeriod(period: november)
            let badChoice = try await pmo.send(
                .POST, publish, #"{"missing": "ignore"}"#, ifMatch: try await pmo.etag(period))
            try Self.expectProblem(badChoice, .unprocessableEntity, "invalid")
            #expect(
                (try Self.json(badChoice)["errors"] as? [String: String])?["missing"]?.contains("carry-forward") == true
            )
            let published = try await pmo.send(
                .POST, publish, #"{"missing": "carry-forward"}"#, ifMatch: try await pmo.etag(period))
            #expect(published.status == .ok, "\(published.body.string)")
            #expect(try Self.json(published)["status"] as? String == "published")
            // then publishing again is refused as frozen, and the board's dashboard has MAT001 as approved
            let again = try await pmo.send(
                .POST, publish, #"{"missing": "carry-forward"}"#, ifMatch: try await pmo.etag(period))
            try Self.expectProblem(again, .conflict, "frozen")
            let dashboard = try await pmo.send(.GET, .apiProgrammeDashboard(period: november))
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.string.contains("Recruitment on track; estates slipped a month."))

            // when she re-opens it: the reason is required, then kept
            let reopen = Link.apiReopenPeriod(period: november)
            try Self.expectProblem(
                try await pmo.send(.POST, reopen, #"{"reason": "  "}"#, ifMatch: try await pmo.etag(period)),
                .unprocessableEntity, "invalid")
            let reopened = try await pmo.send(
                .POST, reopen, #"{"reason": "MAT001's estates date was wrong."}"#, ifMatch: try await pmo.etag(period))
            #expect(try Self.json(reopened)["status"] as? String == "open", "\(reopened.body.string)")
            #expect(
                try await AuditLog.recent(app.db, limit: 10).contains {
                    $0.action == "reopen" && $0.after?.contains("estates date was wrong") == true
                })
        }
    }

    @Test(
        "A retried create with the same Idempotency-Key makes one period; the key reused for another is refused",
        arguments: Backend.all)
    func idempotentCreate(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            let create = Link.apiPeriods(portfolio: ids.cdg.info.id)
            // given a create whose answer the script never saw
            let first = try await pmo.send(.POST, create, #"{"period": "2016-12"}"#, key: "k-2016-12")
            #expect(first.status == .created)
            // when it sends the same request again with the same key
            let retry = try await pmo.send(.POST, create, #"{"period": "2016-12"}"#, key: "k-2016-12")
            // then it gets the first answer, marked as such, and there is one December
            #expect(retry.status == .created)
            #expect(retry.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(retry.body.string == first.body.string)
            #expect(retry.headers.first(name: .eTag) == first.headers.first(name: .eTag))
            #expect(retry.headers.first(name: .location) == first.headers.first(name: .location))
            let periods = try await Catalogue.portfolio(app.db, id: ids.cdg.info.id).periods
            #expect(periods.filter { $0.key == "2016-12" }.count == 1)
            // and without the key the same request is a second create, refused by the rules (it exists)
            try Self.expectProblem(
                try await pmo.send(.POST, create, #"{"period": "2016-12"}"#), .unprocessableEntity, "invalid")
            // when the key is reused for a different request, then 422 and nothing is made
            let reused = try await pmo.send(.POST, create, #"{"period": "2017-01"}"#, key: "k-2016-12")
            try Self.expectProblem(reused, .unprocessableEntity, "idempotency-key-reused")
            #expect(
                try await Catalogue.portfolio(app.db, id: ids.cdg.info.id).periods.allSatisfy { $0.key != "2017-01" })
            // and a failed request lets its key go: fixed and sent again with the same key, it is done
            let bad = try await pmo.send(.POST, create, #"{"period": "2017-13"}"#, key: "k-2017")
            try Self.expectProblem(bad, .unprocessableEntity, "invalid")
            let fixed = try await pmo.send(.POST, create, #"{"period": "2017-02"}"#, key: "k-2017")
            #expect(fixed.status == .created, "\(fixed.body.string)")
            // and one user's key is not another's: Jane's "k-2016-12" is her own (and she may not create periods)
            let jane = try await Script(app, email: "jane.brennan@assure.demo")
            try Self.expectProblem(
                try await jane.send(.POST, create, #"{"period": "2016-12"}"#, key: "k-2016-12"), .forbidden, "forbidden"
            )
            // and a key that is not printable is refused
            try Self.expectProblem(
                try await pmo.send(.POST, create, #"{"period": "2017-03"}"#, key: String(repeating: "k", count: 300)),
                .badRequest, "bad-request")
        }
    }

    @Test(
        "Only the PMO's write token runs periods: a read token, a viewer and an editor are refused",
        arguments: Backend.all)
    func whoMayRunPeriods(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let october = Link.apiPeriod(period: ids.october.id)
            let pmoRead = try await Script(app, email: DemoLoader.adminEmail, scope: .read)
            let board = try await Script(app, email: "board@assure.demo")
            let jane = try await Script(app, email: "jane.brennan@assure.demo")
            let tag = try await pmoRead.etag(october)
            for script in [pmoRead, board, jane] {
                try Self.expectProblem(
                    try await script.send(.POST, .apiClosePeriod(period: ids.october.id), ifMatch: tag), .forbidden,
                    "forbidden")
                try Self.expectProblem(
                    try await script.send(.POST, .apiPeriods(portfolio: ids.cdg.info.id), #"{"period": "2016-11"}"#),
                    .forbidden, "forbidden")
            }
            // then October is as it was
            #expect(try await Catalogue.period(app.db, id: ids.october.id).status == .open)
            #expect(try await pmoRead.etag(october) == tag)
            // and a body that does not read names its field
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            let wrong = try await pmo.send(.POST, .apiPeriods(portfolio: ids.cdg.info.id), #"{"period": 2016}"#)
            try Self.expectProblem(wrong, .unprocessableEntity, "invalid")
            #expect((try Self.json(wrong)["errors"] as? [String: String])?["period"] == "must be text")
        }
    }
}
