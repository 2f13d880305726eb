import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("A published period refuses every write, whoever asks")
struct PublishedPeriodTests {
    @Test(
        "Returns, reviews, imports, chasers and period moves on June 2016 are refused for every role",
        arguments: Backend.all)
    func publishedPeriodIsFrozen(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given June 2016, published, and a project in it
            let ids = try await DemoIDs.load(app)
            #expect(ids.june.status == .published)
            let before = try await Reports.report(app.db, periodID: ids.june.id)
            let row = try #require(before.allRows.first)
            let sheet = try await Returns.sheet(app.db, periodID: ids.june.id, projectID: row.project.id)
            let auditBefore = try await AuditLog.recent(app.db, limit: 10_000).count
            let returnFields = [
                "rating": "Red", "update": "Rewritten after publication", "mitigation": "",
                "baseVersion": String(sheet.form.baseVersion),
            ]
            let writes: [(String, [String: String])] = [
                (Link.returnForm(period: ids.june.id, project: row.project.id).path, returnFields),
                (
                    Link.reviewReturn(period: ids.june.id, project: row.project.id).path,
                    ["action": "approve", "comment": "", "version": String(sheet.version)]
                ),
                (Link.closePeriod(period: ids.june.id).path, [:]),
                (Link.publishPeriod(period: ids.june.id).path, ["missing": "carry-forward"]),
                (Link.openPeriod(period: ids.june.id).path, [:]),
                (Link.chase(period: ids.june.id).path, [:]),
                (
                    Link.importApply(
                        portfolio: try await Catalogue.findPortfolio(app.db, name: "Transformation Programme").info.id
                    ).path,
                    [
                        "pasted": "PROGRAMME\tPROJECT\tRAG\nTransformation\t\(row.project.title)\tRed\n",
                        "period": "2016-06",
                    ]
                ),
            ]
            // when each role tries each write (Phil edits Transformation, June's programme; Jane edits another)
            for email in [
                "board@assure.demo", "jane.brennan@assure.demo", "phil.richardson@assure.demo", DemoLoader.adminEmail,
            ] {
                let client = try await WebClient.signedIn(app, as: email)
                for (path, fields) in writes {
                    _ = try await client.get("/")
                    let response = try await client.post(path, fields)
                    // then none is accepted: 403 for who may never, 409 or 422 for who may but not now
                    #expect(
                        [.forbidden, .conflict, .unprocessableEntity].contains(response.status),
                        "\(email) POST \(path): \(response.status)")
                }
                _ = try await client.get("/")
                let put = try await client.send(
                    .PUT, Link.apiReturn(period: ids.june.id, project: row.project.id).path,
                    json: #"{"baseVersion": \#(sheet.form.baseVersion), "rating": "Red"}"#, csrf: true)
                #expect([.forbidden, .conflict].contains(put.status), "\(email) PUT: \(put.status)")
            }
            // and June is as it was, with nothing in the audit log
            #expect(try await Reports.report(app.db, periodID: ids.june.id) == before)
            #expect(try await AuditLog.recent(app.db, limit: 10_000).count == auditBefore)
        }
    }
}
