import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import AssureWeb
import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Testing
import Vapor

/// A user's browser against the load balancer: real HTTP, the session cookie, the last page's CSRF token, and which
/// server answered each request.
final class BalancedClient: @unchecked Sendable {
    struct Answer {
        let status: HTTPResponseStatus
        let headers: HTTPHeaders
        let body: String
        var server: String? { headers.first(name: "X-Served-By") }
    }

    let base: String
    let http: HTTPClient
    private var cookie: String?
    private var csrf: String?

    init(_ base: String, http: HTTPClient) {
        self.base = base
        self.http = http
    }

    func get(_ path: String) async throws -> Answer {
        try await send(.GET, path, body: nil)
    }

    func post(_ path: String, _ fields: [(String, String)]) async throws -> Answer {
        let all = (csrf.map { [("_csrf", $0)] } ?? []) + fields
        let body = all.map { "\(WebClient.encode($0.0))=\(WebClient.encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    func signIn(_ email: String) async throws {
        _ = try await get("/login")
        let answer = try await post("/login", [("email", email), ("password", DemoLoader.adminPassword)])
        guard answer.status == .seeOther else {
            throw ClusterError(message: "sign-in as \(email): \(answer.status) \(answer.body.prefix(500))")
        }
    }

    /// Reads the home page until `server` answers one: with two servers in turn, the next request goes to the other.
    func steerAway(from server: String?) async throws {
        for _ in 0..<4 {
            if try await get("/").server == server { return }
        }
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> Answer {
        var request = try HTTPClient.Request(url: base + path, method: method)
        if let cookie { request.headers.add(name: "Cookie", value: cookie) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .string(body)
        }
        // Minutes, not seconds: the deadline is there to fail a server that never answers, not a slow machine.
        let response = try await http.execute(request: request, deadline: .now() + .minutes(5)).get()
        let text = response.body.map { String(buffer: $0) } ?? ""
        if let setCookie = response.headers.first(name: "Set-Cookie"), let pair = setCookie.split(separator: ";").first
        {
            cookie = String(pair)
        }
        if let match = text.firstMatch(of: #/name="_csrf" value="([^"]+)"/#) { csrf = String(match.1) }
        return Answer(status: response.status, headers: response.headers, body: text)
    }
}

/// Assure as the README says it can run: several servers on one PostgreSQL behind HAProxy, all started for real on
/// loopback by `scripts/cluster`. One cluster per test (they take a few seconds to start), run one at a time.
@Suite(
    "Several servers behind a real load balancer",
    .serialized,
    .enabled(
        if: TestCluster.isAvailable || TestCluster.isRequired, "HAProxy is not installed (apt-get install haproxy)")
)
struct ClusterTests {
    /// The `assure` built beside the tests.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("assure")
    }

    static func withCluster(
        servers: Int = 2, serveOptions: [String] = [], _ body: (TestCluster, HTTPClient) async throws -> Void
    ) async throws {
        let cluster = try await TestCluster(
            servers: servers, binary: binary,
            serveOptions: ["--bcrypt-cost", "4", "--delivery-interval", "1", "--log-format", "json"] + serveOptions)
        // A connection idle for 5 s is closed by the client, as HAProxy closes one idle for 10 s
        // (`timeout http-keep-alive`): a client that kept it longer sent its next request on a connection the balancer
        // was closing, and failed with "I/O on closed channel" in a loaded whole-suite run.
        let http = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: .init(redirectConfiguration: .disallow, connectionPool: .init(idleTimeout: .seconds(5))))
        do {
            try await body(cluster, http)
        } catch {
            try? await http.shutdown()
            await cluster.stop()
            throw error
        }
        try await http.shutdown()
        await cluster.stop()
    }

    /// A pasted table of `count` new CDG projects, references starting with `prefix`.
    static func table(_ prefix: String, count: Int) -> String {
        "CDG\tPROJECT REFERENCE\tPRIORITY\tRAG\n"
            + (1...count).map { "Mental Health\t\(prefix)\($0)\tProject \(prefix) \($0)\tAmber" }
            .joined(separator: "\n")
    }

    /// Previews a pasted table for October on one server and sends the import to the next; returns the job's page and
    /// the server running it.
    static func startImport(
        _ admin: BalancedClient, portfolio: UUID, table: String
    ) async throws -> (job: String, runner: String, previewer: String) {
        let path = Link.importTable(portfolio: portfolio).path
        _ = try await admin.get(path)
        let preview = try await admin.post(path, [("pasted", table), ("period", "2016-10")])
        #expect(preview.status == .ok, "\(preview.body.prefix(2000))")
        let token = try #require(preview.body.firstMatch(of: #/name="token" value="([^"]+)"/#).map { String($0.1) })
        let fields = [("token", token), ("period", "2016-10")] + ImportPageTests.columns(preview.body)
        let started = try await admin.post(Link.importApply(portfolio: portfolio).path, fields)
        #expect(started.status == .seeOther, "\(started.body.prefix(2000))")
        return (
            try #require(started.headers.first(name: "Location")), try #require(started.server),
            try #require(preview.server)
        )
    }

    struct Count: Decodable { let n: Int }

    /// Runs `kill` the moment another connection holds a row-exclusive lock on `table` (a transaction writing to it),
    /// polling PostgreSQL; false if none did within a minute.
    static func whenWriting(
        _ target: DatabaseTarget, table: String, _ kill: () async throws -> Void
    ) async throws -> Bool {
        try await Storage.withOpenDatabase(target) { db in
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let writers =
                    try await db.sql().raw(
                        """
                        SELECT COUNT(*) AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                        WHERE c.relname = \(bind: table) AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()
                        """
                    ).first(decoding: Count.self)?.n ?? 0
                if writers > 0 {
                    try await kill()
                    return true
                }
                try await Task.sleep(for: .milliseconds(2))
            }
            return false
        }
    }

