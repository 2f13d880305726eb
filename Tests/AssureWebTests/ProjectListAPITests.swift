import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor

@Suite("The JSON project list, a page at a time")
struct ProjectListAPITests {
    struct Page: Decodable {
        struct Item: Decodable { let id: UUID; let reference: String?; let rating: String? }
        let total: Int
        let offset: Int
        let limit: Int
        let ratingsAsAt: String?
        let projects: [Item]
        let next: String?
    }

    @Test(
        "Paging through the list gives every project once, rated as in the latest published period",
        arguments: Backend.all)
    func pages(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            // given the CDG portfolio, whose latest published period is September 2016
            let september = try #require(ids.cdg.latestPublished)
            let report = try await Reports.report(app.db, periodID: september.id)
            // when a script pages through its projects five at a time, following each page's `next`
            var seen: [Page.Item] = []
            var total = -1
            var address: String? = Link.apiProjects(portfolio: ids.cdg.info.id).path(query: "limit=5")
            while let next = address, seen.count <= 1000 {
                let response = try await board.get(next)
                #expect(response.status == .ok)
                let page = try JSONDecoder().decode(Page.self, from: Data(response.body.string.utf8))
                #expect(page.limit == 5 && page.offset == seen.count && page.ratingsAsAt == september.key)
                // the Link header says the same as the body
                #expect(response.headers.first(name: .link) == page.next.map { "<\($0)>; rel=\"next\"" })
                total = page.total
                seen += page.projects
                address = page.next
            }
            // then every project and sub-item comes once, with its effective rating in September
            #expect(total == report.allRows.count + report.allRows.flatMap(\.children).count)
            #expect(Set(seen.map(\.id)).count == total)
            let ratings = report.effectiveRatings
            #expect(!ratings.isEmpty)
            for item in seen { #expect(item.rating == ratings[item.id]?.label, "\(item.reference ?? "?")") }
        }
    }

    @Test(
        "A limit out of range or an unreadable offset is refused with the reason; without a session, 401",
        arguments: [Backend.sqlite])
    func badPaging(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            let list = { (query: String) in Link.apiProjects(portfolio: ids.cdg.info.id).path(query: query) }
            let tooMany = try await board.get(list("limit=5000"))
            #expect(tooMany.status == .badRequest || tooMany.status == .unprocessableEntity)
            #expect(tooMany.body.string.contains("limit from 1 to 1000"))
            #expect(try await board.get(list("offset=-1")).status.code >= 400)
            #expect(try await board.get(list("offset=abc")).status == .badRequest)
            #expect(try await WebClient(app).get(list("")).status == .unauthorized)
        }
    }
}
