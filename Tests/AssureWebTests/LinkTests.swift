import AssureOutput
import Foundation
import Testing

@testable import AssureWeb

@Suite("Links carry their ids")
struct LinkTests {
    let period = UUID()
    let project = UUID()

    @Test("Given a link with ids, its path fills its route's pattern in order and matches that route")
    func pathsFillTheirPatterns() {
        let links: [Link] = [
            .home, .login, .portfolio(portfolio: period), .returnForm(period: period, project: project),
            .reviewReturn(period: period, project: project), .apiReturn(period: period, project: project),
            .user(id: project), .importJob(job: period), .retryMessage(message: project), .personEmail(person: period),
            .signInWith(provider: "nhsmail"), .signInReturn(provider: "nhsmail"),
        ]
        for link in links {
            #expect(!link.path.contains(":"), "\(link) left a parameter in \(link.path)")
            #expect(
                AppRoute.matches(pattern: link.route.rawValue.split(separator: "/"), path: link.path),
                "\(link.path) is not \(link.route)")
        }
        #expect(Link.returnForm(period: period, project: project).path == "/periods/\(period)/returns/\(project)")
        #expect(Link.home.path == "/")
        #expect(Link.signInReturn(provider: "nhsmail").path == "/login/with/nhsmail/return")
    }

    @Test("A query is added after the path, and none when there is none")
    func queries() {
        #expect(Link.paper(period: period).path(query: "meeting=x") == "/periods/\(period)/paper?meeting=x")
        #expect(Link.paper(period: period).path(query: nil) == "/periods/\(period)/paper")
    }
}
