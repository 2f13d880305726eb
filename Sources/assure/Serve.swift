import ArgumentParser
import AssureApp
import AssureCore
import AssureDemo
import AssureOpenID
import AssureOutput
import AssureStorage
import AssureWeb
import Foundation
import Vapor

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web app.")

    @ArgumentParser.OptionGroup var db: DatabaseOption
    @ArgumentParser.Option(help: "The address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "The port to listen on.") var port = 8080
    @ArgumentParser.Flag(help: "Load the demo portfolios if the database is empty, and print the demo logins.")
    var demo = false
    @ArgumentParser.Flag(
        help: "Mark the session cookie Secure (when served over TLS; implied by an https --public-url).")
    var secureCookies = false
    @ArgumentParser.Option(help: "Bcrypt cost for new passwords (4–31).") var bcryptCost = 12
    @ArgumentParser.OptionGroup var mail: MailOptions
    @ArgumentParser.Option(
        help: "The address people reach Assure at, for links in emails. Default: http://HOSTNAME:PORT.") var publicURL:
        String?
    @ArgumentParser.Option(help: "Seconds between outbox deliveries and scheduled-chaser checks.")
    var deliveryInterval = 30
    @ArgumentParser.Option(
        help:
            "A proxy or load balancer (address or CIDR, e.g. 10.0.0.0/8) whose X-Forwarded-For names the client; repeat for each."
    )
    var trustedProxy: [String] = []
    @ArgumentParser.Option(
        help: "Seconds a connection may send nothing (mid-request or between requests) before it is closed.")
    var idleTimeout = 30
    @ArgumentParser.Option(
        help:
            "From how many projects a published whole-portfolio dashboard's JSON is written as it is read, programme by programme, instead of built whole and kept in memory."
    )
    var streamDashboardsFrom = 50_000
    @ArgumentParser.Option(
        help:
            "This server's name among several behind a load balancer, unique and the same across restarts (default: HOSTNAME:PORT). Responses carry it as X-Served-By."
    )
    var serverName: String?
    @ArgumentParser.Option(
        help: "An address or CIDR range that may read /metrics (Prometheus); repeat for each. Default: loopback.")
    var metricsFrom: [String] = []
    @ArgumentParser.Option(help: "text (the default) or json: one JSON object per line, for a log collector.")
    var logFormat = "text"
    @ArgumentParser.Option(
        help:
            "A JSON file naming the OpenID Connect providers people sign in with (Entra ID, NHSmail), and whether local passwords stay on (docs/SIGN-IN.md)."
    )
    var signIn: String?
    @ArgumentParser.Option(
        help:
            "A receiver webhooks may be sent to: a host (hooks.example.org), its subdomains (*.example.org), or an address or CIDR range; repeat for each. Given, webhooks go to these only; by default, anywhere but Assure's own network."
    )
    var webhookTo: [String] = []

    /// The sign-in settings file, read and checked: in `validate`, so its problems join the others in one message,
    /// and again as the server starts.
    private func signInSettings() -> Result<SignInSettings, SignInSettingsProblems> {
        guard let signIn else { return .success(SignInSettings()) }
        guard let data = FileManager.default.contents(atPath: signIn) else {
            return .failure(SignInSettingsProblems(problems: ["--sign-in \(signIn): the file cannot be read"]))
        }
        do {
            return .success(try SignInSettings.parse(data, source: "--sign-in \(signIn)"))
        } catch let problems as SignInSettingsProblems {
            return .failure(problems)
        } catch {
            return .failure(SignInSettingsProblems(problems: ["--sign-in \(signIn): \(error)"]))
        }
    }

    /// Every bad setting is named in one message, before anything starts.
    func validate() throws {
        var problems: [String] = []
        if !(1...65535).contains(port) { problems.append("--port \(port): use a port from 1 to 65535") }
        if hostname.isEmpty { problems.append("--hostname: give an address such as 127.0.0.1") }
        if !(4...31).contains(bcryptCost) { problems.append("--bcrypt-cost \(bcryptCost): use 4 to 31") }
        if case .postgres(let url) = db.target, (try? Storage.configuration(for: db.target)) == nil {
            problems.append("--database \(url): not a PostgreSQL URL (postgres://user:password@host:port/database)")
        }
        if deliveryInterval < 1 { problems.append("--delivery-interval \(deliveryInterval): use 1 second or more") }
        if let publicURL, URL(string: publicURL)?.scheme?.hasPrefix("http") != true {
            problems.append("--public-url \(publicURL): give an http(s) address such as https://assure.example.nhs.uk")
        }
        if !(1...3600).contains(idleTimeout) { problems.append("--idle-timeout \(idleTimeout): use 1 to 3600 seconds") }
        if streamDashboardsFrom < 0 {
            problems.append("--stream-dashboards-from \(streamDashboardsFrom): use 0 or more")
        }
        for proxy in trustedProxy where NetworkRange(proxy) == nil {
            problems.append("--trusted-proxy \(proxy): give an address or a CIDR range such as 10.0.0.0/8 or fd00::/8")
        }
        if let serverName,
            serverName.isEmpty || serverName.count > 100
                || serverName.contains(where: { !$0.isASCII || $0.isWhitespace || $0.isNewline })
        {
            problems.append("--server-name \(serverName): use 1 to 100 ASCII characters without spaces")
        }
        for range in metricsFrom where NetworkRange(range) == nil {
            problems.append("--metrics-from \(range): give an address or a CIDR range such as 10.0.0.0/8")
        }
        for receiver in webhookTo {
            if let problem = WebhookReceivers.problem(withPattern: receiver) {
                problems.append("--webhook-to \(receiver): \(problem)")
            }
        }
        if !["text", "json"].contains(logFormat) { problems.append("--log-format \(logFormat): use text or json") }
        problems += mail.problems
        if case .failure(let found) = signInSettings() { problems += found.problems }
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }

    func run() async throws {
        let name = serverName ?? "\(ProcessInfo.processInfo.hostName):\(port)"
        if logFormat == "json" { LoggingSystem.bootstrap { JSONLogHandler(label: $0, server: name) } }
        let app = try await Application.make(.init(name: "production", arguments: ["assure", "serve"]))
        do {
            let overTLS = secureCookies || (publicURL?.lowercased().hasPrefix("https://") ?? false)
            var settings = AppSettings(
                database: db.target, loadDemo: demo, bcryptCost: bcryptCost, secureCookies: overTLS,
                mail: mail.settings, publicURL: publicURL ?? "http://\(hostname):\(port)",
                deliveryIntervalSeconds: deliveryInterval, trustedProxies: trustedProxy.compactMap(NetworkRange.init),
                idleTimeoutSeconds: idleTimeout)
            settings.streamDashboardsFromProjects = streamDashboardsFrom
            settings.serverName = name
            settings.signIn = try signInSettings().get()
            settings.webhookReceivers = WebhookReceivers(allowed: webhookTo)
            if !metricsFrom.isEmpty { settings.metricsFrom = metricsFrom.compactMap(NetworkRange.init) }
            try await WebApp.configure(app, settings)
            app.http.server.configuration.hostname = hostname
            app.http.server.configuration.port = port
            // Requests in hand when the server is told to stop get this long to finish (a balancer sends no new ones).
            app.http.server.configuration.shutdownTimeout = .seconds(30)
            print("Assure on http://\(hostname):\(port) with \(db.target)")
            print(
                mail.settings.map { "Mail through \($0.host):\($0.port) (\($0.security.rawValue))." }
                    ?? "No mail server (--smtp-host): chasers and alerts wait in the outbox.")
            if demo {
                print("Demo login: \(DemoLoader.adminEmail) / \(DemoLoader.adminPassword) (PMO admin)")
                for user in DemoLoader.demoUsers {
                    print("            \(user.email) / \(DemoLoader.adminPassword) (\(user.role.rawValue))")
                }
            }
            fflush(nil)
            try await app.execute()
            // SIGTERM or SIGINT: stop taking connections and let the requests in hand finish, before anything they use
            // (the databases above all) is shut down; then the background work is waited for, as the app shuts down.
            await app.server.shutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the demo, or generate a synthetic portfolio for benchmarks.",
        subcommands: [Load.self, Generate.self], defaultSubcommand: Load.self)

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the demo portfolios (seeds 004 and 000) into an empty database.")
        @ArgumentParser.OptionGroup var db: DatabaseOption

        func run() async throws {
            try await CLI.run {
                let loaded = try await Storage.withDatabase(db.target) { try await DemoLoader.loadIfEmpty($0) }
                print(
                    loaded
                        ? "Loaded the demo into \(db.target)."
                        : "\(db.target) already holds portfolios: nothing loaded.")
            }
        }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Generate a synthetic portfolio: programmes, projects with sub-items, slipping milestones, drifting ratings; every period but the last published."
        )
        @ArgumentParser.OptionGroup var db: DatabaseOption
        @ArgumentParser.Option(help: "Projects (1 to 200000).") var projects = 1000
        @ArgumentParser.Option(help: "Milestones per project (0 to 10).") var milestonesPerProject = 3
        @ArgumentParser.Option(help: "Monthly periods, ending September 2019 (1 to 120).") var periods = 36
        @ArgumentParser.Option(help: "The seed: the same seed builds the same portfolio.") var seed: UInt64 = 2016
        @ArgumentParser.Flag(help: "Carry on a generation that was stopped, with the same options.") var resume = false

        func validate() throws {
            var problems: [String] = []
            if !(1...200_000).contains(projects) { problems.append("--projects \(projects): use 1 to 200000") }
            if !(0...10).contains(milestonesPerProject) {
                problems.append("--milestones-per-project \(milestonesPerProject): use 0 to 10")
            }
            if !(1...120).contains(periods) { problems.append("--periods \(periods): use 1 to 120") }
            if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
        }

        func run() async throws {
            let spec = SyntheticPortfolio(
                projects: projects, milestonesPerProject: milestonesPerProject, periods: periods, seed: seed)
            let started = Date()
            try await CLI.run {
                _ = try await Storage.withDatabase(db.target) { db in
                    try await SyntheticLoader.load(db, spec, resuming: resume) { progress in
                        ProgressBar.draw(
                            done: progress.periodsDone, total: progress.periods,
                            label: "period \(progress.periodsDone)/\(progress.periods), \(progress.rows) rows")
                    }
                    let settling = Date()
                    if try await BulkLoadSettling.settle(db) {
                        ProgressBar.finish()
                        print(
                            "Settled the load (VACUUM ANALYZE) in "
                                + String(format: "%.1f", Date().timeIntervalSince(settling)) + " s.")
                    }
                }
            }
            let seconds = Date().timeIntervalSince(started)
            ProgressBar.finish()
            print(
                "Generated “\(spec.name)” in \(db.target): \(periods) periods in \(String(format: "%.1f", seconds)) s.")
        }
    }
}

/// Turns domain errors into one clear line on stderr and a failing exit code.
enum CLI {
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as DomainError {
            FileHandle.standardError.write(Data("assure: \(error.description)\n".utf8))
            throw ExitCode.failure
        } catch let error as ImportProblems {
            try ImportCommand.fail(error.problems)
        } catch let refusal as Papers.NoMeeting {
            let choices = refusal.meetings.map { "  --meeting \($0.id.uuidString)   \($0.title)" }
            FileHandle.standardError.write(
                Data(
                    (["assure: \(refusal.reason)"] + (choices.isEmpty ? [] : ["Its meetings:"] + choices))
                        .joined(separator: "\n").appending("\n").utf8))
            throw ExitCode.failure
        }
    }

    static var actor: AssureCore.Actor { .commandLine(ProcessInfo.processInfo.environment["USER"] ?? "operator") }

    static func write(_ text: String, to output: String?) throws {
        guard let output else { print(text, terminator: text.hasSuffix("\n") ? "" : "\n"); return }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("--output \(output): cannot write there (\(error.localizedDescription))")
        }
    }
}
