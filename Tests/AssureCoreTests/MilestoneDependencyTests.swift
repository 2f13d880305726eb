import AssureCore
import Foundation
import Testing

/// Seed 004's "NHS Improvement & CMA" milestone is dated "Dependant on NHSE Stage II": a dependency written as a date.
/// The graph holds such dependencies across programmes, refuses loops by naming them, and finds those at risk.
@Suite("Dependencies between milestones")
struct MilestoneDependencyTests {
    let acute = UUID()  // the acute services review
    let cma = UUID()  // the merger's competition review
    let estates = UUID()

    func milestone(_ project: UUID, _ title: String) -> DependencyEnd { .init(projectID: project, milestone: title) }
    func whole(_ project: UUID) -> DependencyEnd { .init(projectID: project, milestone: nil) }
    func depends(_ dependant: DependencyEnd, on upstream: DependencyEnd) -> MilestoneDependency {
        .init(dependant: dependant, upstream: upstream)
    }

    @Test("Given CMA waits on NHSE Stage II, making Stage II wait on CMA is refused, and the loop is named in order")
    func loopNamed() throws {
        let stageII = milestone(acute, "NHSE Stage II")
        let review = milestone(cma, "NHS Improvement & CMA")
        let graph = DependencyGraph([depends(review, on: stageII)])
        // when Stage II is made to wait on the CMA review
        let loop = try #require(graph.loop(adding: depends(stageII, on: review)))
        // then the loop runs from Stage II, through the review, back to Stage II
        #expect(loop == [stageII, review, stageII])
        // and an unrelated dependency closes nothing
        #expect(graph.loop(adding: depends(milestone(estates, "Lease signed"), on: review)) == nil)
    }

    @Test("A loop through a project as a whole is a loop: the project waits on every one of its milestones")
    func loopThroughProject() throws {
        // given the estates project as a whole waits on the CMA review, and the review waits on Stage II
        let review = milestone(cma, "NHS Improvement & CMA")
        let stageII = milestone(acute, "NHSE Stage II")
        let graph = DependencyGraph([depends(whole(estates), on: review), depends(review, on: stageII)])
        // when Stage II is made to wait on one of the estates project's milestones
        let lease = milestone(estates, "Lease signed")
        let loop = try #require(graph.loop(adding: depends(stageII, on: lease)))
        // then it is refused: the lease waits (with its project) on the review, which waits on Stage II
        #expect(loop.first == stageII && loop.last == stageII)
        #expect(loop.contains(review) && loop.contains(lease))
        // and a project waiting on its own milestone is refused too
        #expect(graph.loop(adding: depends(whole(estates), on: lease)) != nil)
    }

    @Test(
        "An upstream dated after its dependant is at risk by the days between; one likely to slip with under a month to spare too"
    )
    func risks() throws {
        let stageII = milestone(acute, "NHSE Stage II")
        let review = milestone(cma, "NHS Improvement & CMA")
        let lease = milestone(estates, "Lease signed")
        let fitOut = milestone(estates, "Fit-out")
        let graph = DependencyGraph([
            depends(review, on: stageII), depends(whole(estates), on: review), depends(fitOut, on: lease),
        ])
        let date = { (text: String) in CalendarDate(iso: text)! }
        let due: [DependencyEnd: CalendarDate] = [
            stageII: date("2016-09-30"), review: date("2016-09-15"),
            lease: date("2016-10-31"), fitOut: date("2016-11-20"),
        ]
        // when nothing is forecast: the review is dated before Stage II, which it waits on, by 15 days
        let plain = graph.risks(due: due)
        #expect(plain.map(\.reason) == [.datedAfter(days: 15)])
        #expect(plain.first?.dependency == depends(review, on: stageII))
        // when the review is likely to slip: the estates project needs it by its earliest milestone (31 October),
        // 46 days after it, more than a month: not at risk; the lease, 20 days before the fit-out, likely to slip: at risk
        let forecast = graph.risks(due: due, forecasts: [review: 80, lease: 64])
        #expect(forecast.count == 2)
        #expect(forecast.last?.reason == .likelyToSlip(percent: 64, spareDays: 20))
        // and one not likely is not flagged
        #expect(graph.risks(due: due, forecasts: [lease: 49]).count == 1)
    }

    @Test("Downstream of a milestone: every end that waits on it, with the chain")
    func downstream() {
        let stageII = milestone(acute, "NHSE Stage II")
        let review = milestone(cma, "NHS Improvement & CMA")
        let graph = DependencyGraph([depends(review, on: stageII), depends(whole(estates), on: review)])
        let found = graph.downstream(of: stageII)
        #expect(found.map(\.end) == [review, whole(estates)])
        #expect(found.last?.chain == [stageII, review, whole(estates)])
    }
}
