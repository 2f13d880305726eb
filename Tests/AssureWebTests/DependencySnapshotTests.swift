import AssureCore
import AssureDemo
import Foundation
import Testing

@testable import AssureStorage
@testable import AssureWeb

extension DependenciesPageModel {
    /// Seed 004's Transformation Programme, July 2016: the CMA review waits on NHSE Stage II (as its date says), the
    /// preferred-option decision (20 July) on Stage II (31 August), and the governing body's development on the
    /// decision; and, as if nothing were linked yet, the CMA review's date offered as a link.
    static func mock() throws -> DependenciesPageModel {
        let demo = try #require(Demo.portfolios.first { $0.name == "Transformation Programme" })
        let july = try #require(demo.periodData("2016-07"))
        func project(_ title: String) throws -> ProjectInfo { try #require(july.projects.first { $0.title == title }) }
        let stageII = try project("NHSE Stage II assurance and Investment Committee")
        let cma = try project("NHS Improvement & CMA")
        let decision = try project("Decision making process")
        let leadership = try project("System Leadership")
        func end(_ project: ProjectInfo, _ milestone: String) -> DependencyEnd {
            DependencyEnd(projectID: project.id, milestone: milestone)
        }
        let stageIIEnd = end(stageII, "Successful completion of NHSE Stage II and IC")
        let decisionEnd = end(decision, "Dorset Models of Care (Acute & ICS) Preferred Option Decision")
        let links: [(ProjectInfo, DependencyEnd, ProjectInfo, DependencyEnd)] = [
            (cma, end(cma, "Successful completion of NHS Improvement and CMA process"), stageII, stageIIEnd),
            (decision, decisionEnd, stageII, stageIIEnd),
            (leadership, end(leadership, "Governing Body Development"), decision, decisionEnd),
        ]
        let stored = links.enumerated().map { index, link in
            StoredDependency(
                id: UUID(uuidString: "00000000-0000-0000-0000-00000000000\(index + 1)")!,
                dependency: MilestoneDependency(dependant: link.1, upstream: link.3), dependantName: link.0.title,
                upstreamName: link.2.title, dependantProgrammeID: link.0.programmeID,
                upstreamProgrammeID: link.2.programmeID)
        }
        let graph = DependencyGraph(stored.map(\.dependency))
        let due = [
            stageIIEnd: CalendarDate(iso: "2016-08-31")!, decisionEnd: CalendarDate(iso: "2016-07-20")!,
            end(leadership, "Governing Body Development"): CalendarDate(iso: "2016-07-20")!,
        ]
        let risks = graph.risks(due: due)
        var byID: [UUID: DependencyRisk] = [:]
        for (item, risk) in zip(stored, stored.map { item in risks.first { $0.dependency == item.dependency } }) {
            if let risk { byID[item.id] = risk }
        }
        let picture = DependencyPicture(
            stored: stored, graph: graph, risks: Dictionary(grouping: risks, by: \.dependency.dependant),
            riskByID: byID, knockOns: graph.knockOns(of: risks))
        let suggestion = try #require(
            DependencySuggestions.suggest(
                written: [
                    WrittenMilestone(
                        projectID: cma.id, title: "Successful completion of NHS Improvement and CMA process",
                        dateText: "Dependant on NHSE Stage II")
                ],
                milestones: [
                    .init(
                        projectID: stageII.id, reference: nil, title: stageII.title, milestone: stageIIEnd.milestone!),
                    .init(projectID: cma.id, reference: nil, title: cma.title, milestone: "x"),
                ],
                recorded: DependencyGraph([])
            ).first)
        let summary = PortfolioSummary(info: july.portfolio, periods: [july.period], disabledChecks: [])
        return DependenciesPageModel(
            portfolio: summary, programmes: july.programmes, chosen: nil, picture: picture,
            suggestions: [suggestion], linkable: [cma.id])
    }
}

@Suite("Dependency page snapshot")
struct DependencySnapshotTests {
    @Test("A portfolio's dependencies: a map per programme, the risk and its knock-on, every one, and a date to link")
    func dependencies() throws {
        try ViewSnapshotTests.assertSnapshot(
            DependenciesPage.render(try DependenciesPageModel.mock(), ViewSnapshotTests.pmo), named: "dependencies")
    }
}
