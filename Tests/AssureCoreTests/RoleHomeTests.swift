import AssureCore
import AssureDemo
import Foundation
import Testing

@Suite("Each role's home: what a person owes, what waits for them, what the board must know")
struct RoleHomeTests {
    let programme = ProgrammeInfo(id: UUID(), name: "Maternity and Family Health", kind: .clinicalDeliveryGroup)
    let october = PeriodInfo(
        id: UUID(), key: "2016-10", label: "October 2016", frequency: .monthly,
        asAt: CalendarDate(year: 2016, month: 10, day: 31)!, publishOn: nil, status: .open)

    func row(
        _ reference: String, _ state: ReturnState, owners: [ReturnTracking.Contact], savedBy: String? = nil,
        submittedAt: Date? = nil
    ) -> ReturnTracking.Row {
        ReturnTracking.Row(
            project: ProjectInfo(id: UUID(), programmeID: programme.id, reference: reference, title: reference),
            state: state, owners: owners, savedBy: savedBy, submittedAt: submittedAt)
    }

    func tracking(_ rows: [ReturnTracking.Row], due: CalendarDate? = nil) -> ReturnTracking {
        ReturnTracking(
            portfolio: PortfolioInfo(id: UUID(), name: "CDG Priorities", scale: .threePoint), period: october,
            returnsDue: due, programmes: [.init(programme: programme, rows: rows)])
    }

    let jane = ReturnTracking.Contact(name: "Jane Brennan", email: "Jane.Brennan@assure.demo")
    let phil = ReturnTracking.Contact(name: "Phil Richardson", email: "phil.richardson@assure.demo")

    @Test("A lead owes the returns naming them, whatever the case of their address, and no one else's")
    func owed() {
        // given two returns led by Jane and one by Phil
        let tracking = tracking([
            row("MAT001", .draft, owners: [jane]), row("MAT002", .notStarted, owners: [jane]),
            row("ICS001", .notStarted, owners: [phil]),
        ])
        // then Jane owes hers, Phil his
        #expect(tracking.owed(byEmail: "jane.brennan@assure.demo").map(\.project.reference) == ["MAT001", "MAT002"])
        #expect(tracking.owed(byEmail: "phil.richardson@assure.demo").map(\.project.reference) == ["ICS001"])
        #expect(tracking.owed(byEmail: "board@assure.demo").isEmpty)
    }

    @Test("An SRO's queue: submitted returns of the projects they review, oldest first, never their own")
    func awaitingReview() {
        // given three submitted returns, one saved by the SRO herself, and a draft
        let early = Date(timeIntervalSince1970: 1_477_000_000), late = early.addingTimeInterval(86_400)
        let rows = [
            row("MAT002", .submitted, owners: [jane], savedBy: "Jane Brennan", submittedAt: late),
            row("MAT001", .submitted, owners: [jane], savedBy: "Jane Brennan", submittedAt: early),
            row("MAT003", .submitted, owners: [jane], savedBy: "Karen Kirkham", submittedAt: early),
            row("MAT004", .draft, owners: [jane], savedBy: "Jane Brennan"),
        ]
        let karen = Readership(isPMO: false, reviewedProjects: Set(rows.map(\.project.id)))
        // when Karen looks
        let queue = tracking(rows).awaitingReview(by: karen, name: "Karen Kirkham")
        // then the oldest comes first, and her own and the draft are not there
        #expect(queue.map(\.project.reference) == ["MAT001", "MAT002"])
        // and someone who reviews none of them sees none
        #expect(tracking(rows).awaitingReview(by: Readership(isPMO: false), name: "Phil").isEmpty)
    }

