import ArgumentParser
import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureWeb
import FluentKit
import Foundation

struct Period: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, open, close and publish reporting periods.",
        subcommands: [
            Create.self, Open.self, Close.self, Publish.self, Reopen.self, Returns.self, Chase.self,
            Workbook.self, UploadWorkbook.self,
        ])

    struct Target: ParsableArguments {
        @Option(help: "The portfolio's name.") var portfolio: String
        @Option(help: "The period, as YYYY-MM.") var period: String
        @OptionGroup var db: DatabaseOption
    }

    struct Create: AsyncParsableCommand {
        @OptionGroup var target: Target
        @Option(help: "monthly or quarterly.") var frequency = "monthly"
        @Option(help: "The as-at date (YYYY-MM-DD); default the month's last day.") var asAt: String?
        @Option(help: "The publication date (YYYY-MM-DD).") var publishOn: String?
        @Option(help: "The day returns are due (YYYY-MM-DD); scheduled chasers count back from it.") var returnsDue:
            String?

        /// The form's field ids as this command's options, for naming a bad one.
        static let options = [
            "frequency": "--frequency", "asAt": "--as-at", "publishOn": "--publish-on", "returnsDue": "--returns-due",
        ]

        func run() async throws {
            let draft = PeriodDraft(
                key: target.period, frequency: frequency, asAt: asAt, publishOn: publishOn, returnsDue: returnsDue)
            // Every bad option in one message, before anything is opened.
            if case .failure(.invalid(let errors)) = Result(catching: { () throws(DomainError) in try draft.validated()
            }) {
                throw ValidationError(
                    errors.sorted { $0.key < $1.key }
                        .map { "\(Self.options[$0.key] ?? $0.key) \(draft.fields[$0.key] ?? ""): \($0.value)" }
                        .joined(separator: "\n"))
            }
            try await CLI.run {
                let period = try await Storage.withDatabase(target.db.target) { db in
                    let portfolio = try await Catalogue.findPortfolio(db, name: target.portfolio)
                    return try await PeriodLifecycle.create(db, CLI.actor, portfolioID: portfolio.info.id, draft: draft)
                }
                print(
                    "Created \(period.label) (\(period.key)) in \(target.portfolio), as at \(period.asAt.iso): draft.")
            }
        }
    }

    struct Open: AsyncParsableCommand {
        @OptionGroup var target: Target
        func run() async throws { try await move(target, PeriodLifecycle.open) }
    }

    struct Close: AsyncParsableCommand {
        @OptionGroup var target: Target
        func run() async throws { try await move(target, PeriodLifecycle.close) }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish and freeze a period.")
        @OptionGroup var target: Target
        @Option(
            help: "What happens to returns not in: carry-forward (keep the last return, marked not updated) or block.")
        var missing: String
        @ArgumentParser.Flag(
            help: "Publish the assurance findings with the period, so that board readers see them too.")
        var publishFindings = false

        func validate() throws {
            guard let policy = MissingReturnPolicy(rawValue: missing), policy != .showAsMissing else {
                throw ValidationError("--missing \(missing): use carry-forward or block")
            }
        }

        func run() async throws {
            let policy = MissingReturnPolicy(rawValue: missing)!
            try await move(target) { db, actor, periodID in
                let period = try await PeriodLifecycle.publish(
                    db, actor, periodID: periodID, missing: policy, findings: publishFindings)
                // The board's home page counts what changed since the period before: worked out now (seconds at
                // 100,000 projects) rather than by the first board member to sign in.
                try await BoardSummaries.workOut(db, periodID: periodID)
                try await PeriodLifecycle.refitForecast(db, periodID: periodID)
                return period
            }
        }
    }

    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-open a published period for correction (the reason is audit-logged).")
        @OptionGroup var target: Target
        @Option(help: "Why the period is re-opened.") var reason: String
        func run() async throws {
            let reason = reason
            try await move(target) { try await PeriodLifecycle.reopen($0, $1, periodID: $2, reason: reason) }
        }
    }

    struct Returns: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the returns a period expects and where each stands.")
        @OptionGroup var target: Target
        func run() async throws {
            try await CLI.run {
                let tracking = try await Storage.withDatabase(target.db.target) { db in
                    let (_, period) = try await Catalogue.findPeriod(
                        db, key: target.period, portfolio: target.portfolio)
                    return try await AssureStorage.Returns.tracking(db, periodID: period.id)
                }
                for row in tracking.rows {
                    print(
                        "\(row.state.label.padding(toLength: 22, withPad: " ", startingAt: 0)) \(row.project.displayName) — \(row.owners.map(\.name).joined(separator: ", "))"
                    )
                }
                let counts = ReturnState.allCases.compactMap { state in
                    tracking.counts[state].map { "\($0) \(state.label.lowercased())" }
                }
                print("\(tracking.rows.count) expected: \(counts.joined(separator: ", ")).")
            }
        }
    }

    struct Chase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue a chaser to everyone whose return is missing (sent by `serve` or `outbox deliver`).")
        @OptionGroup var target: Target
        @Option(help: "The address people reach Assure at, for the links in the message.") var publicURL =
            "http://127.0.0.1:8080"
        func run() async throws {
            try await CLI.run {
                let links = AppSettings(database: target.db.target, publicURL: publicURL).noticeLinks
                let result = try await Storage.withDatabase(target.db.target) { db in
                    let (_, period) = try await Catalogue.findPeriod(
                        db, key: target.period, portfolio: target.portfolio)
                    return try await Chasers.chase(db, CLI.actor, periodID: period.id, links: links)
                }
                print("Chasers queued for \(result.queued.count): \(result.queued.joined(separator: ", ")).")
                if !result.alreadyChased.isEmpty {
                    print("Already chased today: \(result.alreadyChased.joined(separator: ", ")).")
                }
                if !result.unreachable.isEmpty {
                    print("No address for: \(result.unreachable.joined(separator: "; ")).")
                }
            }
        }
    }

    static func move(
        _ target: Target,
        _ action: @escaping @Sendable (any Database, AssureCore.Actor, UUID) async throws -> PeriodInfo
    ) async throws {
        try await CLI.run {
            let period = try await Storage.withDatabase(target.db.target) { db in
                let (_, period) = try await Catalogue.findPeriod(db, key: target.period, portfolio: target.portfolio)
                return try await action(db, CLI.actor, period.id)
            }
            print("\(period.label) in \(target.portfolio) is now \(period.status.rawValue).")
        }
    }
}
