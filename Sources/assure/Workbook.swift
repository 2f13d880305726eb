import ArgumentParser
import AssureApp
import AssureCore
import AssureInterchange
import AssureOutput
import AssureStorage
import Foundation

extension Period {
    /// The return workbook from the command line: written for a programme (or every project), and uploaded back.
    struct Workbook: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an open period's return workbook (XLSX) to fill in in Excel.")
        @OptionGroup var target: Target
        @Option(help: "One programme's projects (its name); default every project.") var programme: String?
        @Option(help: "The XLSX file to write.") var output: String

        func run() async throws {
            try await CLI.run {
                let data = try await Storage.withDatabase(target.db.target) { db in
                    let (portfolio, period) = try await Catalogue.findPeriod(
                        db, key: target.period, portfolio: target.portfolio)
                    var programmeID: UUID?
                    if let programme {
                        guard
                            let found = try await Catalogue.programmes(db, portfolioID: portfolio.info.id)
                                .first(where: { $0.name.lowercased() == programme.lowercased() })
                        else {
                            throw DomainError.notFound("programme “\(programme)” in \(portfolio.info.name)")
                        }
                        programmeID = found.id
                    }
                    let contents = try await ReturnWorkbooks.contents(
                        db, CLI.actor, periodID: period.id, programmeID: programmeID)
                    return try XLSXWriter.write(
                        ReturnWorkbook.build(
                            portfolio: contents.portfolio, period: contents.period, due: contents.due,
                            audience: programme ?? portfolio.info.name, rows: contents.lines))
                }
                do { try data.write(to: URL(fileURLWithPath: output)) } catch {
                    throw ValidationError("--output \(output): cannot write there (\(error.localizedDescription))")
                }
            }
        }
    }

    struct UploadWorkbook: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "upload-workbook",
            abstract: "Submit the returns of a filled-in workbook: all of them, or none with every problem listed.")
        @OptionGroup var target: Target
        @Argument(help: "The filled-in XLSX file.") var file: String

        func run() async throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw ValidationError("\(file): cannot read it")
            }
            try await CLI.run {
                let count = try await Storage.withDatabase(target.db.target) { db in
                    let (portfolio, period) = try await Catalogue.findPeriod(
                        db, key: target.period, portfolio: target.portfolio)
                    let tables = try ImportFile.read(data, filename: file).tables
                    let handedOut = try await ReturnWorkbooks.handedOut(db, CLI.actor, periodID: period.id)
                    let uploads = try ReturnWorkbook.read(tables, scale: portfolio.info.scale, handedOut: handedOut)
                        .get()
                    return try await ReturnWorkbooks.apply(
                        db, CLI.actor, periodID: period.id, uploads: uploads, sheet: ReturnWorkbook.sheetName)
                }
                print("\(count) returns submitted.")
            }
        }
    }
}