    @Test("Returns are overdue only once the due date has passed")
    func overdue() {
        let rows = [row("MAT001", .approved, owners: [jane]), row("MAT002", .draft, owners: [jane])]
        let due = CalendarDate(year: 2016, month: 11, day: 7)!
        #expect(tracking(rows, due: due).overdue(today: due).isEmpty)
        #expect(
            tracking(rows, due: due).overdue(today: CalendarDate(year: 2016, month: 11, day: 8)!).map(
                \.project.reference) == ["MAT002"])
        #expect(tracking(rows).overdue(today: CalendarDate(year: 2030, month: 1, day: 1)!).isEmpty)
    }

    @Test("The board's summary of July 2016: the declines with their words, the milestones slipped, other changes")
    func boardSummary() {
        // given the Transformation Programme's June and July 2016 papers
        let june = PeriodReportBuilder.build(TransformationDashboard2016Fixture.june)
        let july = PeriodReportBuilder.build(TransformationDashboard2016Fixture.july)
        // when the board reads July
        let summary = BoardSummary(report: july, previous: june)
        // then the two declines are there, in words, the Red one first
        #expect(
            summary.attention.map(\.change.words) == [
                "Declined from Amber to Red", "Declined from Green to Amber",
            ])
        #expect(
            summary.attention.map(\.row.project.title) == [
                "NHSE Stage II assurance and Investment Committee", "Mental Health Acute Care Pathway",
            ])
        // and the milestones that moved later, with their days, agree with the changes page
        let changes = ChangesReport.compare(from: june, to: july)
        #expect(summary.slipped == changes.filter { $0.kind == .milestoneMoved && ($0.days ?? 0) > 0 })
        #expect(summary.slipped.map(\.days) == [114, 14])
        // and every other change is listed, except declines and milestone moves, which have their own sections
        #expect(
            summary.otherChanges.count == changes.filter { $0.kind != .declined && $0.kind != .milestoneMoved }.count)
        #expect(summary.otherChanges.allSatisfy { $0.kind == .improved })
        #expect(summary.carriedForward.isEmpty)
    }

    @Test("With no earlier period in Assure, the Red projects and the declines the paper reported are brought forward")
    func redWithoutHistory() {
        let july = PeriodReportBuilder.build(TransformationDashboard2016Fixture.july)
        let summary = BoardSummary(report: july, previous: nil)
        let red = july.allRows.filter { $0.effective?.label == "Red" }.map(\.project.id)
        #expect(!red.isEmpty && red.allSatisfy { id in summary.attention.contains { $0.row.project.id == id } })
        #expect(summary.attention.allSatisfy { $0.row.effective?.label == "Red" || $0.trend == .declined })
        #expect(summary.slipped.isEmpty && summary.otherChanges.isEmpty && summary.previousPeriod == nil)
    }

    @Test("A reviewer reads the rating's move in words, each milestone's move in days, and a repeated update")
    func reviewComparison() {
        // given September's return and October's, with the rating down, one date later, one new, one dropped
        let september = ReturnForm(
            rating: "Green", update: "Frameworks  shared with both\nworkstreams.", mitigation: "None needed.",
            milestones: [
                MilestoneLine(title: "Framework redrafted", date: "20-Oct-16", rating: "Green"),
                MilestoneLine(title: "Vanguard meets", date: "Sep-16"),
                MilestoneLine(title: "Board sign-off", date: "tbc"),
            ], baseVersion: 0)
        let october = ReturnForm(
            rating: "Amber", update: "Frameworks shared with both workstreams.", mitigation: "Escalated to the SRO.",
            milestones: [
                MilestoneLine(title: "Framework redrafted", date: "03-Nov-16", rating: "Amber"),
                MilestoneLine(title: "Board sign-off", date: "Dec-16"),
                MilestoneLine(title: "Launch", date: "Jan-17"),
            ], baseVersion: 1)
        // when compared
        let comparison = ReturnComparison(
            current: october, previous: september, previousPeriod: "September 2016", scale: .threePoint)
        // then
        #expect(comparison.rating.words == "Declined from Green to Amber")
        #expect(comparison.rating.trend == .declined)
        #expect(
            comparison.milestones.map(\.movement) == [
                "Moved 14 days later", "Date rewritten (tbc → Dec-16)", "New this period",
            ])
        #expect(comparison.dropped == ["Vanguard meets"])
        #expect(comparison.updateRepeated, "the same words, spacing aside")
        #expect(!comparison.mitigationRepeated)
        // and with no earlier return, the rating is new and nothing is compared
        let first = ReturnComparison(current: october, previous: nil, previousPeriod: nil, scale: .threePoint)
        #expect(first.rating.words == "Amber, new this period")
        #expect(first.previousPeriod == nil && !first.updateRepeated)
        #expect(first.milestones.allSatisfy { $0.movement == "New this period" })
    }
}

@Suite("The return form's rules")
struct ReturnFormRuleTests {
    let blank = ReturnForm(rating: "Green", update: "  \n ", mitigation: "", milestones: [], baseVersion: 0)

    @Test("A portfolio that requires an update refuses a submission without one, but not a draft")
    func requiresUpdate() {
        #expect(blank.validate(on: .threePoint, submitting: true, requireUpdate: true)["update"] != nil)
        #expect(blank.validate(on: .threePoint, submitting: false, requireUpdate: true).isEmpty)
        #expect(blank.validate(on: .threePoint, submitting: true, requireUpdate: false).isEmpty)
    }

    @Test("The PMO's box for the rule is read from the checks form")
    func checksBox() {
        #expect(ChecksDraft(switchedOn: ["require-update"], chaseDaysBefore: "").requiresUpdate)
        #expect(!ChecksDraft(switchedOn: [], chaseDaysBefore: "").requiresUpdate)
    }
}

@Suite("What publishing will show")
struct PublishPreviewTests {
    @Test("Returns carried forward are counted at their last published rating, and as not updated")
    func countsAfterCarryingForward() throws {
        // given July 2016, and two of its projects whose returns are to be carried forward from June
        let june = PeriodReportBuilder.build(TransformationDashboard2016Fixture.june)
        let july = PeriodReportBuilder.build(TransformationDashboard2016Fixture.july)
        let pcbc = try #require(july.row(title: "PCBC")),
            nhse = try #require(
                july.row(title: "NHSE Stage II assurance and Investment Committee"))
        let carried: Set<UUID> = [pcbc.project.id, nhse.project.id]
        // when counted as the board will read them
        let counts = july.counts(carryingForward: carried, lastPublished: june.effectiveRatings)
        // then the two move to their June ratings (PCBC Amber, not Green; NHSE Amber, not Red) and are not updated
        func count(_ label: String) -> Int { counts.first { $0.label == label }!.count }
        func before(_ label: String) -> Int { july.counts.first { $0.label == label }!.count }
        #expect(june.row(title: "PCBC")?.effective?.label == "Amber")
        #expect(count("Green") == before("Green") - 1)
        #expect(count("Red") == before("Red") - 1)
        #expect(count("Amber") == before("Amber") + 2)
        #expect(counts.compactMap(\.notUpdated).reduce(0, +) == 2)
        #expect(counts.map(\.count).reduce(0, +) == july.counts.map(\.count).reduce(0, +))
        // and carrying nothing forward leaves the counts as they are
        #expect(july.counts(carryingForward: [], lastPublished: june.effectiveRatings) == july.counts)
    }
}
