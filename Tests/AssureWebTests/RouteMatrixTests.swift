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

/// Every route the router holds × five kinds of visitor, each with the status it must get. The routes come from the
/// router itself: a route added without a row here fails the test.
@Suite("Route × role matrix")
struct RouteMatrixTests {
    enum Visitor: String, CaseIterable {
        case anonymous, viewer, otherEditor = "other-editor", thisEditor = "this-editor", submitter, admin
        var email: String? {
            switch self {
            case .anonymous: nil
            case .viewer: "board@assure.demo"
            case .otherEditor: "phil.richardson@assure.demo"
            case .thisEditor: "jane.brennan@assure.demo"
            case .submitter: Self.submitterEmail
            case .admin: DemoLoader.adminEmail
            }
        }

        /// An editor of Maternity who is also MAT001's SRO, and who submits its return before trying to review it.
        static let submitterEmail = "sam.sro@assure.demo"
        static let submitterName = "Sam Sro"
    }

    /// The request each route gets: its path with the demo's ids, and for a write its body.
    static func path(_ route: AppRoute, _ ids: DemoIDs, token: UUID) -> String {
        let item: UUID? =
            switch route {
            case .glossaryEntry, .apiGlossaryEntry: ids.registers.glossaryEntry
            case .addBusinessCase, .businessCasesPortfolio, .apiPrioritisation, .apiPrioritisationCases,
                .apiPrioritisationPortfolio:
                ids.registers.set
            case .businessCase, .apiBusinessCase: ids.registers.businessCase
            case .allocate, .fundingRoundPortfolio, .apiFundingRound, .apiAllocations, .apiFundingRoundPortfolio:
                ids.registers.round
            case .addRisk, .apiRiskRegister, .apiRegisterRisks: ids.registers.riskRegister
            case .risk, .apiRisk: ids.registers.risk
            case .deliverable, .apiDeliverable: ids.registers.deliverable
            case .meeting, .meetingItems, .meetingActions, .meetingPortfolio, .apiMeeting, .apiMeetingItems,
                .apiMeetingActions, .apiMeetingPortfolio:
                ids.registers.meeting
            case .itemOutcome, .apiAgendaItem: ids.registers.agendaItem
            case .outcome, .apiOutcome, .apiOutcomeValues: ids.registers.outcome
            case .revokeToken: token
            case .user, .disableUser, .enableUser, .apiUser: ids.karenUser
            default: nil
            }
        let period = [.paper, .paperTexts].contains(route) ? ids.registers.paperPeriod : ids.october.id
        let values: [String: UUID?] = [
            "portfolio": ids.cdg.info.id, "period": period, "project": ids.mat001.id, "message": ids.queuedMessage,
            "person": ids.jane, "job": UUID(), "item": item,
        ]
        // Every route of the matrix, so filled from its pattern here rather than by a `Link` per case.
        return "/"
            + route.rawValue.split(separator: "/").map { part in
                part.hasPrefix(":")
                    ? (values[String(part.dropFirst())].flatMap { $0 }?.uuidString ?? "none") : String(part)
            }.joined(separator: "/")
    }

    static func route(_ registered: Route) -> AppRoute? {
        AppRoute(rawValue: registered.path.map(\.description).joined(separator: "/"))
    }

