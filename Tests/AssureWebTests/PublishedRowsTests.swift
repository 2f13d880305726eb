import AssureApp
import AssureCore
import AssureDemo
import AssureOutput
import AssureStorage
import AssureTestSupport
import Foundation
import SQLKit
import Testing
import Vapor

@testable import AssureWeb

/// A published period is kept as rows (M032). What a reader is given of it must not change by a byte: every published
/// period's pages, CSV, XLSX, JSON and DOCX are compared as read from one whole document (how periods were kept before)
/// and from rows after the migration's split.
@Suite("Published periods kept as rows")
struct PublishedRowsTests {
    @Test(
        "Given the demo and a generated portfolio, when each published document is split into rows, then every output is byte-identical",
        arguments: Backend.all)
    func splitChangesNoOutput(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given the demo's periods and a generated portfolio's (sub-items, missing returns, slips), published
            let spec = SyntheticPortfolio(projects: 40, milestonesPerProject: 3, periods: 4, seed: 11)
            try await SyntheticLoader.load(app.db, spec)
            let published = try await publishedPeriods(app)
            #expect(published.count >= 6)
            let readers = [
                try await WebClient.signedIn(app, as: DemoLoader.adminEmail),
                try await WebClient.signedIn(app, as: "board@assure.demo"),
            ]
            // (the sign-in notice is shown once, on the first page after signing in)
            for reader in readers { _ = try await reader.get("/") }
            let paths = try await outputs(app, published)

            // when read from rows, as the publication wrote them
            let fromRows = try await fetch(paths, readers)
            // and from the whole documents periods were kept as before M032
            for period in published {
                let whole = try await Reports.report(app.db, periodID: period.id)
                #expect(whole.summary.restoring(whole.lines) == whole, "\(period.key): the lines rebuild the report")
                try await rewriteAsOneDocument(app, period.id, whole)
            }
            forgetCopies()
            let fromDocuments = try await fetch(paths, readers)
            // and after the migration's split
            try await PublishedRows.splitDocuments(app.db)
            forgetCopies()
            let afterSplit = try await fetch(paths, readers)

            // then every byte is the same
            #expect(fromRows.count == paths.count * readers.count)
            for (key, bytes) in fromRows.sorted(by: { $0.key < $1.key }) {
                #expect(difference(bytes, fromDocuments[key]) == nil, "\(key) from one document")
                #expect(difference(bytes, afterSplit[key]) == nil, "\(key) after the split")
            }
            // and no snapshot holds rows any more: each is its summary
            let sql = try #require(app.db as? SQLDatabase)
            struct Stored: Decodable { let report_json: String }
            for stored in try await sql.raw("SELECT report_json FROM period_snapshots").all(decoding: Stored.self) {
                let summary = try Reports.decoder.decode(PeriodReport.self, from: Data(stored.report_json.utf8))
                #expect(!summary.hasRows)
            }
        }
    }

    @Test(
        "A project's page over its periods reads its own rows and shows what the whole report showed",
        arguments: Backend.all)
    func projectHistory(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let october = try await Reports.report(app.db, periodID: ids.october.id)
            let row = try #require(october.allRows.first { !$0.children.isEmpty } ?? october.allRows.first)
            let history = try await Reports.history(app.db, projectID: row.project.id)
            let published = try #require(history.last { $0.period.status == .published })
            let whole = try await Reports.report(app.db, periodID: published.period.id)
            #expect(published.row == whole.findRow(row.project.id))
            #expect(published.row != nil)
            // a board reader is not shown the PMO's findings on the project page either
            let board = Readership.board
            let shown = try await Reports.history(app.db, projectID: row.project.id, for: board)
            let boardWhole = try await Reports.report(app.db, periodID: published.period.id, for: board)
            #expect(shown.last { $0.period.status == .published }?.row == boardWhole.findRow(row.project.id))
            // the month still open is built from the project's own rows, as the whole report builds it
            let open = try #require(history.last { $0.period.status == .open })
            let openWhole = try await Reports.report(app.db, periodID: open.period.id)
            #expect(open.row != nil)
            #expect(open.row == openWhole.findRow(row.project.id))
            for project in openWhole.allRows.prefix(12) {
                let own = try await Reports.history(app.db, projectID: project.project.id)
                #expect(own.last?.row == openWhole.findRow(project.project.id), "\(project.project.title)")
            }
        }
    }

    @Test(
        "A whole portfolio's published dashboard JSON, written programme by programme, is the document built whole",
        arguments: Backend.all)
    func streamedDashboard(backend: Backend) async throws {
        // given a server that writes every whole-portfolio dashboard as it reads it
        try await withWebApp(backend, adjust: { $0.streamDashboardsFromProjects = 0 }) { app in
            let spec = SyntheticPortfolio(projects: 60, milestonesPerProject: 2, periods: 3, seed: 5)
            try await SyntheticLoader.load(app.db, spec)
            let readers = [
                (Readership.pmo, try await WebClient.signedIn(app, as: DemoLoader.adminEmail)),
                (Readership.board, try await WebClient.signedIn(app, as: "board@assure.demo")),
            ]
            readers[1].1.transport = .live  // one reader over a real socket, one in memory
            for period in try await publishedPeriods(app) {
                for (readership, client) in readers {
                    // when the API's whole dashboard is asked for
                    let response = try await client.get(Link.apiProgrammeDashboard(period: period.id).path)
                    // then it was streamed, and is byte for byte the dashboard built whole
                    #expect(response.status == .ok)
                    #expect(response.headers.first(name: .contentLength) == nil, "written as it is read")
                    let whole = try await Reports.report(app.db, periodID: period.id, for: readership)
                    let expected = try JSONOutput.encode(APIDashboard(.programmeDashboard, whole))
                    #expect(difference(Array(expected.utf8), Array(buffer: response.body)) == nil, "\(period.key)")
                }
            }
        }
    }

    private func publishedPeriods(_ app: Application) async throws -> [(id: UUID, portfolio: UUID, key: String)] {
        let sql = try #require(app.db as? SQLDatabase)
        struct Row: Decodable {
            let id: RowUUID
            let portfolio_id: RowUUID
            let key: String
        }
        return try await sql.raw(
            "SELECT id, portfolio_id, key FROM periods WHERE status = 'published' ORDER BY portfolio_id, as_at"
        ).all(decoding: Row.self).map { ($0.id.value, $0.portfolio_id.value, $0.key) }
    }

    /// Every output of each published period: each dashboard whole and by programme in every format, the board summary,
    /// the paper and its DOCX, the API, and what changed since the period before.
    private func outputs(
        _ app: Application, _ published: [(id: UUID, portfolio: UUID, key: String)]
    ) async throws -> [String] {
        var paths: [String] = []
        for (index, period) in published.enumerated() {
            let report = try await Reports.report(app.db, periodID: period.id)
            for link in [
                Link.programmeDashboard(period: period.id), .priorities(period: period.id),
                .exceptions(period: period.id),
            ] {
                for query in [nil, "format=csv", "format=xlsx", "format=json"] { paths.append(link.path(query: query)) }
                for programme in report.programmes {
                    paths.append(link.path(query: "programme=\(programme.programme.id.uuidString)"))
                }
            }
            paths += [
                Link.boardSummary(period: period.id).path, Link.paper(period: period.id).path,
                Link.paper(period: period.id).path(query: "format=docx"),
                Link.apiProgrammeDashboard(period: period.id).path, Link.apiPriorities(period: period.id).path,
                Link.apiExceptions(period: period.id).path,
            ]
            if index > 0, published[index - 1].portfolio == period.portfolio {
                let changes = Link.changes(portfolio: period.portfolio)
                let query = "from=\(published[index - 1].key)&to=\(period.key)"
                paths += [changes.path(query: query), changes.path(query: query + "&format=csv")]
            }
        }
        return paths
    }

    private func fetch(_ paths: [String], _ readers: [WebClient]) async throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for (index, reader) in readers.enumerated() {
            for path in paths {
                let response = try await reader.get(path)
                #expect(response.status == .ok, "\(path)")
                result["\(index) \(path)"] = Array(buffer: response.body)
            }
        }
        return result
    }

    /// The period as it was kept before M032: the whole report in one document, no rows.
    private func rewriteAsOneDocument(_ app: Application, _ periodID: UUID, _ report: PeriodReport) async throws {
        let sql = try #require(app.db as? SQLDatabase)
        try await sql.update("period_snapshots").set("report_json", to: try Reports.document(report))
            .where("period_id", .equal, periodID).run()
        try await PublishedRows.delete(sql, periodID: periodID)
    }

    /// Where two outputs first differ, with the text around it; nil when they are the same bytes.
    private func difference(_ expected: [UInt8], _ actual: [UInt8]?) -> String? {
        guard let actual else { return "missing" }
        guard expected != actual else { return nil }
        let at =
            (0..<min(expected.count, actual.count)).first { expected[$0] != actual[$0] }
            ?? min(expected.count, actual.count)
        let around = { (bytes: [UInt8]) in
            String(decoding: bytes[max(0, at - 80)..<min(bytes.count, at + 80)], as: UTF8.self)
        }
        return "byte \(at) of \(expected.count)/\(actual.count): «\(around(expected))» vs «\(around(actual))»"
    }

    private func forgetCopies() {
        Reports.forgetDecodedSnapshots()
        PublishedResponses.cache.removeAll()
    }
}
