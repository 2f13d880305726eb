import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import AssureWeb

/// A return in progress is read only by its editors, its reviewer and the PMO, on every route; an open period says on
/// every page and download that it is provisional.
@Suite("Work in progress is not shown as final")
struct ProvisionalTests {
    static let marker = "draft-marker-7f3c"

    /// The text of a response as a reader would find it: the page, the CSV or JSON, or every XML part of a workbook.
    static func readable(_ response: some HTTPAnswer) throws -> String {
        let body = Data(buffer: response.body)
        let type = response.headers.contentType?.description ?? ""
        guard type.contains("spreadsheetml") || type.contains("wordprocessingml") else {
            return String(decoding: body, as: UTF8.self)
        }
        return try HostileInputTests.xmlParts(body).map(\.text).joined()
    }

    @Test("Every route read as a board member holds no draft text; the PMO's dashboard does", arguments: Backend.all)
    func noDraftForViewers(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given Jane's draft of MAT001 in the open October
            let ids = try await DemoIDs.load(app)
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            _ = try await jane.get(Link.returnForm(period: ids.october.id, project: ids.mat001.id).path)
            var fields = try await ids.returnFields(app, update: "Not agreed yet: \(Self.marker)")
            fields["action"] = ReturnAction.saveDraft.rawValue
            let saved = try await jane.post(
                Link.returnForm(period: ids.october.id, project: ids.mat001.id).path, fields)
            #expect(saved.status == .seeOther)
            // when the board member reads every page, download and API answer
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            var read = 0, provisional = 0
            for registered in app.routes.all where registered.method == .GET {
                guard let route = RouteMatrixTests.route(registered), route != .stylesheet else { continue }
                let path = RouteMatrixTests.path(route, ids, token: UUID())
                for suffix in ["", "format=csv", "format=xlsx", "format=json"] {
                    let full = suffix.isEmpty ? path : path + (path.contains("?") ? "&" : "?") + suffix
                    let response = try await board.get(full)
                    guard response.status == .ok else { continue }
                    let text = try Self.readable(response)
                    // then no answer holds the draft's words
                    #expect(!text.contains(Self.marker), "GET \(full)")
                    if text.contains(PeriodReport.provisionalNotice) { provisional += 1 }
                    read += 1
                }
            }
            #expect(read > 50, "answers read: \(read)")
            // and the open period's pages and downloads said they are provisional
            #expect(provisional >= 6, "answers marked provisional: \(provisional)")
            // while the PMO, who may see the draft, reads it on the same dashboard
            let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            #expect(
                try await pmo.get(Link.priorities(period: ids.october.id).path).body.string.contains(Self.marker))
        }
    }

    @Test(
        "An open period's CSV, XLSX and JSON each say it is provisional; a published one's do not",
        arguments: Backend.all)
    func downloadsSayProvisional(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            for format in ["csv", "xlsx", "json"] {
                let open = try await board.get(Link.priorities(period: ids.october.id).path + "?format=\(format)")
                #expect(try Self.readable(open).contains(PeriodReport.provisionalNotice), "\(format), October")
                let published = try await board.get(
                    Link.programmeDashboard(period: ids.june.id).path + "?format=\(format)")
                #expect(!(try Self.readable(published)).contains(PeriodReport.provisionalNotice), "\(format), June")
            }
            let api = try await board.get(Link.apiPriorities(period: ids.october.id).path)
            #expect(api.body.string.contains("\"provisional\""))
        }
    }
}
