import AssureCore
import Foundation
import Testing

@Suite("Slippage against the baseline: the first date a milestone was reported with")
struct SlippageBaselineTests {
    let programme = UUID()

    /// MAT002's "Draft PID updated", first reported for Jul-16 (July), moved to Sep-16 in August and kept there in September.
    func flags(october date: String) -> [Flag] {
        let project = ProjectInfo(
            id: UUID(), programmeID: programme, reference: "MAT002", title: "Children's services",
            sro: "Karen Kirkham", lead: "Jane Brennan")
        let title = "Draft PID updated"
        let september = ReturnInfo(
            projectID: project.id, rating: "Amber", update: "September words",
            milestones: [MilestoneLine(title: title, date: "Sep-16")])
        let october = ReturnInfo(
            projectID: project.id, rating: "Amber", update: "October words",
            milestones: [MilestoneLine(title: title, date: date)])
        let period = PeriodInfo(
            id: UUID(), key: "2016-10", label: "October 2016", frequency: .monthly,
            asAt: CalendarDate(year: 2016, month: 10, day: 31)!, publishOn: nil, status: .open)
        let history = [
            title: [
                ReportedDate.reading("2016-07", "Jul-16"), ReportedDate.reading("2016-08", "Sep-16"),
                ReportedDate.reading("2016-09", "Sep-16"),
            ]
        ]
        let data = PeriodData(
            portfolio: PortfolioInfo(id: UUID(), name: "CDG Priorities", scale: .threePoint), period: period,
            programmes: [ProgrammeInfo(id: programme, name: "Maternity", kind: .clinicalDeliveryGroup)],
            projects: [project], returns: [project.id: october], previousPeriodKey: "2016-09",
            previousReturns: [project.id: september],
            milestoneBaselines: [project.id: history.mapValues { MilestoneBaseline.folding($0)! }])
        return PeriodReportBuilder.build(data).row(reference: "MAT002")?.flags.filter { $0.kind == .milestoneSlipped }
            ?? []
    }

    @Test("Unchanged since last period but later than first reported: flagged with the days and the number of moves")
    func heldAfterSlipping() {
        #expect(
            flags(october: "Sep-16").map(\.message) == [
                "“Draft PID updated” is due Sep-16, 61 days later than first reported (Jul-16 in 2016-07); moved 1 time."
            ])
    }

    @Test("Moved again: both the move since last period and the total since the baseline")
    func movedAgain() {
        #expect(
            flags(october: "Dec-16").map(\.message) == [
                "“Draft PID updated” moved from Sep-16 to Dec-16 (92 days later) since 2016-09. That is 153 days later than first reported (Jul-16 in 2016-07); moved 2 times."
            ])
    }

    @Test("Back on its baseline date: nothing against the baseline, only the move since last period")
    func backOnBaseline() {
        #expect(
            flags(october: "Jul-16").map(\.message) == [
                "“Draft PID updated” moved from Sep-16 to Jul-16 (61 days earlier) since 2016-09."
            ])
    }
}

@Suite("A milestone's baseline folded one period at a time")
struct MilestoneBaselineFoldTests {
    @Test("Folding period by period gives the baseline and moves of the whole history, skipping unreadable dates")
    func foldMatchesWholeHistory() {
        // given 500 random histories of readable and unreadable dates, some repeating
        var generator = SystemRandomNumberGenerator()
        let days = ["Jul-16", "Sep-16", "Dec-16", "ongoing", "Q3 17/18", "TBC"]
        for _ in 0..<500 {
            let history = (0..<Int.random(in: 0...8, using: &generator)).map { index in
                ReportedDate.reading(String(format: "2016-%02d", index + 1), days.randomElement(using: &generator)!)
            }
            // when
            let folded = MilestoneBaseline.folding(history)
            let incremental = history.reduce(MilestoneBaseline?.none) { MilestoneBaseline.adding($1, to: $0) }
            // then: the same as reading the readable dates of the whole history at once
            let readable = history.filter { $0.dueBy != nil }
            let sequence = readable.compactMap(\.dueBy)
            #expect(folded == incremental)
            #expect(folded?.baseline == readable.first)
            #expect(folded?.latestDueBy == sequence.last)
            #expect(folded?.moves ?? 0 == zip(sequence, sequence.dropFirst()).filter { $0 != $1 }.count)
        }
    }

    @Test("Reporting the latest date again is not a move; a new date is")
    func movesNow() {
        let summary = MilestoneBaseline.folding([.reading("2016-07", "Jul-16"), .reading("2016-08", "Sep-16")])!
        #expect(summary.moves(reportingNow: summary.latestDueBy) == 1)
        #expect(summary.moves(reportingNow: summary.baseline.dueBy!) == 2)
    }
}
