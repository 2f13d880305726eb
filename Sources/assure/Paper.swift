import ArgumentParser
import AssureApp
import AssureCore
import AssureInterchange
import AssureOutput
import AssureStorage
import AssureWeb
import Foundation

struct PaperCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paper", abstract: "Board papers assembled from a published period.",
        subcommands: [GoverningBodyPaperCommand.self])
}

struct GoverningBodyPaperCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "governing-body",
        abstract: "The governing-body paper (seed 002) for a published period, as printable HTML or DOCX.")
    @Option(help: "The published period, as YYYY-MM.") var period: String
    @Option(help: "The portfolio, where more than one has that period.") var portfolio: String?
    @Option(help: "The meeting's id; default the Governing Body meeting that follows the period.") var meeting: String?
    @Option(help: "html or docx.") var format: String = "html"
    @Option(help: "The file to write.") var output: String
    @OptionGroup var db: DatabaseOption

    func run() async throws {
        guard ["html", "docx"].contains(format) else { throw ValidationError("--format \(format): use html or docx") }
        var meetingID: UUID?
        if let meeting {
            guard let id = UUID(uuidString: meeting) else {
                throw ValidationError(
                    "--meeting \(meeting): give the meeting's id (see the Meetings page or /api/v1/meetings)")
            }
            meetingID = id
        }
        try await CLI.run {
            let data = try await Storage.withDatabase(db.target) { database in
                let (_, found) = try await Catalogue.findPeriod(database, key: period, portfolio: portfolio)
                let contents = try await Papers.build(database, periodID: found.id, meetingID: meetingID)
                return format == "docx"
                    ? try DocxWriter.write(contents.paper.blocks, title: contents.texts.title)
                    : Data(PaperOutput.html(contents.paper).utf8)
            }
            do { try data.write(to: URL(fileURLWithPath: output)) } catch {
                throw ValidationError("--output \(output): cannot write there (\(error.localizedDescription))")
            }
        }
    }
}
