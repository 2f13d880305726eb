import AssureApp
import AssureCore
import AssureDemo
import AssureStorage
import AssureTestSupport
import Foundation
import Testing
import Vapor

@testable import AssureWeb

/// Seed 004's "NHS Improvement & CMA" milestone is dated "Dependant on NHSE Stage II": a dependency written as a date.
/// Recorded as data on the project page by whoever edits the programme, refused with the loop named, and flagged on
/// both projects' pages and the cockpit when what it waits on is due after it is needed.
@Suite("Dependencies between milestones, on the pages")
struct DependencyPageTests {
    static let stageII = "NHSE Stage II assurance and Investment Committee"
    static let stageIIMilestone = "Successful completion of NHSE Stage II and IC"
    static let cma = "NHS Improvement & CMA"
    static let cmaMilestone = "Successful completion of NHS Improvement and CMA process"
    static let decision = "Decision making process"
    static let decisionMilestone = "Dorset Models of Care (Acute & ICS) Preferred Option Decision"

    @Test(
        "Given seed 004, the CMA review waits on NHSE Stage II as recorded by the Assurance programme's editor; a decision dated before Stage II is at risk on both pages and the cockpit; a loop, a wrong name and a stranger are refused",
        arguments: Backend.all)
    func recordedFlaggedAndRefused(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given the Transformation Programme's July 2016, published
            let (_, july) = try await Catalogue.findPeriod(
                app.db, key: "2016-07", portfolio: "Transformation Programme")
            let report = try await Reports.report(app.db, periodID: july.id)
            let cma = try #require(report.row(title: Self.cma)).project
            let stageII = try #require(report.row(title: Self.stageII)).project
            let decision = try #require(report.row(title: Self.decision)).project
            let path = Link.projectDependencies(project: cma.id).path
            let fields = [
                "milestone": Self.cmaMilestone, "upstreamProject": Self.stageII,
                "upstreamMilestone": Self.stageIIMilestone,
            ]

            // when someone who does not edit the Assurance programme tries, it is refused
            let jane = try await WebClient.signedIn(app, as: "jane.brennan@assure.demo")
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            let phil = try await WebClient.signedIn(app, as: "phil.richardson@assure.demo")
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            // (the sign-in notice is shown once, on the first page after signing in, with the form's token)
            for client in [jane, board, phil, admin] { _ = try await client.get("/") }
            let janeRefused = try await jane.post(path, fields)
            #expect(janeRefused.status == .forbidden)
            #expect(janeRefused.body.string.contains("you may not change projects in Assurance"))
            #expect(try await board.post(path, fields).status == .forbidden)

            // when Phil, who edits it, names a project that is not there: refused, his values kept
            var wrong = fields
            wrong["upstreamProject"] = "NHSE Stage 3"
            let refused = try await phil.post(path, wrong)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("No project in Transformation Programme is called “NHSE Stage 3”."))
            #expect(refused.body.string.contains("value=\"NHSE Stage 3\""))
            wrong = fields
            wrong["upstreamMilestone"] = "Stage II"
            #expect(
                try await phil.post(path, wrong).body.string.contains("has reported no milestone called “Stage II”"))

            // when he records the dependency seed 004 wrote as a date
            #expect(try await phil.post(path, fields).status == .seeOther)
            // then the CMA review's page shows what it waits on; undated, it is not judged at risk
            let cmaPage = try await phil.get(Link.project(project: cma.id).path).body.string
            #expect(cmaPage.contains("Waits on"))
            #expect(
                cmaPage.contains(
                    "\">" + "\(Self.stageII): \(Self.stageIIMilestone)".htmlEscaped + "</a> → "
                        + "\(Self.cma): \(Self.cmaMilestone)".htmlEscaped))
            #expect(!cmaPage.contains("At risk"))
            // and the same dependency twice is refused
            #expect(try await phil.post(path, fields).body.string.contains("This dependency is already recorded."))

            // when the PMO makes the preferred-option decision (20 July) wait on Stage II (31 August), across programmes
            #expect(
                try await admin.post(
                    Link.projectDependencies(project: decision.id).path,
                    [
                        "milestone": Self.decisionMilestone, "upstreamProject": Self.stageII,
                        "upstreamMilestone": Self.stageIIMilestone,
                    ]
                ).status == .seeOther)
            // then it is at risk by the 42 days between, on the decision's page
            let risk = "At risk: due 31 Aug 2016, 42 days after it is needed (20 Jul 2016)"
            #expect(try await admin.get(Link.project(project: decision.id).path).body.string.contains(risk))
            // and Stage II's page shows both that need it, the decision at risk
            let stageIIPage = try await admin.get(Link.project(project: stageII.id).path).body.string
            #expect(stageIIPage.contains("Needed by"))
            #expect(stageIIPage.contains(Self.cmaMilestone.htmlEscaped))
            #expect(stageIIPage.contains(Self.decisionMilestone.htmlEscaped))
            #expect(stageIIPage.contains(risk))
            // and, once August is open, the PMO's cockpit lists it
            let august = try await PeriodLifecycle.create(
                app.db, .commandLine("test"), portfolioID: report.portfolio.id, key: "2016-08")
            _ = try await PeriodLifecycle.open(app.db, .commandLine("test"), periodID: august.id)
            let home = try await admin.get(Link.home.path).body.string
            #expect(home.contains("Dependencies at risk"))
            #expect(home.contains(risk))

            // when the PMO makes Stage II wait on the CMA review: refused, the loop named
            let loop = try await admin.post(
                Link.projectDependencies(project: stageII.id).path,
                [
                    "milestone": Self.stageIIMilestone, "upstreamProject": Self.cma,
                    "upstreamMilestone": Self.cmaMilestone,
                ])
            #expect(loop.status == .unprocessableEntity)
            #expect(
                loop.body.string.contains(
                    "This would close a loop: \(Self.stageII): \(Self.stageIIMilestone) → \(Self.cma): \(Self.cmaMilestone) → \(Self.stageII): \(Self.stageIIMilestone)"
                        .htmlEscaped))

            // when Phil removes his, it is gone, and the audit log has both
            let stored = try #require(try await MilestoneDependencies.touching(app.db, projectID: cma.id).first)
            #expect(
                try await phil.post(Link.removeDependency(project: cma.id, item: stored.id).path, [:]).status
                    == .seeOther)
            #expect(try await MilestoneDependencies.touching(app.db, projectID: cma.id).isEmpty)
            let actions = try await AuditLog.recent(app.db, limit: 20).map(\.action)
            #expect(actions.contains("add-dependency") && actions.contains("remove-dependency"))
        }
    }
}