    /// Runs the whole matrix and returns "METHOD route" → statuses in `Visitor.allCases` order.
    static func observe(_ app: Application) async throws -> [String: [UInt]] {
        let ids = try await DemoIDs.load(app)
        let token = try await APITokens.create(
            app.db, .commandLine("matrix"), for: try await Users.id(app.db, email: DemoLoader.adminEmail),
            name: "to revoke", scope: .read
        ).token.id
        let sam = try await Self.addSubmitter(app, ids)
        var clients: [Visitor: WebClient] = [:]
        for visitor in Visitor.allCases {
            clients[visitor] =
                if let email = visitor.email { try await WebClient.signedIn(app, as: email) } else { WebClient(app) }
        }
        let jane = try #require(
            try await Users.authenticate(app.db, email: "jane.brennan@assure.demo", password: DemoLoader.adminPassword))
        var seen: [String: [UInt]] = [:]
        let routes = app.routes.all.filter { $0.method == .GET }
        // Reads first, for everyone; they change nothing.
        for registered in routes {
            guard let route = route(registered) else { continue }
            for visitor in Visitor.allCases {
                let client = clients[visitor]!
                let response = try await client.get(path(route, ids, token: token))
                seen["GET \(route.rawValue)", default: []].append(response.status.code)
            }
        }
        // Then writes: those refused first, then the editor of the programme, then the PMO in an order that works
        // (close before publish). Each visitor's bodies are made afresh, so versions are current.
        for visitor in Visitor.allCases {
            let client = clients[visitor]!
            let version = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).form
                .baseVersion
            _ = try await client.get(visitor == .anonymous ? Link.login.path : "/")
            let put = try await client.send(
                .PUT, path(.apiReturn, ids, token: token),
                json: #"{"baseVersion": \#(version), "rating": "Amber", "update": "Escalated."}"#,
                csrf: true)
            seen["PUT \(AppRoute.apiReturn.rawValue)", default: []].append(put.status.code)
            let projectVersion = try await Structure.project(app.db, id: ids.mat001.id).version
            var writes = try await AuthorisationTests.writes(app, ids).map { route, path, fields in
                // Each visitor adds a project of its own and edits from the version now saved, so a refusal is about who asks.
                var fields = fields
                if route == .createProject { fields["reference"] = "MAT09\(Visitor.allCases.firstIndex(of: visitor)!)" }
                if route == .editProject {
                    fields["baseVersion"] = String(projectVersion)
                    fields["sro"] = Visitor.submitterName
                }
                return (route, path, fields)
            }
            writes.insert(
                (.tokens, Link.tokens.path, ["name": "matrix \(visitor.rawValue)", "scope": "read"]), at: 0)
            writes.insert((.revokeToken, path(.revokeToken, ids, token: token), [:]), at: 1)
            writes.append((.logout, Link.logout.path, [:]))
            writes.insert(
                (
                    .login, Link.login.path,
                    ["email": visitor.email ?? "nobody@assure.demo", "password": DemoLoader.adminPassword]
                ), at: 0)
            for (route, path, fields) in writes {
                var fields = fields
                if route == .reviewReturn {
                    // The return under review is the lead's, submitted afresh: the PMO's own save earlier in this list
                    // would make it the author, whom segregation of duties refuses (tested on its own).
                    let sheet = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id)
                    // The submitter column submits it herself, then tries to approve her own return.
                    if sheet.state != .approved {
                        try? await Returns.save(
                            app.db, visitor == .submitter ? sam : jane, periodID: ids.october.id,
                            projectID: ids.mat001.id, form: sheet.form, action: .submit)
                    }
                    fields["version"] = String(
                        try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).version)
                }
                _ = try await client.get(visitor == .anonymous || route == .login ? Link.login.path : "/")
                let response = try await client.post(path, fields)
                seen["POST \(route.rawValue)", default: []].append(response.status.code)
                if visitor == .submitter, route == .reviewReturn {
                    // refused as the return's author, though as its SRO she reviews others' returns
                    #expect(
                        response.body.string.contains("You saved or submitted this return, so someone else reviews it"))
                }
            }
        }
        try await observeAPIWrites(app, ids, sam: sam, jane: jane, into: &seen)
        return seen
    }

    /// The API's writes, by each visitor's own write token (anonymous: none), on a period of their own (November, open,
    /// which the PMO closes, opens, publishes and re-opens) and on MAT001's November return, submitted afresh by its
    /// lead (or by the submitter herself) before each review. `If-Match: *` names any version: the refusals here
    /// are about who asks (versions are APICycleTests').
    static func observeAPIWrites(
        _ app: Application, _ ids: DemoIDs, sam: Actor, jane: Actor,
        into seen: inout [String: [UInt]]
    ) async throws {
        let pmo = Actor.commandLine("matrix")
        let november = try await PeriodLifecycle.create(app.db, pmo, portfolioID: ids.cdg.info.id, key: "2016-11").id
        _ = try await PeriodLifecycle.open(app.db, pmo, periodID: november)
        for (index, visitor) in Visitor.allCases.enumerated() {
            var headers = HTTPHeaders([("If-Match", "*")])
            if let email = visitor.email {
                let secret = try await APITokens.create(
                    app.db, .commandLine("matrix"), for: try await Users.id(app.db, email: email), name: "matrix",
                    scope: .write
                ).secret
                headers.bearerAuthorization = BearerAuthorization(token: secret)
            }
            let project = try await Structure.project(app.db, id: ids.mat001.id).project
            // The project's details as they are: a change of nothing, so the refusals are about who asks.
            let sameDetails = try String(
                decoding: JSONSerialization.data(
                    withJSONObject: [
                        "reference": project.reference ?? "", "title": project.title, "sro": project.sro ?? "",
                        "lead": project.lead ?? "",
                    ]), as: UTF8.self)
            let writes: [(Link, String)] =
                [
                    (.apiPortfolios, #"{"name": "Matrix \#(index)", "scale": "three-point"}"#),
                    (.apiProgrammes(portfolio: ids.cdg.info.id), #"{"name": "Matrix programme \#(index)"}"#),
                    (
                        .apiProjects(portfolio: ids.cdg.info.id),
                        #"{"programme": "\#(ids.maternity.id)", "reference": "MATX\#(index)", "title": "Matrix \#(index)"}"#
                    ),
                    (.apiProject(project: ids.mat001.id), sameDetails),
                    (
                        .apiUsers,
                        #"{"email": "matrix\#(index)@assure.demo", "name": "Matrix \#(index)", "role": "viewer", "password": "a long enough passphrase"}"#
                    ),
                    (.apiUser(id: ids.karenUser), #"{"role": "viewer"}"#),
                    (.apiDisableUser(id: ids.karenUser), ""), (.apiEnableUser(id: ids.karenUser), ""),
                    (.apiPerson(person: ids.jane), #"{"email": "jane.brennan@assure.demo"}"#),
                    (.apiPeriods(portfolio: ids.cdg.info.id), #"{"period": "2031-0\#(index + 1)"}"#),
                    (.apiClosePeriod(period: november), ""), (.apiOpenPeriod(period: november), ""),
                    (.apiPublishPeriod(period: november), #"{"missing": "show-as-missing"}"#),
                    (.apiReopenPeriod(period: november), #"{"reason": "The matrix re-opens it."}"#),
                    (.apiReviewReturn(period: november, project: ids.mat001.id), #"{"action": "approve"}"#),
                    (.apiGlossary, #"{"abbreviation": "MX\#(index)", "expansion": "Matrix \#(index)"}"#),
                    (
                        .apiGlossaryEntry(id: ids.registers.glossaryEntry),
                        #"{"abbreviation": "STP", "expansion": "Sustainability and Transformation Plan"}"#
                    ),
                ] + registerWrites(ids, index: index)
            // MAT001's dependency on MH002 (recorded afresh for each visitor when the one before removed it): one more
            // to add, and that one to remove.
            let dependency = try await AuthorisationTests.dependencyFixture(app, ids)
            let dependencyBody = try String(
                decoding: JSONSerialization.data(withJSONObject: dependency.fields), as: UTF8.self)
            // The last write of all: the PMO deletes the entry (everyone else is refused first).
            let deletion = (HTTPMethod.DELETE, Link.apiGlossaryEntry(id: ids.registers.glossaryEntry), "")
            let removal = (HTTPMethod.DELETE, Link.apiDependency(id: dependency.toRemove), "")
            for (method, link, body) in writes.map({ (Self.method(of: $0.0), $0.0, $0.1) })
                + [(.POST, .apiProjectDependencies(project: ids.mat001.id), dependencyBody), removal, deletion]
            {
                if link.route == .apiReviewReturn {
                    let sheet = try await Returns.sheet(app.db, periodID: november, projectID: ids.mat001.id)
                    if sheet.state != .approved {
                        try? await Returns.save(
                            app.db, visitor == .submitter ? sam : jane, periodID: november,
                            projectID: ids.mat001.id, form: sheet.form, action: .submit)
                    }
                }
                let response = try await app.testing(method: .inMemory).sendRequest(
                    method, link.path, headers: headers, body: ByteBuffer(string: body))
                seen["\(method.rawValue) \(link.route.rawValue)", default: []].append(response.status.code)
            }
        }
    }

    /// A write of the API's: a change to a whole item is a PUT, anything else a POST.
    /// The registers' API writes, each valid for the PMO (so the refusals are about who asks).
    static func registerWrites(_ ids: DemoIDs, index: Int) -> [(Link, String)] {
        let registers = ids.registers
        let risk = #"{"description": "Matrix risk \#(index)", "severity": "H", "likelihood": "M"}"#
        let deliverable =
            #"{"programme": "Matrix", "title": "Matrix \#(index)", "years": ["17/18"], "status": "on-track"}"#
        return [
            (.apiRiskRegisters, #"{"name": "Matrix register \#(index)", "scale": "h-m-l"}"#),
            (.apiRegisterRisks(id: registers.riskRegister), risk), (.apiRisk(id: registers.risk), risk),
            (.apiPrioritisations, #"{"name": "Matrix \#(index)", "criteria": [{"name": "Value", "weight": 1}]}"#),
            (.apiPrioritisationCases(id: registers.set), #"{"name": "Matrix case \#(index)", "ratings": {}}"#),
            (.apiBusinessCase(id: registers.businessCase), #"{"name": "Matrix case", "ratings": {}}"#),
            (.apiPrioritisationPortfolio(id: registers.set), #"{"portfolio": null}"#),
            (
                .apiFundingRounds,
                #"{"name": "Matrix \#(index)", "envelopeLabel": "Matrix", "envelope": {"amount": "1000.00", "currency": "GBP"}}"#
            ),
            (
                .apiAllocations(id: registers.round),
                #"{"label": "Matrix", "amount": {"amount": "10", "currency": "GBP"}}"#
            ),
            (.apiFundingRoundPortfolio(id: registers.round), #"{"portfolio": null}"#),
            (
                .apiOutcomes,
                #"{"name": "Matrix \#(index)", "unit": "%", "direction": "higher-is-better", "target": 90, "targetDate": "2018-03-31"}"#
            ),
            (.apiOutcomeValues(id: registers.outcome), #"{"period": "2016-10", "kind": "trajectory", "value": 50}"#),
            (.apiDeliverables, deliverable), (.apiDeliverable(id: registers.deliverable), deliverable),
            (.apiMeetings, #"{"committee": "Matrix committee", "date": "2016-12-21"}"#),
            (.apiMeetingItems(id: registers.meeting), #"{"title": "Matrix item \#(index)"}"#),
            (.apiMeetingActions(id: registers.meeting), #"{"description": "Matrix action", "owner": "PMO"}"#),
            (.apiAgendaItem(id: registers.agendaItem), #"{"outcome": "Noted"}"#),
            (.apiMeetingPortfolio(id: registers.meeting), #"{"portfolio": null}"#),
            (.apiImports(portfolio: ids.cdg.info.id), "CDG\tPROJECT REFERENCE\tPRIORITY\nMaternity\tMAT001\tMatrix"),
            (.apiImportPreview(portfolio: ids.cdg.info.id, id: UUID()), "{}"),
            (.apiImportApply(portfolio: ids.cdg.info.id, id: UUID()), "{}"),
        ]
    }

    static func method(of link: Link) -> HTTPMethod {
        [
            .apiProject, .apiUser, .apiPerson, .apiGlossaryEntry, .apiRisk, .apiBusinessCase, .apiDeliverable,
            .apiAgendaItem, .apiMeetingPortfolio, .apiPrioritisationPortfolio, .apiFundingRoundPortfolio,
        ].contains(link.route) ? .PUT : .POST
    }

    /// Sam Sro: an editor of Maternity, named by the PMO as MAT001's SRO (with her email, so she answers for it).
    static func addSubmitter(_ app: Application, _ ids: DemoIDs) async throws -> Actor {
        let pmo = Actor.commandLine("matrix")
        let user = try await Users.add(
            app.db, pmo, email: Visitor.submitterEmail, name: Visitor.submitterName, role: .editor,
            password: DemoLoader.adminPassword, programmeIDs: [ids.maternity.id], cost: 4)
        let project = try await Structure.project(app.db, id: ids.mat001.id)
        try await Structure.updateProject(
            app.db, pmo, id: ids.mat001.id,
            changes: ProjectChanges(
                reference: project.project.reference, title: project.project.title, sro: Visitor.submitterName,
                lead: project.project.lead,
                programmeID: ids.maternity.id, baseVersion: project.version))
        let person = try #require(try await Directory.find(app.db, name: Visitor.submitterName))
        _ = try await Directory.setEmail(app.db, pmo, personID: person.id, email: Visitor.submitterEmail)
        return try #require(try await Users.actor(app.db, userID: user.id))
    }

    @Test("Every route gives each visitor the status the table says", arguments: Backend.all)
    func matrix(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let registered = Set(
                app.routes.all.map { "\($0.method.rawValue) \($0.path.map(\.description).joined(separator: "/"))" })
            let seen = try await Self.observe(app)
            if ProcessInfo.processInfo.environment["ASSURE_PRINT_MATRIX"] != nil {
                for key in seen.keys.sorted() {
                    print("        \"\(key)\": \"\(seen[key]!.map(String.init).joined(separator: " "))\",")
                }
            }
            #expect(Set(seen.keys) == registered, "every registered route is tried")
            #expect(
                registered.subtracting(Self.expected.keys).isEmpty,
                "a route without a row: \(registered.subtracting(Self.expected.keys).sorted())")
            for (key, statuses) in seen {
                let expected = Self.expected[key]?.split(separator: " ").compactMap { UInt($0) }
                #expect(statuses == expected, "\(key): anonymous, viewer, other editor, this editor, submitter, admin")
            }
        }
    }

    /// anonymous · viewer · editor of another programme · editor of this programme (Maternity) · editor of this programme
    /// who is also its SRO and submitted the return under review · admin.
    static let expected: [String: String] = [
        // Notes on the rows that are not plain allow/deny:
        // - imports/:job is a job id that does not exist: 404 for all who may sign in.
        // - POST open: October is open already (422 to the PMO, after the permission check).
        // - POST workbook: no file was sent, so 422 once the visitor may upload (this editor and the PMO).
        // - POST import: the PMO gets the preview page (200); import/apply then imports (303).
        // - POST setup: refused to all once set up; POST login: "nobody" has no account (401).
        // - POST tokens: any signed-in user makes their own token (201, the secret in the page).
        "GET ": "303 200 200 200 200 200",
        "GET account": "303 200 200 200 200 200",
        "GET api/openapi.json": "200 200 200 200 200 200",
        "GET api/v1/business-cases": "401 200 200 200 200 200",
        "GET api/v1/deliverables": "401 200 200 200 200 200",
        "GET api/v1/funding-rounds": "401 200 200 200 200 200",
        "GET api/v1/glossary": "401 200 200 200 200 200",
        "GET api/v1/meetings": "401 200 200 200 200 200",
        "GET api/v1/outcomes": "401 200 200 200 200 200",
        "GET api/v1/periods/:period": "401 200 200 200 200 200",
        "GET api/v1/periods/:period/exceptions": "401 200 200 200 200 200",
        "GET api/v1/periods/:period/priorities": "401 200 200 200 200 200",
        "GET api/v1/periods/:period/programme-dashboard": "401 200 200 200 200 200",
        "GET api/v1/periods/:period/returns": "401 200 200 200 200 200",
        "GET api/v1/periods/:period/returns/:project": "401 403 403 200 200 200",
        "GET api/v1/portfolios": "401 200 200 200 200 200",
        "GET api/v1/portfolios/:portfolio/changes": "401 200 200 200 200 200",
        "GET api/v1/portfolios/:portfolio/projects": "401 200 200 200 200 200",
        "GET api/v1/portfolios/:portfolio/slip-forecasts": "401 200 200 200 200 200",
        "GET api/v1/portfolios/:portfolio/dependencies": "401 200 200 200 200 200",
        "GET api/v1/dependencies/:item": "401 404 404 404 404 404",
        // MAT001's dependency (recorded by the form earlier in the run): past the check of who asks, already there.
        "POST api/v1/projects/:project/dependencies": "401 403 403 422 422 422",
        "DELETE api/v1/dependencies/:item": "401 403 403 204 204 204",
        "GET api/v1/projects/:project": "401 200 200 200 200 200",
        "GET api/v1/risks": "401 200 200 200 200 200",
        "GET assets/assure.css": "200 200 200 200 200 200",
        "GET audit": "303 403 403 403 403 200",
        "GET business-cases": "303 200 200 200 200 200",
        "GET business-cases/cases/:item": "303 403 403 403 403 200",
        "GET deliverables": "303 200 200 200 200 200",
        "GET deliverables/:item": "303 403 403 403 403 200",
        "GET funding-rounds": "303 200 200 200 200 200",
        "GET glossary": "303 200 200 200 200 200",
        "GET glossary/:item": "303 403 403 403 403 200",
        "GET imports/:job": "303 404 404 404 404 404",
        "GET login": "200 303 303 303 303 303",
        // No sign-in service is configured here, so none is found (SignInTests has them).
        "GET login/with/:provider": "404 404 404 404 404 404",
        "GET login/with/:provider/return": "404 404 404 404 404 404",
        "GET meetings": "303 200 200 200 200 200",
        "GET meetings/:item": "303 200 200 200 200 200",
        "GET outbox": "303 403 403 403 403 200",
        "GET outcomes": "303 200 200 200 200 200",
        "GET outcomes/:item": "303 200 200 200 200 200",
        "GET people": "303 403 403 403 403 200",
        "GET periods/:period/exceptions": "303 200 200 200 200 200",
        "GET periods/:period/summary": "303 200 200 200 200 200",
        // - GET publish/confirm: with no choice made, the returns page comes back asking for it (422).
        "GET periods/:period/publish/confirm": "303 403 403 403 403 422",
        "GET portfolios": "303 200 200 200 200 200",
        "GET periods/:period/paper": "303 200 200 200 200 200",
        "GET periods/:period/priorities": "303 200 200 200 200 200",
        "GET periods/:period/programme-dashboard": "303 200 200 200 200 200",
        "GET periods/:period/returns": "303 200 200 200 200 200",
        "GET periods/:period/returns/:project": "303 403 403 200 200 200",
        "GET periods/:period/workbook": "303 403 403 200 200 200",
        "GET portfolios/:portfolio": "303 200 200 200 200 200",
        "GET portfolios/:portfolio/changes": "303 200 200 200 200 200",
        "GET portfolios/:portfolio/import": "303 403 403 403 403 200",
        "GET portfolios/:portfolio/project-list": "303 200 200 200 200 200",
        "GET portfolios/:portfolio/slip-forecasts": "303 200 200 200 200 200",
        "GET portfolios/:portfolio/dependencies": "303 200 200 200 200 200",
        "GET projects/:project": "303 200 200 200 200 200",
        "GET projects/:project/edit": "303 403 403 200 200 200",
        "GET risks": "303 200 200 200 200 200",
        "GET risks/:item": "303 200 200 200 200 200",
        "GET setup": "303 303 303 303 303 303",
        "GET tokens": "303 200 200 200 200 200",
        "GET users": "303 403 403 403 403 200",
        "GET webhooks": "303 403 403 403 403 200",
        // - POST webhooks: the secret is in the page that answers (201), never in a redirect.
        "POST webhooks": "303 403 403 403 403 201",
        "POST webhooks/:item/remove": "303 403 403 403 403 303",
        "GET sign-in-groups": "303 403 403 403 403 200",
        // - POST sign-in-groups: no sign-in service is set up here, so the PMO's form comes back naming that.
        "POST sign-in-groups": "303 403 403 403 403 422",
        "POST sign-in-groups/:item/remove": "303 403 403 403 403 303",
        "GET users/:item": "303 403 403 403 403 200",
        "GET account/password": "303 200 200 200 200 200",
        "POST users/:item": "303 403 403 403 403 303",
        "POST users/:item/disable": "303 403 403 403 403 303",
        "POST users/:item/enable": "303 403 403 403 403 303",
        "POST account/password": "303 422 422 422 422 422",
        "POST business-cases": "303 403 403 403 403 303",
        "POST business-cases/:item/cases": "303 403 403 403 403 303",
        "POST business-cases/:item/portfolio": "303 403 403 403 403 303",
        "POST funding-rounds/:item/portfolio": "303 403 403 403 403 303",
        "POST meetings/:item/portfolio": "303 403 403 403 403 303",
        "POST business-cases/cases/:item": "303 403 403 403 403 303",
        "POST deliverables": "303 403 403 403 403 303",
        "POST deliverables/:item": "303 403 403 403 403 303",
        "POST funding-rounds": "303 403 403 403 403 303",
        "POST funding-rounds/:item/allocations": "303 403 403 403 403 303",
        "POST glossary": "303 403 403 403 403 303",
        "POST glossary/:item": "303 403 403 403 403 303",
        "POST login": "401 303 303 303 303 303",
        "POST logout": "303 303 303 303 303 303",
        "POST meetings": "303 403 403 403 403 303",
        "POST meetings/:item/actions": "303 403 403 403 403 303",
        "POST meetings/:item/items": "303 403 403 403 403 303",
        "POST meetings/items/:item/outcome": "303 403 403 403 403 303",
        "POST outbox/:message/retry": "303 403 403 403 403 303",
        "POST outcomes": "303 403 403 403 403 303",
        "POST outcomes/:item": "303 403 403 403 403 303",
        "POST people/:person": "303 403 403 403 403 303",
        "POST periods/:period/chase": "303 403 403 403 403 303",
        "POST periods/:period/close": "303 403 403 403 403 303",
        "POST periods/:period/open": "303 403 403 403 403 422",
        "POST periods/:period/paper/texts": "303 403 403 403 403 303",
        "POST periods/:period/publish": "303 403 403 403 403 303",
        "POST periods/:period/reopen": "303 403 403 403 403 303",
        "POST periods/:period/returns/:project": "303 403 403 303 303 303",
        "POST periods/:period/returns/:project/review": "303 403 403 403 403 303",
        "POST periods/:period/workbook": "303 403 403 422 422 422",
        "POST portfolios": "303 403 403 403 403 303",
        "POST portfolios/:portfolio/checks": "303 403 403 403 403 303",
        "POST portfolios/:portfolio/import": "303 403 403 403 403 200",
        "POST portfolios/:portfolio/import/apply": "303 403 403 403 403 303",
        "POST portfolios/:portfolio/periods": "303 403 403 403 403 303",
        "POST portfolios/:portfolio/programmes": "303 403 403 403 403 303",
        "POST portfolios/:portfolio/projects": "303 403 403 303 303 303",
        "POST projects/:project/edit": "303 403 403 303 303 303",
        // (the second editor and the PMO add what the first added: "already recorded", 422)
        "POST projects/:project/dependencies": "303 403 403 303 422 422",
        "POST projects/:project/dependencies/:item/remove": "303 403 403 303 303 303",
        "POST risks": "303 403 403 403 403 303",
        "POST risks/:item": "303 403 403 403 403 303",
        "POST risks/registers/:item": "303 403 403 403 403 303",
        "POST setup": "403 403 403 403 403 403",
        "POST tokens": "303 201 201 201 201 201",
        "POST tokens/:item/revoke": "303 403 403 403 403 303",
        "POST users": "303 403 403 403 403 303",
        "PUT api/v1/periods/:period/returns/:project": "401 403 403 200 200 200",
        // The API's writes (by token; see observeAPIWrites): only the PMO runs periods; nobody reviews their own return.
        "POST api/v1/portfolios/:portfolio/periods": "401 403 403 403 403 201",
        "POST api/v1/portfolios": "401 403 403 403 403 201",
        "POST api/v1/portfolios/:portfolio/programmes": "401 403 403 403 403 201",
        "POST api/v1/portfolios/:portfolio/projects": "401 403 403 201 201 201",
        "PUT api/v1/projects/:project": "401 403 403 200 200 200",
        "GET api/v1/portfolios/:portfolio": "401 200 200 200 200 200",
        "GET api/v1/users": "401 403 403 403 403 200",
        "GET api/v1/glossary/:item": "401 200 200 200 200 200",
        "POST api/v1/glossary": "401 403 403 403 403 201",
        "PUT api/v1/glossary/:item": "401 403 403 403 403 200",
        "DELETE api/v1/glossary/:item": "401 403 403 403 403 204",
        "GET api/v1/users/:item": "401 403 403 403 403 200",
        "GET api/v1/people": "401 403 403 403 403 200",
        "POST api/v1/users": "401 403 403 403 403 201",
        "PUT api/v1/users/:item": "401 403 403 403 403 200",
        "POST api/v1/users/:item/disable": "401 403 403 403 403 200",
        "POST api/v1/users/:item/enable": "401 403 403 403 403 200",
        "PUT api/v1/people/:person": "401 403 403 403 403 200",
        // The registers by API: the PMO's alone.
        "POST api/v1/risk-registers": "401 403 403 403 403 201",
        "GET api/v1/risk-registers/:item": "401 200 200 200 200 200",
        "POST api/v1/risk-registers/:item/risks": "401 403 403 403 403 201",
        "GET api/v1/risks/:item": "401 200 200 200 200 200",
        "PUT api/v1/risks/:item": "401 403 403 403 403 200",
        "POST api/v1/prioritisations": "401 403 403 403 403 201",
        "GET api/v1/prioritisations/:item": "401 200 200 200 200 200",
        "POST api/v1/prioritisations/:item/cases": "401 403 403 403 403 201",
        "PUT api/v1/prioritisations/:item/portfolio": "401 403 403 403 403 200",
        "GET api/v1/business-cases/:item": "401 200 200 200 200 200",
        "PUT api/v1/business-cases/:item": "401 403 403 403 403 200",
        "POST api/v1/funding-rounds": "401 403 403 403 403 201",
        "GET api/v1/funding-rounds/:item": "401 200 200 200 200 200",
        "POST api/v1/funding-rounds/:item/allocations": "401 403 403 403 403 201",
        "PUT api/v1/funding-rounds/:item/portfolio": "401 403 403 403 403 200",
        "POST api/v1/outcomes": "401 403 403 403 403 201",
        "GET api/v1/outcomes/:item": "401 200 200 200 200 200",
        "POST api/v1/outcomes/:item/values": "401 403 403 403 403 200",
        "POST api/v1/deliverables": "401 403 403 403 403 201",
        "GET api/v1/deliverables/:item": "401 200 200 200 200 200",
        "PUT api/v1/deliverables/:item": "401 403 403 403 403 200",
        "POST api/v1/meetings": "401 403 403 403 403 201",
        "GET api/v1/meetings/:item": "401 200 200 200 200 200",
        "POST api/v1/meetings/:item/items": "401 403 403 403 403 201",
        "POST api/v1/meetings/:item/actions": "401 403 403 403 403 201",
        "PUT api/v1/meetings/:item/portfolio": "401 403 403 403 403 200",
        "GET api/v1/agenda-items/:item": "401 200 200 200 200 200",
        // Imports by API: the PMO's; the upload and the job here are made-up ids, so the PMO's answer is 404.
        "POST api/v1/portfolios/:portfolio/imports": "401 403 403 403 403 201",
        "GET api/v1/portfolios/:portfolio/imports/:item": "401 403 403 403 403 404",
        "POST api/v1/portfolios/:portfolio/imports/:item/preview": "401 403 403 403 403 404",
        "POST api/v1/portfolios/:portfolio/imports/:item/apply": "401 403 403 403 403 404",
        "GET api/v1/import-jobs/:item": "401 404 404 404 404 404",
        "PUT api/v1/agenda-items/:item": "401 403 403 403 403 200",
        "GET api/v1/portfolios/:portfolio/programmes": "401 200 200 200 200 200",
        "POST api/v1/periods/:period/open": "401 403 403 403 403 200",
        "POST api/v1/periods/:period/close": "401 403 403 403 403 200",
        "POST api/v1/periods/:period/publish": "401 403 403 403 403 200",
        "POST api/v1/periods/:period/reopen": "401 403 403 403 403 200",
        "POST api/v1/periods/:period/returns/:project/review": "401 403 403 403 403 200",
    ]
}
