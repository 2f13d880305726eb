import AssureApp
import AssureCore
import AssureInterchange
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Importing a table in the web app")
struct ImportPageTests {
    /// The column choices as the preview form sends them back, unchanged.
    static func columns(_ html: String) -> [(String, String)] {
        html.matches(of: #/<select name="column\[\]"[^>]*>(.*?)</select>/#).map { match in
            let selected =
                String(match.1).firstMatch(of: #/<option value="([^"]+)" selected="selected">/#).map { String($0.1) }
                ?? "ignore"
            return ("column[]", selected)
        }
    }

    /// The import's page once the job ends (a few dozen rows take well under a second).
    static func finished(_ client: WebClient, job path: String) async throws -> String {
        var page = ""
        for _ in 0..<100 {
            page = try await client.get(path).body.string
            if page.contains("Import finished") || page.contains("Nothing was imported") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return page
    }

    @Test(
        "Paste, preview with problems by row and column, fix, import with progress: the period holds the returns",
        arguments: Backend.all)
    func pasteAndImport(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let path = Link.importTable(portfolio: ids.cdg.info.id).path
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            #expect(try await admin.get(path).body.string.contains("Paste a table"))
            // given the seed 000 summary pasted for November, whose MH005 rating is not on the scale
            let text = try seedTable("seed000-summary")
            let refused = try await admin.postMultipart(path, [("pasted", text), ("period", "2016-11")])
            // then the preview lists the problem by row and column, with the mapping it chose
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("Row 20, column D (RAG)"))
            #expect(html.contains("“Priority owned by M&amp;FH” is not on the three-point scale"))
            #expect(!html.contains("Import 21 projects"))
            let token = try #require(html.firstMatch(of: #/name="token" value="([^"]+)"/#).map { String($0.1) })
            let columns = Self.columns(html)
            #expect(columns.map(\.1) == ["programme", "reference", "project", "rating", "trend", "project-plan"])
            // when the PMO keeps off-scale ratings and updates the preview
            let fixed = try await admin.postMultipart(
                path, [("token", token), ("period", "2016-11"), ("keepOffScale", "1")] + columns)
            #expect(fixed.status == .ok)
            #expect(fixed.body.string.contains("Import 21 projects"))
            #expect(fixed.body.string.contains("21 matched to existing ones"))
            // and imports
            let started = try await admin.postMultipart(
                Link.importApply(portfolio: ids.cdg.info.id).path,
                [("token", token), ("period", "2016-11"), ("keepOffScale", "1"), ("saveAs", "CDG summary")] + columns)
            #expect(started.status == .seeOther)
            let page = try await Self.finished(admin, job: try #require(started.headers.first(name: .location)))
            // then the job page says what was written, and November holds a return per project
            #expect(page.contains("Import finished"), "\(page)")
            #expect(page.contains("21 returns"))
            let (_, november) = try await Catalogue.findPeriod(app.db, key: "2016-11", portfolio: "CDG Priorities")
            let report = try await Reports.report(app.db, periodID: november.id)
            #expect(report.row(reference: "MH002")?.ratingDisplay == "Red")
            #expect(try await Imports.savedMappings(app.db, portfolioID: ids.cdg.info.id) == ["CDG summary"])
            // and the import is in the audit log
            #expect(try await AuditLog.recent(app.db, limit: 5, entity: "portfolio").contains { $0.action == "import" })
        }
    }

    @Test(
        "A file that is not a workbook comes back with the reason, the period kept; a viewer may not import",
        arguments: Backend.all)
    func refusals(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let path = Link.importTable(portfolio: ids.cdg.info.id).path
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await admin.get(path)
            let bad = try await admin.postMultipart(
                path, [("period", "2016-12")], file: ("file", "returns.xlsx", Data("Project,RAG\n".utf8)))
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("This file is named .xlsx but is not an XLSX workbook"))
            #expect(bad.body.string.contains("value=\"2016-12\""))
            // a real workbook previews
            let workbook = try XLSXWriter.write(
                Workbook(sheets: [
                    WorkbookSheet(
                        name: "Data",
                        rows: [
                            [.text("CDG"), .text("PROJECT REFERENCE"), .text("PRIORITY"), .text("RAG")],
                            [.text("Mental Health"), .text("MH001"), .text("Acute care pathway"), .text("Amber")],
                        ])
                ]))
            let good = try await admin.postMultipart(
                path, [("period", "2016-12")], file: ("file", "returns.xlsx", workbook))
            #expect(good.status == .ok)
            #expect(good.body.string.contains("Import 1 project<"))
            // without the CSRF token, refused
            #expect(try await admin.postMultipart(path, [("pasted", "A\tB")], csrf: false).status == .forbidden)
            // a board member may not even see the form
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            #expect(try await board.get(path).status == .forbidden)
        }
    }

    @Test(
        "A table 200,000 columns wide is refused at once naming the cell past the limit; a preview with an error in every row lists the first 200",
        arguments: Backend.all)
    func boundedPreview(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let path = Link.importTable(portfolio: ids.cdg.info.id).path
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await admin.get(path)
            // given the probe's CSV: a header and 200,000 one-letter columns (390 KB), once a 264 MB preview
            let wide = "PROJECT," + String(repeating: "a,", count: 200_000) + "\n"
            let refused = try await admin.postMultipart(
                path, [("period", "2016-12")], file: ("file", "wide.csv", Data(wide.utf8)))
            // then it is refused, naming row 1 and column SS, in a page of ordinary size
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.body.string.contains(
                    "Row 1, column SS</td><td data-label=\"Problem\">This row has more than 512 columns"))
            #expect(refused.body.readableBytes < 64 * 1024)
            // given 3,000 rows, each with a rating that is not on the scale
            let rows = (1...3_000).map { "Mental Health\tMH\($0)\tProject \($0)\tPurple" }.joined(separator: "\n")
            let preview = try await admin.postMultipart(
                path,
                [
                    ("period", "2016-12"),
                    ("pasted", "CDG\tPROJECT REFERENCE\tPRIORITY\tRAG\n" + rows),
                ])
            // then the preview counts every problem and lists the first 200
            let page = preview.body.string
            #expect(page.contains("3000 problems stop the import"))
            #expect(page.contains("… and 2800 more; the first 200 are listed."))
            #expect(page.components(separatedBy: "\">Error</td>").count - 1 == 200)
        }
    }
}
