import ArgumentParser
import AssureApp
import AssureStorage
import Foundation

@main
struct Assure: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assure",
        abstract: "Portfolio assurance and board reporting for a health and care system.",
        subcommands: [
            Serve.self, Report.self, Period.self, PortfolioCommand.self, ProgrammeCommand.self, ProjectCommand.self,
            User.self, OutboxCommand.self, PersonCommand.self, ImportCommand.self, CheckFileCommand.self,
            ExportCommand.self, PaperCommand.self, AuditCommand.self,
            BackupCommand.self, RestoreCommand.self, ExportAllCommand.self, Demo.self, Bench.self, ForecastCommand.self,
            DependencyCommand.self,
        ])
}

/// --database, shared by every command that touches data.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .long, help: "An SQLite file path, or a postgres:// URL. Default: $ASSURE_DATABASE, else ./assure.sqlite."
    )
    var database: String?

    var target: DatabaseTarget {
        DatabaseTarget(database ?? ProcessInfo.processInfo.environment["ASSURE_DATABASE"])
    }
}