    /// Waits until the balancer sends requests to `server` again: it takes a restarted server back only after two
    /// passed checks (`rise 2`), a second or two after the server itself is ready, longer on a busy machine.
    static func waitUntilServing(_ url: String, _ server: String, http: HTTPClient) async throws {
        let probe = BalancedClient(url, http: http)
        for _ in 0..<150 {
            if try await probe.get("/login").server == server { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the balancer did not send a request to \(server) within 15 s of its restart")
    }

    static func follow(_ admin: BalancedClient, _ job: String) async throws -> String {
        var page = ""
        for _ in 0..<300 {
            page = try await admin.get(job).body
            if page.contains("Import finished") || page.contains("Nothing was imported") { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        return page
    }

    @Test("Through HAProxy: an import previewed on one server is imported by another, a return goes round both")
    func workAcrossServers() async throws {
        try await Self.withCluster { cluster, http in
            let target = DatabaseTarget.postgres(url: cluster.databaseURL)
            let (cdg, october) = try await Storage.withOpenDatabase(target) { db in
                try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
            }
            // given the PMO signed in through the balancer, whose answers come from both servers in turn
            let admin = BalancedClient(cluster.url, http: http)
            try await admin.signIn(DemoLoader.adminEmail)
            var servers: Set<String> = []
            for _ in 0..<4 { servers.insert(try #require(try await admin.get("/").server)) }
            #expect(servers == ["app-1", "app-2"])
            // when a table is previewed on one server and imported on the other
            let (job, runner, previewer) = try await Self.startImport(
                admin, portfolio: cdg.info.id, table: Self.table("LB", count: 40))
            #expect(runner != previewer)
            // then its progress page, served by either, reports it finished
            let page = try await Self.follow(admin, job)
            #expect(page.contains("Import finished") && page.contains("40 projects created"), "\(page.prefix(3000))")
            // when Karen sends MAT001's return back, Jane resubmits it and Karen approves it, each through the balancer
            let mat001 = try await Storage.withOpenDatabase(target) { db in
                try #require(try await Reports.report(db, periodID: october.id).row(reference: "MAT001")).project.id
            }
            let returnPath = Link.returnForm(period: october.id, project: mat001).path
            let review = Link.reviewReturn(period: october.id, project: mat001).path
            func version() async throws -> String {
                try await Storage.withOpenDatabase(target) { db in
                    String(try await Returns.sheet(db, periodID: october.id, projectID: mat001).version)
                }
            }
            let karen = BalancedClient(cluster.url, http: http)
            try await karen.signIn("karen.kirkham@assure.demo")
            _ = try await karen.get(returnPath)
            let sentBack = try await karen.post(
                review,
                [("action", "return-for-changes"), ("comment", "Date the sign-off."), ("version", try await version())])
            #expect(sentBack.status == .seeOther)
            let jane = BalancedClient(cluster.url, http: http)
            try await jane.signIn("jane.brennan@assure.demo")
            let form = try await jane.get(returnPath)
            #expect(form.body.contains("Date the sign-off."))
            let base = try #require(
                form.body.firstMatch(of: #/name="baseVersion" value="([0-9]+)"/#).map { String($0.1) })
            try await jane.steerAway(from: sentBack.server)
            let resubmitted = try await jane.post(
                returnPath,
                [
                    ("rating", "Amber"), ("update", "Sign-off dated."), ("mitigation", ""), ("baseVersion", base),
                    ("m0-title", "Framework signed off"), ("m0-date", "Mid December 2016"), ("m0-rating", ""),
                    ("action", "submit"),
                ])
            #expect(resubmitted.status == .seeOther, "\(resubmitted.body.prefix(2000))")
            _ = try await karen.get(returnPath)
            try await karen.steerAway(from: resubmitted.server)
            let approved = try await karen.post(
                review, [("action", "approve"), ("comment", ""), ("version", try await version())])
            #expect(approved.status == .seeOther)
            #expect(sentBack.server != resubmitted.server && resubmitted.server != approved.server)
            let state = try await Storage.withOpenDatabase(target) { db in
                try await Returns.sheet(db, periodID: october.id, projectID: mat001).state
            }
            #expect(state == .approved)

            // and each server reports to Prometheus when asked directly, not through the balancer (which of the two
            // took the resubmission depends on how many times the import's page was polled)
            var bodies: [String] = []
            for number in [1, 2] {
                let metrics = try await BalancedClient("http://127.0.0.1:\(cluster.port + number)", http: http)
                    .get("/metrics")
                #expect(metrics.status == .ok)
                #expect(metrics.body.contains(#"assure_outbox_messages{status="pending"}"#))
                #expect(metrics.body.contains("assure_import_jobs_running 0"))
                #expect(metrics.body.contains("assure_database_up 1"))
                #expect(metrics.body.contains(#"assure_cached_bytes{cache="pages"}"#))
                #expect(metrics.body.contains(#"assure_cached_bytes{cache="kept_answers"}"#))
                #expect(metrics.body.contains("assure_cached_report_rows"))
                bodies.append(metrics.body)
            }
            #expect(
                bodies.contains {
                    $0.contains(#"http_requests_total{method="POST",path="/periods/:period/returns/:project","#)
                })
            #expect(
                bodies.contains {
                    $0.contains(#"http_requests_total{method="POST",path="/periods/:period/returns/:project/review","#)
                })
            #expect(try await admin.get("/metrics").status == .notFound)
            // and logs one JSON object per line, naming the server
            let lines = cluster.log(1).split(separator: "\n").filter { $0.hasPrefix("{") }
            #expect(!lines.isEmpty)
            for line in lines {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
                #expect(object?["server"] == "app-1" && object?["level"] != nil && object?["message"] != nil)
            }
        }
    }

    @Test(
        "Faults: a server killed mid-import leaves nothing written and the job failed; servers stopped or killed under load lose no page; PostgreSQL restarted gives 503 with Retry-After, then service again"
    )
    func faults() async throws {
        try await Self.withCluster { cluster, http in
            let target = DatabaseTarget.postgres(url: cluster.databaseURL)
            let cdg = try await Storage.withOpenDatabase(target) { db in
                try await Catalogue.findPortfolio(db, name: "CDG Priorities")
            }
            let admin = BalancedClient(cluster.url, http: http)
            try await admin.signIn(DemoLoader.adminEmail)
            // given an import of 6,000 projects running on one server
            let (job, runner, _) = try await Self.startImport(
                admin, portfolio: cdg.info.id, table: Self.table("KILL", count: 6_000))
            let number = try #require(Int(runner.dropFirst("app-".count)))
            // when that server is killed (SIGKILL) while it writes, and started again
            try await cluster.run("kill-server", number)
            try await cluster.run("start-server", number)
            // then the job is reported failed, saying why, and not one of its projects was written
            let page = try await Self.follow(admin, job)
            #expect(page.contains("Nothing was imported"), "\(page.prefix(3000))")
            #expect(page.contains("stopped before it finished"), "\(page.prefix(3000))")
            let written = try await Storage.withOpenDatabase(target) { db in
                try await ProjectRecord.query(on: db).filter(\.$reference ~~ "KILL").count()
            }
            #expect(written == 0)

            // given a generated portfolio of 3,000 projects whose last month is open, every return approved
            let generated = try await Subprocess.run(
                cluster.binary,
                ["demo", "generate", "--projects", "3000", "--periods", "2", "--database", cluster.databaseURL])
            #expect(generated.status == 0, "\(generated.errors.suffix(2000))")
            let (synthetic, open) = try await Storage.withOpenDatabase(target) { db in
                let synthetic = try await Catalogue.portfolios(db).first { $0.info.name.hasPrefix("Synthetic") }
                return (synthetic, synthetic?.periods.last { $0.status == .open })
            }
            let period = try #require(open)
            // when the PMO publishes it through the balancer and the server doing it is killed while it writes
            let tracking = Link.returnsTracking(period: period.id).path
            let before = try await admin.get(tracking)
            let publisher = before.server == "app-1" ? 2 : 1
            let publishing = Task {
                try await admin.post(Link.publishPeriod(period: period.id).path, [("missing", "carry-forward")])
            }
            let killed = try await Self.whenWriting(target, table: "published_rows") {
                try await cluster.run("kill-server", publisher)
            }
            // then the PMO's request fails (502 from the balancer, or the connection closed), and nothing of it was
            // written: the month is still open, with no rows
            let answer = try? await publishing.value
            #expect(killed, "the publication finished before it could be killed: \(answer?.status.code ?? 0)")
            #expect(answer == nil || answer?.status == .badGateway, "\(answer?.status.code ?? 0)")
            let (status, rows) = try await Storage.withOpenDatabase(target) { db in
                (
                    try await Catalogue.period(db, id: period.id).status,
                    try await db.sql().raw(
                        "SELECT COUNT(*) AS n FROM published_rows WHERE period_id = \(bind: period.id)"
                    ).first(decoding: Count.self)?.n ?? -1
                )
            }
            #expect(status == .open && rows == 0)
            // and publishing again, on the server still standing, works
            try await cluster.run("start-server", publisher)
            _ = try await admin.get(tracking)
            let again = try await admin.post(Link.publishPeriod(period: period.id).path, [("missing", "carry-forward")])
            #expect(again.status == .seeOther, "\(again.body.prefix(2000))")
            #expect(synthetic != nil)

            // given readers loading pages through the balancer
            let failures = NIOLockedValueBox<[String]>([])
            let reading = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<4 {
                        group.addTask {
                            let reader = BalancedClient(cluster.url, http: http)
                            while !Task.isCancelled {
                                let answer = try await reader.get("/login")
                                if answer.status != .ok {
                                    failures.withLockedValue {
                                        $0.append("\(answer.status) from \(answer.server ?? "the balancer")")
                                    }
                                }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            // when one server is stopped (SIGTERM) and started, and the other killed (SIGKILL) and started
            try await Task.sleep(for: .milliseconds(500))
            try await cluster.run("stop-server", 1)
            try await cluster.run("start-server", 1)
            // and, once the balancer has it back in rotation (as a rolling restart waits for), the other is killed
            try await Self.waitUntilServing(cluster.url, "app-1", http: http)
            try await cluster.run("kill-server", 2)
            try await cluster.run("start-server", 2)
            try await Task.sleep(for: .milliseconds(500))
            reading.cancel()
            _ = await reading.result
            // then no reader saw an error
            #expect(failures.withLockedValue { $0 }.isEmpty, "\(failures.withLockedValue { $0 }.prefix(10))")

            // when PostgreSQL stops
            try await cluster.run("stop-database")
            // then a page asked for gets 503 with Retry-After (from a server, or from the balancer once none is ready)
            let down = try await admin.get("/")
            #expect(down.status == .serviceUnavailable)
            #expect(down.headers.first(name: "Retry-After") == "5")
            // when it is back, then the servers reconnect by themselves and the PMO's session still holds
            try await cluster.run("start-database")
            var back: BalancedClient.Answer?
            for _ in 0..<100 {
                let answer = try await admin.get("/")
                if answer.status == .ok { back = answer; break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(back?.body.contains("Sign out") == true)
            // and nothing was lost: the demo's portfolios are all there
            let portfolios = try await Storage.withOpenDatabase(target) { db in
                try await Catalogue.portfolios(db).count
            }
            #expect(portfolios >= 2)
            for server in [1, 2] { #expect(!cluster.log(server).contains("Fatal error"), "app-\(server) crashed") }
        }
    }

    @Test(
        "Faults: the server delivering a chaser killed after the mail server took it but before it said so: the chaser is failed naming that server, never sent twice by itself, and goes again only when the PMO retries it"
    )
    func killedMidDelivery() async throws {
        // given a mail server that stores the first message it is given, then holds back its "250 OK" for two minutes
        let mail = try TestMailServer(options: ["--hold-first", "120"])
        try mail.start()
        defer { mail.stop() }
        let smtp = [
            "--smtp-host", "127.0.0.1", "--smtp-port", String(mail.port), "--smtp-security", "none",
            "--smtp-timeout", "5",
        ]
        try await Self.withCluster(serveOptions: smtp) { cluster, http in
            let target = DatabaseTarget.postgres(url: cluster.databaseURL)
            // when the PMO chases October's missing returns, and both servers deliver the outbox
            try await Storage.withOpenDatabase(target) { db in
                let (_, october) = try await Catalogue.findPeriod(db, key: "2016-10", portfolio: "CDG Priorities")
                _ = try await Chasers.chase(db, .commandLine("pmo"), periodID: october.id, links: .none)
            }
            // and the server delivering the first chaser is killed (SIGKILL) while it waits for the mail server's reply
            var held: OutboxEntry?
            for _ in 0..<400 where held == nil {
                if let first = mail.messages().first {
                    held = try await Storage.withOpenDatabase(target) { db in
                        try await Outbox.list(db).first {
                            $0.status == .sending && first.contains($0.message.toAddress)
                        }
                    }
                }
                if held == nil { try await Task.sleep(for: .milliseconds(50)) }
            }
            let victim = try #require(held, "no chaser was seen in a server's hands")
            let server = try #require(victim.sendingServer)
            try await cluster.run("kill-server", try #require(Int(server.dropFirst("app-".count))))
            // then, once its lease (2 × 5 s + 10 s) has run out, the other server marks it failed, naming the server
            var entries: [OutboxEntry] = []
            for _ in 0..<60 {
                entries = try await Storage.withOpenDatabase(target) { try await Outbox.list($0) }
                if entries.first(where: { $0.id == victim.id })?.status == .failed { break }
                try await Task.sleep(for: .milliseconds(500))
            }
            let failed = try #require(entries.first { $0.id == victim.id })
            #expect(failed.status == .failed)
            #expect(failed.lastError?.contains("\(server), which was sending it, stopped") == true, "\(failed)")
            #expect(failed.lastError?.contains("may or may not have reached \(victim.message.toAddress)") == true)
            // and every other chaser was delivered, each once, and the interrupted one was not sent again
            try await Task.sleep(for: .seconds(3))
            entries = try await Storage.withOpenDatabase(target) { try await Outbox.list($0) }
            #expect(entries.filter { $0.id != victim.id }.allSatisfy { $0.status == .sent })
            func received(_ address: String) -> Int { mail.messages().filter { $0.contains("<\(address)>") }.count }
            for entry in entries { #expect(received(entry.message.toAddress) == 1, "\(entry.message.toAddress)") }
            #expect(mail.messages().count == entries.count)

            // when the PMO, having checked with the person, retries it on the outbox page through the balancer
            try await cluster.run("start-server", try #require(Int(server.dropFirst("app-".count))))
            let admin = BalancedClient(cluster.url, http: http)
            try await admin.signIn(DemoLoader.adminEmail)
            let page = try await admin.get(Link.outbox.path)
            #expect(page.body.contains("which was sending it, stopped"))
            let retried = try await admin.post(Link.retryMessage(message: victim.id).path, [])
            #expect(retried.status == .seeOther, "\(retried.body.prefix(2000))")
            // then it goes again, once
            for _ in 0..<40 where received(victim.message.toAddress) < 2 {
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(received(victim.message.toAddress) == 2)
            let sent = try await Storage.withOpenDatabase(target) { try await Outbox.list($0) }
            #expect(sent.first { $0.id == victim.id }?.status == .sent)
        }
    }
}
