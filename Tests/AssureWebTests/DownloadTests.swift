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

@Suite("Every table page downloads as CSV and XLSX")
struct DownloadTests {
    @Test(
        "Each page's CSV and XLSX hold its table: the header, the rows, ratings on their colour", arguments: Backend.all
    )
    func downloads(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let pages: [(String, String, String)] = [
                (Link.programmeDashboard(period: ids.june.id).path, "PROJECT/ROLE", "Communication and Engagement"),
                (Link.priorities(period: ids.october.id).path, "PROJECT REFERENCE", "MAT001"),
                (Link.exceptions(period: ids.october.id).path, "What was found", "No return for this period."),
                (
                    Link.changes(portfolio: ids.cdg.info.id).path(query: "from=2016-09&to=2016-10"), "Change",
                    "Ratings declined"
                ),
                (
                    Link.returnsTracking(period: ids.october.id).path, "Owed by",
                    "Jane Brennan <jane.brennan@assure.demo>"
                ),
                (Link.projectList(portfolio: ids.cdg.info.id).path, "Latest published rating", "Rheumatology"),
                (Link.people.path, "Job title", "Karen Kirkham"),
                (Link.users.path, "May edit", "jane.brennan@assure.demo"),
                (Link.outbox.path, "Kind", "chaser"),
                (Link.audit.path, "Action", "load-demo"),
            ]
            for (path, header, value) in pages {
                // the page offers both downloads
                let page = try await admin.get(path).body.string
                #expect(page.contains("format=csv") && page.contains("format=xlsx"), "\(path) links its downloads")
                let separator = path.contains("?") ? "&" : "?"
                let csv = try await admin.get(path + separator + "format=csv")
                #expect(csv.headers.first(name: .contentDisposition)?.contains(".csv") == true, "\(path)")
                #expect(
                    csv.body.string.contains(header) && csv.body.string.contains(value),
                    "\(path) CSV has \(header) and \(value)")
                let xlsx = try await admin.get(path + separator + "format=xlsx")
                #expect(xlsx.headers.contentType?.description.contains("spreadsheetml") == true, "\(path)")
                let tables = try ImportFile.read(Data(buffer: xlsx.body), filename: "d.xlsx").tables
                let cells = tables.flatMap { $0.rows.flatMap { $0.cells.map(\.text) } }
                #expect(
                    cells.contains(header) && cells.contains { $0.contains(value) },
                    "\(path) XLSX has \(header) and \(value)")
            }
            // dates that name a day are real dates in the workbook
            let dashboard = try await admin.get(
                Link.programmeDashboard(period: ids.june.id).path(query: "format=xlsx"))
            let summary = try #require(
                try ImportFile.read(Data(buffer: dashboard.body), filename: "d.xlsx").tables.first)
            #expect(summary.rows.contains { $0.cells.contains(.date(CalendarDate(year: 2016, month: 7, day: 20)!)) })
        }
    }
}
