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

/// Importing by script: the page's steps (upload, preview, apply, progress) through /api/v1, with the page's rules.
@Suite("Imports through the API")
struct APIImportTests {
    typealias Script = APICycleTests.Script

    /// Sends a file's bytes as the body, as `curl --data-binary @file` does.
    static func upload(
        _ app: Application, _ script: Script, portfolio: UUID, _ data: Data, filename: String?,
        contentType: String = "text/csv"
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders([("Content-Type", contentType)])
        headers.bearerAuthorization = BearerAuthorization(token: script.token)
        let query = filename.map { "filename=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)" }
        return try await app.testing(method: .inMemory).sendRequest(
            .POST, Link.apiImports(portfolio: portfolio).path(query: query), headers: headers,
            body: ByteBuffer(data: data))
    }

    /// Reads the job until it ends (an import of a few dozen rows takes well under a second).
    static func finished(_ pmo: Script, _ job: Link) async throws -> [String: Any] {
        var body: [String: Any] = [:]
        for _ in 0..<200 {
            body = try APICycleTests.json(try await pmo.send(.GET, job))
            if body["state"] as? String != "running" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return body
    }

    @Test(
        "The PMO uploads seed 000's summary, reads its problem by row and column, keeps off-scale ratings, imports and follows the job",
        arguments: Backend.all)
    func uploadPreviewApply(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let cdg = ids.cdg.info.id
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            // when the PMO uploads the seed 000 summary as a pasted table
            let uploaded = try await Self.upload(
                app, pmo, portfolio: cdg, Data(try seedTable("seed000-summary").utf8), filename: nil,
                contentType: "text/plain")
            // then the preview is at its own address, with the columns as guessed and MH005's rating named
            #expect(uploaded.status == .created, "\(uploaded.body.string)")
            let preview = try APICycleTests.json(uploaded)
            let id = try #require(UUID(uuidString: preview["id"] as? String ?? ""))
            #expect(uploaded.headers.first(name: .location) == Link.apiImport(portfolio: cdg, id: id).path)
            let columns = try #require(preview["columns"] as? [[String: String]])
            #expect(columns.map { $0["header"] ?? "" }.contains("RAG"))
            #expect(preview["clean"] as? Bool == false)
            let problems = try #require(preview["problems"] as? [[String: Any]])
            #expect(
                problems.contains {
                    $0["row"] as? Int == 20 && $0["column"] as? String == "D" && $0["blocking"] as? Bool == true
                })
            // and applying it is refused, naming the row and column, with nothing written
            let refused = try await pmo.send(
                .POST, .apiImportApply(portfolio: cdg, id: id), #"{"period": "2016-11"}"#)
            try APICycleTests.expectProblem(refused, .unprocessableEntity, "invalid")
            let errors = try #require(try APICycleTests.json(refused)["errors"] as? [String: String])
            #expect(errors["Row 20, column D (RAG)"]?.contains("not on the three-point scale") == true)
            // when she keeps off-scale ratings, then the preview is clean: 21 projects, each with a return
            let options = #"{"period": "2016-11", "keepOffScaleRatings": true, "saveMappingAs": "CDG summary"}"#
            let fixed = try APICycleTests.json(
                try await pmo.send(.POST, .apiImportPreview(portfolio: cdg, id: id), options))
            #expect(fixed["clean"] as? Bool == true)
            #expect(fixed["updatedProjects"] as? Int == 21 && fixed["returns"] as? Int == 21)
            // when she applies it, then it runs in the background at the job's address
            let started = try await pmo.send(.POST, .apiImportApply(portfolio: cdg, id: id), options)
            #expect(started.status == .accepted, "\(started.body.string)")
            let jobID = try #require(UUID(uuidString: try APICycleTests.json(started)["id"] as? String ?? ""))
            #expect(started.headers.first(name: .location) == Link.apiImportJob(id: jobID).path)
            let job = try await Self.finished(pmo, .apiImportJob(id: jobID))
            #expect(job["state"] as? String == "finished", "\(job)")
            let outcome = try #require(job["outcome"] as? [String: Any])
            #expect(outcome["returnsWritten"] as? Int == 21 && outcome["periodKey"] as? String == "2016-11")
            // and November holds the returns, the mapping is saved, the upload is gone
            let (_, november) = try await Catalogue.findPeriod(app.db, key: "2016-11", portfolio: "CDG Priorities")
            #expect(
                try await Reports.report(app.db, periodID: november.id).row(reference: "MH002")?.ratingDisplay == "Red")
            #expect(try await Imports.savedMappings(app.db, portfolioID: cdg) == ["CDG summary"])
            #expect(try await pmo.send(.GET, .apiImport(portfolio: cdg, id: id)).status == .notFound)
        }
    }

    @Test(
        "A real workbook previews; a file that is not one is refused and not kept; a published period is 409; others' uploads are not theirs",
        arguments: Backend.all)
    func refusals(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let cdg = ids.cdg.info.id
            let pmo = try await Script(app, email: DemoLoader.adminEmail)
            // a file named .xlsx that is not a workbook is refused with the reason
            let bad = try await Self.upload(
                app, pmo, portfolio: cdg, Data("Project,RAG\n".utf8), filename: "returns.xlsx",
                contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            try APICycleTests.expectProblem(bad, .unprocessableEntity, "invalid")
            #expect(bad.body.string.contains("is not an XLSX workbook"))
            // a real workbook previews, sheet by sheet
            let workbook = try XLSXWriter.write(
                Workbook(sheets: [
                    WorkbookSheet(
                        name: "Data",
                        rows: [
                            [.text("CDG"), .text("PROJECT REFERENCE"), .text("PRIORITY"), .text("RAG")],
                            [.text("Mental Health"), .text("MH001"), .text("Acute care pathway"), .text("Amber")],
                        ])
                ]))
            let good = try await Self.upload(
                app, pmo, portfolio: cdg, workbook, filename: "returns.xlsx",
                contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(good.status == .created, "\(good.body.string)")
            let preview = try APICycleTests.json(good)
            #expect(preview["sheets"] as? [String] == ["Data"] && preview["updatedProjects"] as? Int == 1)
            let id = try #require(UUID(uuidString: preview["id"] as? String ?? ""))
            // into September, published and frozen: 409, before any work
            try APICycleTests.expectProblem(
                try await pmo.send(.POST, .apiImportApply(portfolio: cdg, id: id), #"{"period": "2016-09"}"#),
                .conflict, "frozen")
            // a period that is not a month is named
            let notMonth = try await pmo.send(.POST, .apiImportApply(portfolio: cdg, id: id), #"{"period": "Nov"}"#)
            try APICycleTests.expectProblem(notMonth, .unprocessableEntity, "invalid")
            #expect((try APICycleTests.json(notMonth)["errors"] as? [String: String])?["period"] != nil)
            // another admin cannot see or apply this upload, an editor cannot upload at all, a read token neither
            let other = try await Users.add(
                app.db, .commandLine("test"), email: "second.pmo@assure.demo", name: "Second PMO", role: .admin,
                password: DemoLoader.adminPassword, cost: 4)
            let second = try await Script(app, email: other.email)
            #expect(try await second.send(.GET, .apiImport(portfolio: cdg, id: id)).status == .notFound)
            // (refused for who they are before the upload is read: the guard's words, not the handler's)
            let jane = try await Script(app, email: "jane.brennan@assure.demo")
            let big = Data(repeating: 65, count: 25 * 1024 * 1024)
            let janes = try await Self.upload(app, jane, portfolio: cdg, big, filename: "a.csv")
            #expect(janes.status == .forbidden && janes.body.string.contains("You may not upload files here."))
            let reader = try await Script(app, email: DemoLoader.adminEmail, scope: .read)
            let readers = try await Self.upload(app, reader, portfolio: cdg, big, filename: "a.csv")
            #expect(readers.status == .forbidden && readers.body.string.contains("You may not upload files here."))
            // and an empty body, or a filename with a path, is named
            for (data, filename, field) in [(Data(), "a.csv", "body"), (Data("A,B\n".utf8), "../a.csv", "filename")] {
                let refused = try await Self.upload(app, pmo, portfolio: cdg, data, filename: filename)
                try APICycleTests.expectProblem(refused, .unprocessableEntity, "invalid")
                #expect((try APICycleTests.json(refused)["errors"] as? [String: String])?[field] != nil, "\(field)")
            }
        }
    }
}
