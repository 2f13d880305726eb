import ArgumentParser
import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import FluentKit
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a table page as CSV or XLSX (one sheet per table).")

    enum Table: String, ExpressibleByArgument, CaseIterable {
        case programmeDashboard = "programme-dashboard", priorities, exceptions, returns, projects, people, users,
            outbox, audit
    }

    @Argument(
        help:
            "programme-dashboard, priorities, exceptions, returns (need --period); projects (needs --portfolio); people; users; outbox; audit."
    )
    var table: Table
    @Option(help: "The period, as YYYY-MM.") var period: String?
    @Option(help: "The portfolio.") var portfolio: String?
    @Option(help: "csv or xlsx.") var format: String = "csv"
    @Option(help: "Write to this file (required for xlsx; CSV goes to standard output without it).") var output: String?
    @OptionGroup var db: DatabaseOption

    func run() async throws {
        guard let download = TableDownload(rawValue: format) else {
            throw ValidationError("--format \(format): use csv or xlsx")
        }
        if download == .xlsx, output == nil { throw ValidationError("--format xlsx needs --output FILE") }
        try await CLI.run {
            let data = try await Storage.withDatabase(db.target) { database in
                try download.data(try await tables(database))
            }
            guard let output else { FileHandle.standardOutput.write(data); return }
            do { try data.write(to: URL(fileURLWithPath: output)) } catch {
                throw ValidationError("--output \(output): cannot write there (\(error.localizedDescription))")
            }
        }
    }

    private func tables(_ database: any Database) async throws -> [ReportTable] {
        switch table {
        case .programmeDashboard, .priorities, .exceptions, .returns:
            guard let period else { throw ValidationError("\(table.rawValue) needs --period YYYY-MM") }
            let (_, found) = try await Catalogue.findPeriod(database, key: period, portfolio: portfolio)
            if table == .returns {
                return [
                    ExportTables.returns(try await Returns.tracking(database, periodID: found.id), showAddresses: true)
                ]
            }
            let kind: ReportKind =
                table == .priorities ? .priorities : table == .exceptions ? .exceptions : .programmeDashboard
            return kind.tables(try await Reports.report(database, periodID: found.id))
        case .projects:
            guard let portfolio else { throw ValidationError("projects needs --portfolio NAME") }
            let summary = try await Catalogue.findPortfolio(database, name: portfolio)
            return [
                ExportTables.projects(
                    portfolio: summary.info, items: try await ProjectList.all(database, portfolioID: summary.info.id),
                    attributes: try await Imports.attributes(database, portfolioID: summary.info.id))
            ]
        case .people:
            return [ExportTables.people(try await Directory.people(database))]
        case .users:
            return [ExportTables.users(try await Users.list(database))]
        case .outbox:
            return [ExportTables.outbox(try await Outbox.list(database, limit: 100_000))]
        case .audit:
            return [ExportTables.audit(try await AuditLog.recent(database, limit: 100_000))]
        }
    }
}
