import ArgumentParser
import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureWeb

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Produce a dashboard for a period.",
        subcommands: [
            ProgrammeDashboardReport.self, PrioritiesReportCommand.self, ExceptionsReportCommand.self,
            ChangesReportCommand.self,
        ])
}

struct ReportOptions: ParsableArguments {
    @Option(help: "The period, as YYYY-MM.") var period: String
    @Option(help: "The portfolio, where more than one has that period.") var portfolio: String?
    @Option(help: "One programme only (its name).") var programme: String?
    @Option(help: "csv, html or json.") var format: String = "html"
    @Option(help: "Write to this file instead of standard output.") var output: String?
    @OptionGroup var db: DatabaseOption

    func produce(_ kind: ReportKind) async throws {
        guard let format = OutputFormat(rawValue: format) else {
            throw ValidationError("--format \(format): use csv, html or json")
        }
        try await CLI.run {
            let text = try await Storage.withDatabase(db.target) { database in
                let (_, period) = try await Catalogue.findPeriod(database, key: self.period, portfolio: portfolio)
                var report = try await Reports.report(database, periodID: period.id)
                if let programme {
                    guard
                        let found = report.programmes.first(where: {
                            $0.programme.name.lowercased() == programme.lowercased()
                        })
                    else {
                        throw DomainError.notFound("programme “\(programme)” in \(report.portfolio.name)")
                    }
                    report = report.only(programme: found.programme.id)
                }
                return try ReportOutput.render(kind, report, format: format)
            }
            try CLI.write(text, to: output)
        }
    }
}

struct ProgrammeDashboardReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme-dashboard",
        abstract: "The programme dashboard (seed 004): summary and detailed tables.")
    @OptionGroup var options: ReportOptions
    func run() async throws { try await options.produce(.programmeDashboard) }
}

struct PrioritiesReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priorities",
        abstract: "The priorities report (seed 000): summary and monitoring reports.")
    @OptionGroup var options: ReportOptions
    func run() async throws { try await options.produce(.priorities) }
}

struct ExceptionsReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exceptions",
        abstract: "The assurance checks' findings: counts per check, then each finding.")
    @OptionGroup var options: ReportOptions
    func run() async throws { try await options.produce(.exceptions) }
}

struct ChangesReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes", abstract: "What changed between two periods of a portfolio.")
    @Option(help: "The portfolio's name.") var portfolio: String
    @Option(help: "The earlier period, as YYYY-MM.") var from: String
    @Option(help: "The later period, as YYYY-MM.") var to: String
    @Option(help: "csv, html or json.") var format: String = "html"
    @Option(help: "Write to this file instead of standard output.") var output: String?
    @OptionGroup var db: DatabaseOption

    func run() async throws {
        guard let format = OutputFormat(rawValue: format) else {
            throw ValidationError("--format \(format): use csv, html or json")
        }
        try await CLI.run {
            let text = try await Storage.withDatabase(db.target) { database in
                let (_, old) = try await Catalogue.findPeriod(database, key: from, portfolio: portfolio)
                let (_, new) = try await Catalogue.findPeriod(database, key: to, portfolio: portfolio)
                return try ReportOutput.renderChanges(
                    try await PeriodComparisons.comparison(database, from: old.id, to: new.id, for: .pmo),
                    format: format)
            }
            try CLI.write(text, to: output)
        }
    }
}
