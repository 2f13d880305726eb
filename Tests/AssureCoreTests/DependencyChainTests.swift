import AssureCore
import Foundation
import Testing

/// What a dependency at risk knocks on to down its chain, what a date written as another event may mean, and the map
/// that draws them: seed 004's "Dependant on NHSE Stage II" and a chain built on it.
@Suite("Dependency chains, suggestions and maps")
struct DependencyChainTests {
    let stageIIProject = UUID()
    let cmaProject = UUID()
    let estates = UUID()
    let workforce = UUID()

    func milestone(_ project: UUID, _ title: String) -> DependencyEnd { .init(projectID: project, milestone: title) }
    func depends(_ dependant: DependencyEnd, on upstream: DependencyEnd) -> MilestoneDependency {
        .init(dependant: dependant, upstream: upstream)
    }
    func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    var stageII: DependencyEnd { milestone(stageIIProject, "Successful completion of NHSE Stage II and IC") }
    var cma: DependencyEnd { milestone(cmaProject, "Successful completion of NHS Improvement and CMA process") }
    var lease: DependencyEnd { milestone(estates, "Lease signed") }
    var rota: DependencyEnd { milestone(workforce, "New rota live") }

    @Test(
        "Given Stage II is due after the CMA review needs it, what waits on the review, and on that, is at risk through it"
    )
    func knockOnsFollowTheChain() throws {
        // given the lease waits on the CMA review, the rota on the lease, and the review on Stage II
        let graph = DependencyGraph([depends(cma, on: stageII), depends(lease, on: cma), depends(rota, on: lease)])
        let due = [
            stageII: date("2016-08-31"), cma: date("2016-07-20"), lease: date("2016-12-01"), rota: date("2017-03-01"),
        ]
        // when the risks are judged
        let risks = graph.risks(due: due)
        // then only the review is directly at risk (its upstream is due 42 days late) …
        #expect(risks.map(\.dependency.dependant) == [cma])
        #expect(risks.first?.reason == .datedAfter(days: 42))
        // … and the lease and the rota are at risk through it, each with the chain from Stage II
        let knockOns = graph.knockOns(of: risks)
        #expect(Set(knockOns.keys) == [lease, rota])
        #expect(knockOns[lease]?.chain == [stageII, cma, lease])
        #expect(knockOns[rota]?.chain == [stageII, cma, lease, rota])
        #expect(knockOns[rota]?.origin == risks.first)
        // and with nothing at risk nothing is knocked on
        #expect(graph.knockOns(of: []).isEmpty)
    }

    @Test("A project as a whole at risk knocks on to whatever waits on any of its milestones")
    func wholeProjectKnocksOn() throws {
        let wholeEstates = DependencyEnd(projectID: estates, milestone: nil)
        let graph = DependencyGraph([depends(wholeEstates, on: stageII), depends(rota, on: lease)])
        let risks = graph.risks(due: [stageII: date("2016-08-31"), lease: date("2016-07-01"), rota: date("2016-10-01")])
        #expect(risks.map(\.dependency.dependant) == [wholeEstates])
        let knockOns = graph.knockOns(of: risks)
        #expect(knockOns[rota]?.chain == [stageII, wholeEstates, lease, rota])
    }

    @Test(
        "“Dependant on NHSE Stage II” is read as the event it names, and offered the Stage II milestone, not the CMA's own"
    )
    func suggestsTheEventNamed() throws {
        #expect(DateTextParser.event(dependedOn: "Dependant on NHSE Stage II") == "NHSE Stage II")
        #expect(DateTextParser.event(dependedOn: "depends   on  Board approval") == "Board approval")
        #expect(DateTextParser.event(dependedOn: "31-Aug-16") == nil)
        #expect(DateTextParser.event(dependedOn: "Dependant on ") == nil)
        let written = [
            WrittenMilestone(
                projectID: cmaProject, title: cma.milestone!, dateText: "Dependant on NHSE Stage II"),
            WrittenMilestone(projectID: estates, title: "Lease signed", dateText: "30-Sep-16"),
        ]
        let milestones = [
            DependencySuggestion.Candidate(
                projectID: stageIIProject, reference: nil, title: "NHSE Stage II assurance and Investment Committee",
                milestone: stageII.milestone!),
            DependencySuggestion.Candidate(
                projectID: cmaProject, reference: nil, title: "NHS Improvement & CMA", milestone: cma.milestone!),
            DependencySuggestion.Candidate(
                projectID: estates, reference: "EST01", title: "Estates", milestone: "Stage gate review"),
        ]
        // when suggestions are made with nothing recorded
        let suggestions = DependencySuggestions.suggest(
            written: written, milestones: milestones, recorded: DependencyGraph([]))
        // then the CMA milestone is offered Stage II (all three words), not the estates gate (one word of three)
        let suggestion = try #require(suggestions.first)
        #expect(suggestions.count == 1)
        #expect(suggestion.dependant == cma && suggestion.event == "NHSE Stage II")
        #expect(suggestion.dependantName == "NHS Improvement & CMA")
        #expect(suggestion.candidates.map(\.upstream) == [stageII])
        #expect(suggestion.candidates.first?.projectHandle == "NHSE Stage II assurance and Investment Committee")
        // and once linked it is no longer offered
        let linked = DependencySuggestions.suggest(
            written: written, milestones: milestones, recorded: DependencyGraph([depends(cma, on: stageII)]))
        #expect(linked.isEmpty)
        // and an event nothing names is not guessed at
        let unknown = DependencySuggestions.suggest(
            written: [WrittenMilestone(projectID: cmaProject, title: "X", dateText: "Dependant on Treasury sign-off")],
            milestones: milestones, recorded: DependencyGraph([]))
        #expect(unknown.isEmpty)
    }

