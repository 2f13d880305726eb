import ArgumentParser
import AssureCore
import AssureStorage
import FluentKit
import Foundation

struct Period: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create, open, close and publish reporting periods.",
                                                    subcommands: [Create.self, Open.self, Close.self, Publish.self])

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

        func run() async throws {
            var problems: [String] = []
            let frequency = PeriodFrequency(rawValue: self.frequency)
            if frequency == nil { problems.append("--frequency \(self.frequency): use monthly or quarterly") }
            if let asAt, CalendarDate(iso: asAt) == nil { problems.append("--as-at \(asAt): use YYYY-MM-DD") }
            if let publishOn, CalendarDate(iso: publishOn) == nil { problems.append("--publish-on \(publishOn): use YYYY-MM-DD") }
            if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
            try await CLI.run {
                let period = try await Storage.withDatabase(target.db.target) { db in
                    let portfolio = try await Catalogue.findPortfolio(db, name: target.portfolio)
                    return try await PeriodLifecycle.create(db, CLI.actor, portfolioID: portfolio.info.id, key: target.period,
                                                            frequency: frequency!, asAt: asAt.flatMap(CalendarDate.init(iso:)),
                                                            publishOn: publishOn.flatMap(CalendarDate.init(iso:)))
                }
                print("Created \(period.label) (\(period.key)) in \(target.portfolio), as at \(period.asAt.iso): draft.")
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
        func run() async throws { try await move(target, PeriodLifecycle.publish) }
    }

    static func move(_ target: Target, _ action: @escaping @Sendable (any Database, AssureCore.Actor, UUID) async throws -> PeriodInfo) async throws {
        try await CLI.run {
            let period = try await Storage.withDatabase(target.db.target) { db in
                let (_, period) = try await Catalogue.findPeriod(db, key: target.period, portfolio: target.portfolio)
                return try await action(db, CLI.actor, period.id)
            }
            print("\(period.label) in \(target.portfolio) is now \(period.status.rawValue).")
        }
    }
}
