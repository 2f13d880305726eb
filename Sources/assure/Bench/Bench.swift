import ArgumentParser
import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation

/// `assure bench`: the figures of BENCHMARKS.md for one database holding a generated portfolio.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure dashboards, publication and HTTP serving on a generated portfolio (see BENCHMARKS.md).")

    @OptionGroup var db: DatabaseOption
    @Option(help: "Timed repetitions of each in-process measurement.") var iterations = 15
    @Option(help: "Timed publications (each rolled back).") var publishIterations = 5
    @Option(help: "Seconds of load per route.") var httpSeconds = 8
    @Option(help: "Concurrent connections for wrk.") var connections = 16
    @Option(help: "The port for the server under test.") var port = 18_181
    @ArgumentParser.Flag(help: "Measure in process only; no server, no wrk.") var skipHTTP = false
    @Option(help: "Also write the results as JSON to this file.") var json: String?
    @Option(help: "A Redmine loaded with the same portfolio (scripts/redmine-peer), e.g. http://127.0.0.1:3300.")
    var redmineURL: String?
    @Option(help: "An API key of that Redmine's admin.") var redmineKey: String?

    func validate() throws {
        var problems: [String] = []
        if iterations < 1 { problems.append("--iterations \(iterations): use 1 or more") }
        if publishIterations < 1 { problems.append("--publish-iterations \(publishIterations): use 1 or more") }
        if httpSeconds < 1 { problems.append("--http-seconds \(httpSeconds): use 1 or more") }
        if connections < 1 { problems.append("--connections \(connections): use 1 or more") }
        if (redmineURL == nil) != (redmineKey == nil) { problems.append("--redmine-url and --redmine-key go together") }
        if redmineURL != nil && skipHTTP {
            problems.append("--redmine-url needs the HTTP measurements: drop --skip-http")
        }
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }

    func run() async throws {
        let cpuAtStart = CPUTimes.read()
        var results = try await Storage.withDatabase(db.target) { db in
            try await InProcessBench(db: db, iterations: iterations, publishIterations: publishIterations).run()
        }
        results.database = "\(results.database) in \(db.target)"
        results.floor = try floor(results)
        print(results.inProcessSummary)
        if !skipHTTP {
            try await serveAndLoad(&results)
            print(results.httpSummary)
            if let staticFile = results.staticFile { print(staticFile.summary) }
            if let peer = results.peer { print(peer.summary) }
        }
        results.stealPercent = CPUTimes.stealPercent(from: cpuAtStart, to: CPUTimes.read())
        print(
            "CPU time stolen by the host during the run: \(results.stealPercent.map { String(format: "%.0f%%", $0) } ?? "not read")"
        )
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(results).write(to: URL(fileURLWithPath: json))
        }
    }

    /// The same rows, read by sqlite3 or psql in a process of its own, as many times as the dashboard was built.
    private func floor(_ results: BenchResults) throws -> Timings {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("assure-floor-\(getpid()).sql").path
        try FloorQuery.sql(
            portfolio: results.portfolioID, open: results.openPeriodID, previous: results.previousPeriodID
        )
        .write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (tool, arguments): (String, [String]) =
            switch db.target {
            case .sqlite(let path): ("sqlite3", [path, ".read \(file)"])
            case .postgres(let url): ("psql", [url, "-q", "-f", file])
            }
        try Subprocess.run(tool, arguments, discardOutput: true)  // warm the cache as the dashboard was warmed
        var timings = Timings()
        for _ in 0..<iterations {
            let start = Clock.now()
            try Subprocess.run(tool, arguments, discardOutput: true)
            timings.seconds.append(Clock.now() - start)
        }
        return timings
    }

    /// Starts `assure serve` on the same database, signs in as the benchmark's user, and loads the routes a board
    /// member and a script would use.
    private func serveAndLoad(_ results: inout BenchResults) async throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let database = db.database ?? ProcessInfo.processInfo.environment["ASSURE_DATABASE"] ?? "assure.sqlite"
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("assure-bench-server.log").path
        let server = try Subprocess.start(
            executable,
            [
                "serve", "--database", database, "--port", String(port),
                "--hostname", "127.0.0.1", "--delivery-interval", "3600",
            ], log: log)
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let jar = FileManager.default.temporaryDirectory.appendingPathComponent("assure-bench-\(getpid()).cookies").path
        defer { try? FileManager.default.removeItem(atPath: jar) }
        let load = LoadTest(
            base: "http://127.0.0.1:\(port)", seconds: httpSeconds, connections: connections, cookieJar: jar)
        try load.waitUntilUp()
        let cookie = try load.signIn(email: InProcessBench.userEmail, password: InProcessBench.userPassword)
        let previous = results.previousPeriodID?.uuidString ?? results.openPeriodID.uuidString
        var loads = [
            try load.load(
                "/periods/\(previous)/programme-dashboard?programme=\(results.firstProgrammeID.uuidString)",
                cookie: cookie),
            try load.load("/api/v1/portfolios/\(results.portfolioID.uuidString)/projects?limit=100", cookie: cookie),
            try load.load("/api/v1/periods/\(previous)/programme-dashboard", cookie: cookie, connections: 4),
        ]
        // The open period is built on every request: a few connections show its latency without queueing.
        loads.append(
            try load.load(
                "/periods/\(results.openPeriodID.uuidString)/programme-dashboard?programme=\(results.firstProgrammeID.uuidString)",
                cookie: cookie, connections: 2))
        // The whole portfolio's JSON, fetched whole: from 50,000 projects it is streamed, and its first byte is the
        // figure that says no request waits for the whole portfolio to be read.
        results.streamedJSON = try load.stream("/api/v1/periods/\(previous)/programme-dashboard", cookie: cookie)
        results.http = loads
        results.serverMemory = MemoryReading(pid: server.processIdentifier)
        results.staticFile = try StaticFileComparison.run(load, path: loads[0].route, cookie: cookie, port: port + 1)
        results.peer = try compareWithPeer(load, cookie: cookie, results: results, assurePage: loads[1])
    }

    private func compareWithPeer(
        _ load: LoadTest, cookie: String, results: BenchResults, assurePage: LoadResult
    ) throws -> PeerComparison? {
        guard let redmineURL, let redmineKey else { return nil }
        let key = "X-Redmine-API-Key: \(redmineKey)"
        let peerPage = try LoadTest(
            base: redmineURL, seconds: httpSeconds, connections: connections, cookieJar: load.cookieJar
        )
        .load("/projects.json?limit=100", headers: [key])
        let assureList = { (offset: Int) in
            "\(load.base)/api/v1/portfolios/\(results.portfolioID.uuidString)/projects?limit=100&offset=\(offset)"
        }
        let peerList = { (offset: Int) in "\(redmineURL)/projects.json?limit=100&offset=\(offset)" }
        let assureTotal =
            PeerComparison.total(in: try Subprocess.run("curl", ["-s", "-H", "Cookie: \(cookie)", assureList(0)])) ?? 0
        let peerTotal = PeerComparison.total(in: try Subprocess.run("curl", ["-s", "-H", key, peerList(0)])) ?? 0
        guard assureTotal == peerTotal, assureTotal > 0 else {
            throw BenchError(
                "the peer holds \(peerTotal) projects and Assure \(assureTotal): load the peer from this database")
        }
        var comparison = PeerComparison(assurePage: assurePage, peerPage: peerPage, pages: (assureTotal + 99) / 100)
        comparison.assureWholeList = try PeerComparison.fetchAll(
            pageURL: assureList, total: assureTotal, headers: ["Cookie: \(cookie)"], repetitions: 3)
        comparison.peerWholeList = try PeerComparison.fetchAll(
            pageURL: peerList, total: peerTotal, headers: [key], repetitions: 3)
        return comparison
    }
}
