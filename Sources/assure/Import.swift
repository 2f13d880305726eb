import ArgumentParser
import AssureApp
import AssureCore
import AssureInterchange
import AssureOutput
import AssureStorage
import FluentKit
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import a table (pasted text saved to a file, CSV or XLSX) into a portfolio and period, in one transaction.",
        discussion: """
            Columns are recognised from their headers; --map changes any of them. FIELD is one of:
            \(ColumnTarget.choices.map { "  \($0.text): \($0.title)" }.joined(separator: "\n"))
            COLUMN is a header or a column letter. Nothing is written if any row has an error.
            """)

    @Argument(help: "The file: .txt/.tsv (tab-separated, as copied from a paper), .csv or .xlsx.") var file: String
    @Option(help: "The portfolio to import into.") var portfolio: String
    @ArgumentParser.Flag(help: "Create the portfolio if it does not exist (with --scale).") var createPortfolio = false
    @Option(help: "three-point or five-point, for --create-portfolio.") var scale: String?
    @Option(help: "The period the ratings and updates report on, as YYYY-MM (created as a draft if new).") var period:
        String?
    @Option(name: .customLong("map"), help: "COLUMN=FIELD; repeat for each column to change.") var maps: [String] = []
    @Option(help: "Apply a mapping saved earlier by name.") var mapping: String?
    @Option(help: "Save the mapping used under this name, for next month.") var saveMapping: String?
    @Option(help: "The sheet of a workbook to read (default: the first with data).") var sheet: String?
    @ArgumentParser.Flag(help: "Keep ratings that are not on the scale as written (flagged), instead of refusing them.")
    var keepOffScaleRatings = false
    @ArgumentParser.Flag(help: "Show the mapping, the problems and what would change; write nothing.") var dryRun =
        false
    @ArgumentParser.Flag(
        help:
            "The period is history: open it if need be and publish it with the import, in one transaction (load oldest first)."
    )
    var publish = false
    @OptionGroup var db: DatabaseOption

    func validate() throws {
        if publish, period == nil { throw ValidationError("--publish needs --period: the period the table reports on") }
    }

    func run() async throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw ValidationError("\(file): cannot read it (\(error.localizedDescription))")
        }
        let contents: ImportFile.Contents
        do { contents = try ImportFile.read(data, filename: file) } catch { try Self.fail(error.problems) }
        let table = try pickSheet(contents.tables)
        contents.notes.forEach { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
        try await CLI.run {
            try await Storage.withDatabase(db.target) { database in
                let portfolio = try await findOrCreatePortfolio(database)
                guard var chosen = ImportMapping.guess(table) else {
                    try Self.fail([ImportProblem(row: nil, column: nil, "The table has no header row.")])
                }
                if let mapping, let portfolio {
                    chosen = chosen.applying(
                        saved: try await Imports.savedMapping(database, portfolioID: portfolio.id, name: mapping))
                }
                switch chosen.applying(maps) {
                case .success(let mapped): chosen = mapped
                case .failure(let problems): try Self.fail(problems.problems)
                }
                var context = ImportContext(
                    scale: try scaleKind().map(RatingScale.standard) ?? .threePoint,
                    keepOffScaleRatings: keepOffScaleRatings)
                if let portfolio {
                    context = try await Imports.context(
                        database, portfolioID: portfolio.id, keepOffScaleRatings: keepOffScaleRatings)
                }
                let plan = ImportReader.read(table, mapping: chosen, context: context)
                print(ImportReport.describe(plan))
                guard plan.isClean else { try Self.fail([]) }
                guard !dryRun else { print("Dry run: nothing was written."); return }
                let scale = try scaleKind() ?? .threePoint
                let (name, periodKey, source) = (self.portfolio, period, URL(fileURLWithPath: file).lastPathComponent)
                // A portfolio created for the import is created in the same transaction, so a refused import leaves none.
                let (target, outcome) = try await database.transaction { db in
                    var target = portfolio
                    if target == nil {
                        target = try await Structure.createPortfolio(db, CLI.actor, name: name, scale: scale)
                    }
                    let outcome = try await Imports.apply(
                        db, CLI.actor, portfolioID: target!.id, periodKey: periodKey, plan: plan,
                        source: source, publish: publish
                    ) { done, total in
                        ProgressBar.draw(done: done, total: total, label: "\(done)/\(total) projects")
                    }
                    return (target!, outcome)
                }
                ProgressBar.finish()
                try await PeriodLifecycle.refitForecast(database, after: outcome, portfolioID: target.id)
                if let saveMapping {
                    try await Imports.saveMapping(
                        database, CLI.actor, portfolioID: target.id, name: saveMapping, columns: chosen.saved)
                }
                print(ImportReport.describe(outcome, portfolio: target.name))
            }
        }
    }

    private func pickSheet(_ tables: [ImportTable]) throws -> ImportTable {
        guard let sheet else { return tables[0] }
        guard let table = tables.first(where: { $0.sheet?.lowercased() == sheet.lowercased() }) else {
            throw ValidationError(
                "--sheet \(sheet): the workbook's sheets with data are \(tables.compactMap(\.sheet).joined(separator: ", "))"
            )
        }
        return table
    }

    private func scaleKind() throws -> RatingScaleKind? {
        guard let scale else { return nil }
        guard let kind = RatingScaleKind(rawValue: scale) else {
            throw ValidationError("--scale \(scale): use three-point or five-point")
        }
        return kind
    }

    /// The portfolio, or nil when --create-portfolio is given and it does not exist yet (created only when writing).
    private func findOrCreatePortfolio(_ database: any Database) async throws -> PortfolioInfo? {
        do {
            return try await Catalogue.findPortfolio(database, name: portfolio).info
        } catch DomainError.notFound where createPortfolio {
            guard scale != nil else {
                throw ValidationError("--create-portfolio needs --scale three-point or five-point")
            }
            return nil
        }
    }

    static func fail(_ problems: [ImportProblem]) throws -> Never {
        for problem in problems { FileHandle.standardError.write(Data("assure: \(problem.description)\n".utf8)) }
        FileHandle.standardError.write(Data("assure: nothing was written.\n".utf8))
        throw ExitCode.failure
    }
}

/// What the CLI prints about a plan and an outcome.
enum ImportReport {
    static func describe(_ plan: ImportPlan) -> String {
        var lines = ["Header row \(plan.mapping.headerRow); columns:"]
        for (index, (header, target)) in zip(plan.mapping.headers, plan.mapping.targets).enumerated() {
            lines.append("  \(columnLetter(index)) \(header.isEmpty ? "(blank)" : header) → \(target.text)")
        }
        lines.append(
            "\(plan.dataRows) rows: \(plan.newProgrammes.count) new programmes, \(plan.newProjectCount) new projects, "
                + "\(plan.updatedProjectCount) matched, \(plan.returnCount) returns.")
        for problem in plan.problems {
            lines.append("\(problem.isBlocking ? "error" : "warning"): \(problem.description)")
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ outcome: ImportOutcome, portfolio: String) -> String {
        "Imported into \(portfolio)\(outcome.periodKey.map { ", \($0)\(outcome.published ? " (published)" : outcome.periodCreated ? " (created as a draft)" : "")" } ?? ""): "
            + outcome.summary
    }
}