    @Test(
        "An import dating thousands of milestones as events is matched for the first 500 only, each still offered its event"
    )
    func manyDatedAsEvents() {
        let upstream = UUID()
        let milestones =
            (0..<20_000).map {
                DependencySuggestion.Candidate(
                    projectID: UUID(), reference: nil, title: "Project \($0)", milestone: "Milestone \($0)")
            } + [
                .init(projectID: upstream, reference: "ST2", title: "Stage II", milestone: "NHSE Stage II approval")
            ]
        let written = (0..<2_000).map {
            WrittenMilestone(projectID: UUID(), title: "Waiting \($0)", dateText: "Dependant on NHSE Stage II")
        }
        let suggestions = DependencySuggestions.suggest(
            written: written, milestones: milestones, recorded: DependencyGraph([]))
        #expect(suggestions.count == DependencySuggestions.matchedAtOnce)
        #expect(suggestions.allSatisfy { $0.candidates.map(\.projectID) == [upstream] })
        #expect(suggestions.map(\.dependant.milestone) == written.prefix(500).map(\.title))
    }

    @Test("The map puts what is waited on left of what waits, with no two boxes overlapping, and colours the chain")
    func mapLaysOutLeftToRight() throws {
        let graph = DependencyGraph([
            depends(cma, on: stageII), depends(lease, on: cma), depends(rota, on: lease), depends(rota, on: stageII),
        ])
        let due = [
            stageII: date("2016-08-31"), cma: date("2016-07-20"), lease: date("2016-12-01"), rota: date("2017-03-01"),
        ]
        let risks = graph.risks(due: due)
        let names = [stageIIProject: "Stage II", cmaProject: "CMA", estates: "Estates", workforce: "Workforce"]
        let map = DependencyMap(
            graph.dependencies, names: names, inProgramme: { $0 != self.workforce }, risks: risks,
            knockOns: graph.knockOns(of: risks))
        #expect(map.nodes.count == 4 && map.edges.count == 4)
        // every arrow points rightwards: what is waited on sits in an earlier column
        for edge in map.edges {
            #expect(map.nodes[edge.from].column < map.nodes[edge.to].column)
            #expect(map.nodes[edge.from].x + DependencyMap.nodeWidth < map.nodes[edge.to].x)
        }
        // the rota waits on Stage II directly and through the lease: it sits after the lease
        let column = Dictionary(map.nodes.map { ($0.end, $0.column) }) { a, _ in a }
        #expect(column[stageII] == 0 && column[cma] == 1 && column[lease] == 2 && column[rota] == 3)
        // no two boxes overlap, and every box is inside the drawing
        for (i, a) in map.nodes.enumerated() {
            #expect(a.x + DependencyMap.nodeWidth <= map.width && a.y + DependencyMap.nodeHeight <= map.height)
            for b in map.nodes[(i + 1)...] {
                let apart =
                    a.x + DependencyMap.nodeWidth <= b.x || b.x + DependencyMap.nodeWidth <= a.x
                    || a.y + DependencyMap.nodeHeight <= b.y || b.y + DependencyMap.nodeHeight <= a.y
                #expect(apart)
            }
        }
        // the review is at risk, the lease and rota knocked on, Stage II clear; the workforce project is outside
        let standing = Dictionary(map.nodes.map { ($0.end, $0.standing) }) { a, _ in a }
        #expect(standing == [stageII: .clear, cma: .atRisk, lease: .knockOn, rota: .knockOn])
        #expect(map.nodes.filter(\.outside).map(\.end) == [rota])
        #expect(map.edges.filter { $0.risk != nil }.map { map.nodes[$0.to].end } == [cma])
    }

    @Test("A programme's map holds only the dependencies with an end in it")
    func mapOfOneProgramme() {
        let graph = DependencyGraph([depends(cma, on: stageII), depends(rota, on: lease)])
        let map = DependencyMap(
            graph.dependencies, names: [:], inProgramme: { $0 == self.workforce }, risks: [], knockOns: [:])
        #expect(Set(map.nodes.map(\.end)) == [rota, lease])
        #expect(map.edges.count == 1)
    }
}
