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

/// Runs `body` with the whole web app on a fresh database of that backend, demo loaded unless told otherwise.
func withWebApp(
    _ backend: Backend, demo: Bool = true, adjust: (inout AppSettings) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    try await withWebApps(backend, count: 1, demo: demo, adjust: { settings, _ in adjust(&settings) }) { apps in
        try await body(apps[0])
    }
}

/// Runs `body` with `count` web apps on one fresh database, as several servers behind a load balancer share one:
/// each app is a server with its own memory, named "server-1", "server-2" and so on.
func withWebApps(
    _ backend: Backend, count: Int, demo: Bool = true, adjust: (inout AppSettings, Int) -> Void = { _, _ in },
    _ body: ([Application]) async throws -> Void
) async throws {
    try await withDatabaseTarget(backend) { target in
        var apps: [Application] = []
        do {
            for number in 1...count {
                let app = try await Application.make(.testing)
                apps.append(app)
                app.logger.logLevel = .warning
                var settings = AppSettings(database: target, loadDemo: demo, bcryptCost: testBcryptCost)
                settings.serverName = "server-\(number)"
                adjust(&settings, number)
                try await WebApp.configure(app, settings)
            }
            try await body(apps)
        } catch {
            for app in apps { try? await app.asyncShutdown() }
            throw error
        }
        for app in apps { try await app.asyncShutdown() }
    }
}

/// A browser's worth of state: the session cookie, and the CSRF token from the last page read.
final class WebClient: @unchecked Sendable {
    /// The server the next request goes to: a test of several servers moves it, as a load balancer would.
    var app: Application
    private(set) var cookie: String?
    private(set) var csrf: String?
    /// In memory by default; `.live` sends through a real HTTP server, where body limits apply.
    var transport: WebTransport = .inMemory
    /// Sent as X-Forwarded-For, as a load balancer in front of Assure would.
    var forwardedFor: String?

    init(_ app: Application) { self.app = app }

    static func signedIn(
        _ app: Application, as email: String, password: String = DemoLoader.adminPassword
    ) async throws -> WebClient {
        let client = WebClient(app)
        _ = try await client.get("/login")
        let response = try await client.post("/login", ["email": email, "password": password])
        #expect(response.status == .seeOther, "sign-in as \(email)")
        return client
    }

    @discardableResult
    func get(_ path: String, extra: HTTPHeaders = [:]) async throws -> WebResponse {
        var headers = headers()
        headers.add(contentsOf: extra)
        let response = try await transport.send(
            app, .GET, path, headers: headers)
        remember(response)
        return response
    }

