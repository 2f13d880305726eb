import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Foundation
import SQLKit
import Testing

/// The command line keeps the same rules: a paper is never assembled from another portfolio's meeting, and history is
/// loaded one published period per file, each compared with the one before.
@Suite("Board papers and history from the command line", .serialized)
struct BoardReadingCLITests {
    @Test(
        "assure paper governing-body refuses a period whose portfolio has no meeting in its cycle, naming its meetings",
        arguments: Backend.all)
    func paperRefusesToGuess(backend: Backend) async throws {
        try await withDatabaseTarget(backend) { target in
            // given the demo, whose only Governing Body meeting (21 March 2018) is the Our Dorset ICS portfolio's
            try await Child.run(["demo"], target)
            let output = FileManager.default.temporaryDirectory.appendingPathComponent(
                "paper-\(UUID().uuidString).html")
            defer { try? FileManager.default.removeItem(at: output) }
            // when the Transformation Programme's July 2016 paper is asked for
            let refused = try await Child.capture(
                [
                    "paper", "governing-body", "--period", "2016-07", "--portfolio", "Transformation Programme",
                    "--format", "html", "--output", output.path,
                ], target)
            // then it is refused in words, and nothing is written
            #expect(refused.status == 1)
            #expect(
                refused.errors.contains("No meeting of Transformation Programme falls in July 2016's reporting cycle"))
            #expect(!FileManager.default.fileExists(atPath: output.path))
            // and asking for the other portfolio's meeting by id is refused too
            let meeting = try await Storage.withDatabase(target) { db in
                try #require(try await Meetings.all(db).first { $0.committee == "Governing Body" }).id
            }
            let chosen = try await Child.capture(
                [
                    "paper", "governing-body", "--period", "2016-07", "--portfolio", "Transformation Programme",
                    "--meeting", meeting.uuidString, "--format", "html", "--output", output.path,
                ], target)
            #expect(chosen.status == 1)
            #expect(chosen.errors.contains("is not a meeting of Transformation Programme"))
            // while Our Dorset ICS's March 2018 paper is made, for its own meeting
            let made = try await Child.capture(
                [
                    "paper", "governing-body", "--period", "2018-03", "--portfolio", "Our Dorset ICS",
                    "--format", "html", "--output", output.path,
                ], target)
            #expect(made.status == 0, "\(made.errors)")
            #expect(try String(contentsOf: output, encoding: .utf8).contains("21/03/2018"))
        }
    }

    @Test(
        "assure period publish works out the board's counts before any board member asks, and says what changed",
        arguments: Backend.all)
    func publishWorksOutBoardCounts(backend: Backend) async throws {
        try await withDatabaseTarget(backend) { target in
            // given the demo, with CDG Priorities' October 2016 still open
            try await Child.run(["demo"], target)
            // when the PMO publishes it on the command line, carrying forward the returns not in
            let published = try await Child.capture(
                [
                    "period", "publish", "--portfolio", "CDG Priorities", "--period", "2016-10", "--missing",
                    "carry-forward",
                ], target)
            #expect(published.status == 0, "\(published.errors)")
            // then the board's counts for October against September are kept, and are the summary's
            try await Storage.withDatabase(target) { db in
                let (portfolio, october) = try await Catalogue.findPeriod(
                    db, key: "2016-10", portfolio: "CDG Priorities")
                let september = try #require(portfolio.published(before: october))
                let summary = try await BoardSummaries.summary(
                    db, periodID: october.id, previous: september.id, for: .board)
                #expect(summary.carriedForward.count > 0)
                let sql = try #require(db as? SQLDatabase)
                struct Kept: Decodable { let attention: Int; let slipped: Int; let carried_forward: Int }
                let kept = try await sql.raw(
                    "SELECT attention, slipped, carried_forward FROM board_summary_counts"
                ).all(decoding: Kept.self)
                #expect(
                    kept.map {
                        BoardSummary.Counts(
                            attention: $0.attention, slipped: $0.slipped, carriedForward: $0.carried_forward)
                    }
                        == [summary.counts])
            }
        }
    }

    @Test(
        "assure import --publish loads past periods one file each, with 'DCA status' and 'Dept' headers, and the arrows follow",
        arguments: Backend.all)
    func importHistory(backend: Backend) async throws {
        try await withDatabaseTarget(backend) { target in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "history-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            // given two months of a department's returns, as its own spreadsheet heads them
            let june = directory.appendingPathComponent("june.csv"), july = directory.appendingPathComponent("july.csv")
            try
                "Dept,Project,DCA status,Update\nEstates,New surgery,Green,On plan.\nEstates,Car park,Amber,Tender late.\n"
                .write(to: june, atomically: true, encoding: .utf8)
            try
                "Dept,Project,DCA status,Update\nEstates,New surgery,Amber,Planning objection.\nEstates,Car park,Amber,Tender in.\n"
                .write(to: july, atomically: true, encoding: .utf8)
            // when each is imported as published history, oldest first
            let first = try await Child.capture(
                [
                    "import", june.path, "--portfolio", "Estates", "--create-portfolio", "--scale", "three-point",
                    "--period", "2016-06", "--publish",
                ], target)
            #expect(first.status == 0, "\(first.errors)")
            #expect(first.output.contains("2016-06 (published)"))
            let second = try await Child.capture(
                ["import", july.path, "--portfolio", "Estates", "--period", "2016-07", "--publish"], target)
            #expect(second.status == 0, "\(second.errors)")
            // then both periods are published, and July's arrows compare with June
            try await Storage.withDatabase(target) { db in
                let portfolio = try await Catalogue.findPortfolio(db, name: "Estates")
                #expect(portfolio.periods.map(\.status) == [.published, .published])
                #expect(portfolio.info.scale.kind == .threePoint)
                let report = try await Reports.report(db, periodID: try #require(portfolio.periods.last).id)
                #expect(report.programmes.map(\.programme.name) == ["Estates"])
                #expect(report.row(title: "New surgery")?.trend.shown == .declined)
                #expect(report.row(title: "Car park")?.trend.shown == .unchanged)
            }
            // and --publish without a period is refused before anything is read
            let refused = try await Child.capture(["import", june.path, "--portfolio", "Estates", "--publish"], target)
            #expect(refused.status != 0)
            #expect(refused.errors.contains("--publish needs --period"))
        }
    }
}
