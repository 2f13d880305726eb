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

/// The lead downloads the return workbook, fills it in with a real spreadsheet library, and uploads it.
@Suite("The monthly return round-tripped through Excel", .enabled(if: Openpyxl.isAvailable || Openpyxl.isRequired))
struct ReturnWorkbookTests {
    /// Opens the workbook with openpyxl, sets cells of the Returns sheet ("G2" → "Red"), and saves it.
    static func fillIn(_ data: Data, _ cells: [String: String]) async throws -> Data {
        let file = Openpyxl.temporaryFile("return.xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try data.write(to: file)
        let assignments = cells.map { "ws[\"\($0.key)\"] = \"\($0.value)\"" }.joined(separator: "\n")
        _ = try await Openpyxl.run(
            """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Returns"]
            \(assignments)
            wb.save(sys.argv[1])
            """, arguments: [file.path])
        return try Data(contentsOf: file)
    }

    /// The row of the Returns sheet holding a project, as the workbook reads it.
    static func row(of reference: String, in data: Data) throws -> Int {
        let table = try #require(try ImportFile.read(data, filename: "r.xlsx").tables.first { $0.sheet == "Returns" })
        return try #require(table.rows.first { $0[3].text == reference }?.number)
    }

    @Test(
        "A lead fills in the workbook in Excel and uploads it: the return is submitted and audit-logged",
        arguments: Backend.all)
    func roundTrip(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            let tracking = try await jane.get(Link.returnsTracking(period: ids.october.id).path)
            #expect(tracking.body.string.contains("Returns in Excel"))
            // given Jane's workbook for Maternity, with last values filled in and a rating drop-down
            let download = try await jane.get(
                Link.returnWorkbook(period: ids.october.id).path(query: "programme=\(ids.maternity.id.uuidString)"))
            #expect(download.status == .ok)
            #expect(download.headers.contentType?.description.contains("spreadsheetml") == true)
            let workbook = Data(buffer: download.body)
            let tables = try ImportFile.read(workbook, filename: "r.xlsx").tables
            #expect(tables.map(\.sheet) == ["Instructions", "Returns"])
            let row = try Self.row(of: "MAT001", in: workbook)
            // when she rates MAT001 Red with an update, in a real spreadsheet library, and uploads it
            let filled = try await Self.fillIn(
                workbook, ["G\(row)": "Red", "H\(row)": "Delayed by the winter pressures."])
            let upload = try await jane.postMultipart(
                Link.returnWorkbook(period: ids.october.id).path, [], file: ("file", "filled.xlsx", filled))
            // then the return is submitted as she wrote it, and the upload is in the audit log
            #expect(upload.status == .seeOther)
            let sheet = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id)
            #expect(sheet.form.rating == "Red")
            #expect(sheet.form.update == "Delayed by the winter pressures.")
            #expect(sheet.state == .submitted)
            #expect(try await AuditLog.recent(app.db, limit: 20).contains { $0.action == "upload-workbook" })
        }
    }

    @Test(
        "A workbook uploaded untouched is accepted and changes nothing, MH005's legacy rating included; so is one re-saved by LibreOffice",
        arguments: Backend.all)
    func untouchedRoundTrip(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given the PMO's workbook for October, whose MH005 row holds the legacy rating "Priority owned by M&FH"
            let ids = try await DemoIDs.load(app)
            let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            _ = try await pmo.get(Link.returnsTracking(period: ids.october.id).path)
            let workbook = Data(buffer: try await pmo.get(Link.returnWorkbook(period: ids.october.id).path).body)
            let mh005 = try Self.row(of: "MH005", in: workbook)
            let table = try #require(
                try ImportFile.read(workbook, filename: "r.xlsx").tables.first { $0.sheet == "Returns" })
            #expect(table.rows.first { $0.number == mh005 }?[6].text == "Priority owned by M&FH")
            let before = try await Reports.report(app.db, periodID: ids.october.id)
            var copies = [("as downloaded", workbook)]
            if LibreOffice.isAvailable || LibreOffice.isRequired {
                copies.append(("re-saved by LibreOffice", try await LibreOffice.resave(workbook)))
            }
            for (name, copy) in copies {
                // when it is uploaded untouched
                let upload = try await pmo.postMultipart(
                    Link.returnWorkbook(period: ids.october.id).path, [], file: ("file", "r.xlsx", copy))
                // then it is accepted, no return is submitted, and every row keeps its values and findings
                #expect(upload.status == .seeOther, "\(name): \(upload.body.string.prefix(2000))")
                let page = try await pmo.get(upload.headers.first(name: .location) ?? "/").body.string
                #expect(
                    page.contains("0 returns submitted from the workbook"),
                    "\(name): \(page.firstMatch(of: #/class="notice"[^<]*<[^<]*/#)?.0 ?? "")")
                #expect(try await Reports.report(app.db, periodID: ids.october.id) == before, "\(name)")
            }
        }
    }

    @Test(
        "A bad cell, or a return changed since the download, is reported by sheet, row and column, and nothing is saved",
        arguments: Backend.all)
    func refusals(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            _ = try await jane.get(Link.returnsTracking(period: ids.october.id).path)
            let workbook = Data(buffer: try await jane.get(Link.returnWorkbook(period: ids.october.id).path).body)
            let mat001 = try Self.row(of: "MAT001", in: workbook), mat002 = try Self.row(of: "MAT002", in: workbook)
            let before = try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id)
            // given a rating off the scale (the drop-down does not stop a pasted value)
            let purple = try await Self.fillIn(workbook, ["G\(mat001)": "Purple", "G\(mat002)": "Green"])
            let refused = try await jane.postMultipart(
                Link.returnWorkbook(period: ids.october.id).path, [], file: ("file", "p.xlsx", purple))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Sheet Returns, row \(mat001), column G (Rating)"))
            #expect(refused.body.string.contains("“Purple” is not on this portfolio"))
            // and MAT002's good row was not saved either
            #expect(
                try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).version
                    == before.version)
            // given MAT001 saved on the web after the download
            _ = try await jane.post(
                Link.returnForm(period: ids.october.id, project: ids.mat001.id).path,
                try await ids.returnFields(app, rating: "Amber").merging(["action": "submit"]) { $1 })
            let stale = try await Self.fillIn(workbook, ["G\(mat001)": "Red", "G\(mat002)": "Green"])
            let conflict = try await jane.postMultipart(
                Link.returnWorkbook(period: ids.october.id).path, [], file: ("file", "s.xlsx", stale))
            // then that row is refused and nothing is overwritten
            #expect(conflict.status == .unprocessableEntity)
            #expect(conflict.body.string.contains("changed in Assure after the workbook was downloaded"))
            #expect(
                try await Returns.sheet(app.db, periodID: ids.october.id, projectID: ids.mat001.id).form.rating
                    == "Amber")
            // a board member has no workbook to download
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            #expect(try await board.get(Link.returnWorkbook(period: ids.october.id).path).status == .forbidden)
        }
    }
}