    /// Posts a form; the CSRF token is added unless `csrf` is false.
    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf: Bool = true) async throws -> WebResponse {
        var fields = fields
        if csrf, let token = self.csrf { fields["_csrf"] = token }
        var headers = headers()
        headers.contentType = .urlEncodedForm
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        let response = try await transport.send(
            app, .POST, path, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Posts a form whose names repeat (checkboxes: `events[]` once per box ticked), in the order given.
    @discardableResult
    func post(_ path: String, pairs: [(String, String)]) async throws -> WebResponse {
        var headers = headers()
        headers.contentType = .urlEncodedForm
        let body = (pairs + [("_csrf", csrf ?? "")]).map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }
            .joined(separator: "&")
        let response = try await transport.send(
            app, .POST, path, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Sends JSON, as a script does; the session's CSRF token goes in X-CSRF-Token when `csrf` is true.
    @discardableResult
    func send(
        _ method: HTTPMethod, _ path: String, json: String, bearer: String? = nil, csrf: Bool = false,
        headers extra: HTTPHeaders = [:]
    ) async throws -> WebResponse {
        var headers = headers()
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        headers.contentType = .json
        if let bearer { headers.bearerAuthorization = BearerAuthorization(token: bearer) }
        if csrf, let token = self.csrf { headers.add(name: "X-CSRF-Token", value: token) }
        let response = try await transport.send(
            app, method, path, headers: headers, body: ByteBuffer(string: json))
        remember(response)
        return response
    }

    /// Posts a multipart form, as a browser sends an upload; fields keep their order (repeated names are lists).
    @discardableResult
    func postMultipart(
        _ path: String, _ fields: [(String, String)], file: (field: String, name: String, data: Data)? = nil,
        csrf: Bool = true
    ) async throws -> WebResponse {
        let boundary = "assure-test-\(UUID().uuidString)"
        var body = Data()
        var all = fields
        if csrf, let token = self.csrf { all.insert(("_csrf", token), at: 0) }
        for (name, value) in all {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        var headers = headers()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let response = try await transport.send(
            app, .POST, path, headers: headers, body: ByteBuffer(data: body))
        remember(response)
        return response
    }

    private func headers() -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        if let forwardedFor { headers.add(name: .xForwardedFor, value: forwardedFor) }
        return headers
    }

    private func remember(_ response: WebResponse) {
        if let setCookie = response.headers.first(name: .setCookie), let pair = setCookie.split(separator: ";").first {
            cookie = String(pair)
        }
        let html = response.body.string
        if let match = html.firstMatch(of: #/name="_csrf" value="([^"]+)"/#) { csrf = String(match.1) }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The demo's ids that pages and forms need.
struct DemoIDs {
    let cdg: PortfolioSummary
    let october: PeriodInfo
    let june: PeriodInfo
    let mat001: ProjectInfo
    let maternity: ProgrammeInfo
    /// Jane Brennan, as a person (lead of MAT001).
    let jane: UUID
    /// A chaser queued for October, so the outbox has a message to act on.
    let queuedMessage: UUID
    /// Karen Kirkham's account (a viewer, none of the matrix's visitors): the user the PMO changes and disables.
    let karenUser: UUID
    /// Seed 002's registers: the STP glossary entry, the prioritisation and its CHC IT case, and the funding round.
    let registers:
        (
            glossaryEntry: UUID, set: UUID, businessCase: UUID, round: UUID, riskRegister: UUID, risk: UUID,
            deliverable: UUID,
            meeting: UUID, agendaItem: UUID, outcome: UUID, paperPeriod: UUID, paperMeeting: UUID
        )

    static func load(_ app: Application) async throws -> DemoIDs {
        let cdg = try await Catalogue.findPortfolio(app.db, name: "CDG Priorities")
        let (_, october) = try await Catalogue.findPeriod(app.db, key: "2016-10", portfolio: "CDG Priorities")
        let (_, june) = try await Catalogue.findPeriod(app.db, key: "2016-06", portfolio: "Transformation Programme")
        let report = try await Reports.report(app.db, periodID: october.id)
        let mat001 = try #require(report.row(reference: "MAT001")).project
        let maternity = try #require(report.programmes.first { $0.programme.name == "Maternity and Family Health" })
            .programme
        let jane = try #require(try await Directory.find(app.db, name: "Jane Brennan")).id
        if try await Outbox.list(app.db).isEmpty {
            _ = try await Chasers.chase(app.db, .commandLine("test setup"), periodID: october.id, links: .none)
        }
        let queuedMessage = try #require(try await Outbox.list(app.db).last).id
        let set = try #require(try await Prioritisations.all(app.db).first)
        let registers = (
            glossaryEntry: try #require(try await GlossaryEntries.all(app.db).first { $0.entry.abbreviation == "STP" })
                .id,
            set: set.id, businessCase: try #require(set.cases.first { $0.name == "CHC IT" }).id,
            round: try #require(try await FundingRounds.all(app.db).first).id,
            riskRegister: try #require(try await RiskRegisters.all(app.db).first).id,
            risk: try #require(try await RiskRegisters.all(app.db).first?.risks.first).id,
            deliverable: try #require(try await KeyDeliverables.all(app.db).first).id,
            meeting: try #require(try await Meetings.all(app.db).first).id,
            agendaItem: try #require(try await Meetings.all(app.db).first?.items.first).id,
            outcome: try #require(try await Outcomes.all(app.db).first).id,
            paperPeriod: try await Catalogue.findPeriod(app.db, key: "2018-03", portfolio: "Our Dorset ICS").1.id,
            paperMeeting: try #require(try await Meetings.all(app.db).first { $0.committee == "Governing Body" }).id
        )
        return DemoIDs(
            cdg: cdg, october: october, june: june, mat001: mat001, maternity: maternity, jane: jane,
            queuedMessage: queuedMessage, karenUser: try await Users.id(app.db, email: "karen.kirkham@assure.demo"),
            registers: registers)
    }

    /// A valid return for MAT001 in October, based on the version now saved.
    func returnFields(
        _ app: Application, rating: String = "Amber", update: String = "Workstreams paused for winter."
    ) async throws -> [String: String] {
        let sheet = try await Returns.sheet(app.db, periodID: october.id, projectID: mat001.id)
        return [
            "rating": rating, "update": update, "mitigation": "", "baseVersion": String(sheet.form.baseVersion),
            "m0-title": "Framework signed off", "m0-date": "Mid December 2016", "m0-rating": "",
        ]
    }
}

/// The app's clock for a test: the system's time plus an offset the test moves on, instead of waiting.
final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0
    /// Where a stopped clock stands before it is advanced; nil for one that also runs with the real time.
    let start: Date?

    /// `stopped`: time moves only when the test moves it, so a test that counts minutes holds however slowly the machine
    /// runs it (on a loaded two-core machine, five password checks once took more than a minute).
    init(stopped: Bool = false) {
        start = stopped ? Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)) : nil
    }

    func advance(by seconds: TimeInterval) { lock.withLock { offset += seconds } }

    var now: @Sendable () -> Date {
        { [self] in (start ?? Date()).addingTimeInterval(lock.withLock { offset }) }
    }
}
