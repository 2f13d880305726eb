import AssureCore
import Foundation
import Testing

@Suite("The return cycle: draft, submit, approve, return for changes")
struct ReturnWorkflowTests {
    let lead = ReturnWorkflow.Standing(canEdit: true, isAccountable: false, isPMO: false)
    let sro = ReturnWorkflow.Standing(canEdit: false, isAccountable: true, isPMO: false)
    let pmo = ReturnWorkflow.Standing(canEdit: true, isAccountable: false, isPMO: true)
    let bystander = ReturnWorkflow.Standing(canEdit: false, isAccountable: false, isPMO: false)

    @Test("A lead drafts and submits; the SRO approves")
    func happyPath() throws {
        #expect(try ReturnWorkflow.next(from: .notStarted, .saveDraft, standing: lead).get() == .draft)
        #expect(try ReturnWorkflow.next(from: .draft, .submit, standing: lead).get() == .submitted)
        #expect(try ReturnWorkflow.next(from: .submitted, .approve, standing: sro).get() == .approved)
        // a lead may also submit straight away, and editing a submitted return makes it a draft again
        #expect(try ReturnWorkflow.next(from: .notStarted, .submit, standing: lead).get() == .submitted)
        #expect(try ReturnWorkflow.next(from: .submitted, .saveDraft, standing: lead).get() == .draft)
    }

    @Test("Returning for changes needs a comment, and the lead can then resubmit")
    func returnForChanges() throws {
        // given a submitted return, when the SRO returns it without saying why, then it is refused
        #expect(throws: ReturnWorkflow.Refusal.self) {
            try ReturnWorkflow.next(from: .submitted, .returnForChanges, comment: "  ", standing: sro).get()
        }
        // with a comment it goes back to the lead, from submitted or approved
        #expect(
            try ReturnWorkflow.next(from: .submitted, .returnForChanges, comment: "Milestone dates?", standing: sro)
                .get() == .returnedForChanges)
        #expect(
            try ReturnWorkflow.next(from: .approved, .returnForChanges, comment: "Late news", standing: pmo).get()
                == .returnedForChanges)
        #expect(try ReturnWorkflow.next(from: .returnedForChanges, .submit, standing: lead).get() == .submitted)
    }

    @Test("An approved return is locked, and only a submitted one can be approved")
    func refusals() {
        for action in [ReturnAction.saveDraft, .submit] {
            let result = ReturnWorkflow.next(from: .approved, action, standing: lead)
            #expect((try? result.get()) == nil)
        }
        for state in [ReturnState.notStarted, .draft, .returnedForChanges, .approved, .carriedForward] {
            #expect((try? ReturnWorkflow.next(from: state, .approve, standing: pmo).get()) == nil, "\(state)")
        }
    }

    @Test("Who may do what: leads write, SROs and the PMO review, nobody else")
    func standing() throws {
        #expect((try? ReturnWorkflow.next(from: .submitted, .approve, standing: lead).get()) == nil)
        #expect((try? ReturnWorkflow.next(from: .draft, .submit, standing: sro).get()) == nil)
        for action in ReturnAction.allCases {
            #expect(
                (try? ReturnWorkflow.next(from: .submitted, action, comment: "x", standing: bystander).get()) == nil,
                "\(action)")
        }
        #expect(try ReturnWorkflow.next(from: .submitted, .approve, standing: pmo).get() == .approved)
    }

    @Test("What counts as in for publication")
    func inForPublication() {
        #expect(ReturnState.allCases.filter(\.isIn) == [.submitted, .approved, .carriedForward])
    }
}

@Suite("Publishing with returns missing")
struct PublicationTests {
    let programme = UUID()

    @Test("Missing means a project (not a sub-item) whose return is not submitted or approved")
    func missing() {
        // given three projects and a sub-item in various states
        let a = ProjectInfo(id: UUID(), programmeID: programme, reference: "MAT001", title: "Network")
        let b = ProjectInfo(id: UUID(), programmeID: programme, reference: "MAT002", title: "Children's services")
        let c = ProjectInfo(id: UUID(), programmeID: programme, reference: "ICS001", title: "Integrated teams")
        let sub = ProjectInfo(id: UUID(), programmeID: programme, parentID: c.id, title: "Risk Stratification")
        let states: [UUID: ReturnState] = [a.id: .approved, b.id: .draft]
        // when the missing ones are listed, then the draft and the never-started project are, the sub-item is not
        let missing = Publication.missing([a, b, c, sub], states: states)
        #expect(missing.map(\.id) == [b.id, c.id])
        #expect(
            Publication.blockingReasons(missing, states: states) == [
                "MAT002 Children's services: draft", "ICS001 Integrated teams: not started",
            ])
    }

    @Test("A carried-forward return keeps rating, narrative and milestones, and drops a legacy arrow")
    func carriedForward() {
        let last = ReturnInfo(
            projectID: UUID(), rating: "Amber", reportedTrend: .declined, update: "Vision workshop held.",
            mitigation: "", milestones: [MilestoneLine(title: "PID updated", date: "Sep-16", rating: "Amber")],
            state: .approved)
        let carried = Publication.carriedForward(last, reportedIn: "2016-09")
        #expect(carried.rating == "Amber" && carried.update == last.update && carried.milestones == last.milestones)
        #expect(carried.reportedTrend == nil)
        #expect(carried.state == .carriedForward)
        #expect(carried.carriedForward == CarriedForward(fromKey: "2016-09", periods: 1))
        // and carried again a month later it keeps September as its origin and counts two periods running
        let again = Publication.carriedForward(carried, reportedIn: "2016-10")
        #expect(again.carriedForward == CarriedForward(fromKey: "2016-09", periods: 2))
        #expect(again.carriedForward?.words == "Not updated since September 2016 (carried forward 2 periods running)")
    }

    @Test("A carried-forward return is flagged 'not updated', not as a repeated narrative")
    func flaggedNotUpdated() {
        // given September's MAT002 return carried into October
        let project = ProjectInfo(
            id: UUID(), programmeID: programme, reference: "MAT002", title: "Children's services", lead: "Jane Brennan")
        let september = ReturnInfo(
            projectID: project.id, rating: "Amber", update: "Project group yet to be established.")
        let period = PeriodInfo(
            id: UUID(), key: "2016-10", label: "October 2016", frequency: .monthly,
            asAt: CalendarDate(year: 2016, month: 10, day: 31)!, publishOn: nil, status: .open)
        let data = PeriodData(
            portfolio: PortfolioInfo(id: UUID(), name: "CDG Priorities", scale: .threePoint), period: period,
            programmes: [ProgrammeInfo(id: programme, name: "Maternity", kind: .clinicalDeliveryGroup)],
            projects: [project], returns: [project.id: Publication.carriedForward(september, reportedIn: "2016-09")],
            previousPeriodKey: "2016-09", previousReturns: [project.id: september],
            disabledChecks: [.noSRO])
        // when the report is built
        let row = PeriodReportBuilder.build(data).row(reference: "MAT002")
        // then it carries its rating, marked not updated, and nothing says the narrative was copied
        #expect(row?.ratingDisplay == "Amber")
        #expect(row?.flags.map(\.kind) == [.notUpdated])
        #expect(Flag.Kind.notUpdated.canBeSwitchedOff == false)
    }
}

@Suite("Chasers and alerts, in words")
struct NoticeTests {
    let period = PeriodInfo(
        id: UUID(), key: "2016-10", label: "October 2016", frequency: .monthly,
        asAt: CalendarDate(year: 2016, month: 10, day: 31)!, publishOn: nil, status: .open)

    @Test("A chaser lists every return the person owes, with its state and link")
    func chaser() {
        let mat001 = ProjectInfo(id: UUID(), programmeID: UUID(), reference: "MAT001", title: "Network development")
        let mat002 = ProjectInfo(id: UUID(), programmeID: UUID(), reference: "MAT002", title: "Children's services")
        let message = Notices.chaser(
            to: "jane.brennan@assure.demo", name: "Jane Brennan", portfolio: "CDG Priorities", period: period,
            due: CalendarDate(year: 2016, month: 11, day: 7),
            returns: [
                .init(project: mat001, state: .draft, link: "https://a/1"),
                .init(project: mat002, state: .notStarted, link: "https://a/2"),
            ])
        #expect(message.subject == "Return needed by 7 Nov 2016: CDG Priorities, October 2016")
        #expect(
            message.body.contains("Your 2 returns are still needed for CDG Priorities, October 2016 by 7 Nov 2016:"))
        #expect(
            message.body.contains(
                "- MAT001 Network development (draft): https://a/1\n- MAT002 Children's services (not started): https://a/2"
            ))
    }

    @Test("The SRO hears when a project turns Red or declines, not when it improves or holds")
    func alertReasons() {
        let scale = RatingScale.threePoint
        let (red, amber, green) = (scale.level(for: "Red"), scale.level(for: "Amber"), scale.level(for: "Green"))
        #expect(
            Notices.alertReasons(current: red, previous: amber) == ["turned Red", "declined from Amber to Red (↓)"])
        #expect(Notices.alertReasons(current: amber, previous: green) == ["declined from Green to Amber (↓)"])
        #expect(Notices.alertReasons(current: red, previous: nil) == ["turned Red"])
        #expect(Notices.alertReasons(current: red, previous: red).isEmpty)
        #expect(Notices.alertReasons(current: green, previous: amber).isEmpty)
        #expect(Notices.alertReasons(current: amber, previous: nil).isEmpty)
    }

    @Test("Calendar arithmetic round-trips through day numbers")
    func dayNumbers() {
        let due = CalendarDate(year: 2016, month: 11, day: 7)!
        #expect(due.adding(days: -7) == CalendarDate(year: 2016, month: 10, day: 31))
        #expect(
            CalendarDate(year: 2016, month: 2, day: 28)!.adding(days: 1) == CalendarDate(year: 2016, month: 2, day: 29))
        #expect(
            CalendarDate(year: 2016, month: 12, day: 31)!.adding(days: 1) == CalendarDate(year: 2017, month: 1, day: 1))
        #expect(CalendarDate(dayNumber: due.dayNumber) == due)
    }
}

@Suite("Segregation of duties")
struct SegregationOfDutiesTests {
    static let jane = Actor(userID: UUID(), name: "Jane Brennan", role: .editor, programmeIDs: [UUID()])

    @Test("Nobody reviews a return they saved or submitted: not the SRO, not the PMO")
    func noOwnReview() {
        for standing in [
            ReturnWorkflow.Standing(canEdit: true, isAccountable: true, isPMO: false, isAuthor: true),
            ReturnWorkflow.Standing(canEdit: true, isAccountable: false, isPMO: true, isAuthor: true),
        ] {
            guard case .failure(let refusal) = ReturnWorkflow.next(from: .submitted, .approve, standing: standing)
            else {
                Issue.record("the author approved their own return"); continue
            }
            #expect(refusal.reason == SegregationOfDuties.ownReviewRefusal)
            #expect(!standing.mayReview)
        }
        let reviewer = ReturnWorkflow.Standing(canEdit: false, isAccountable: true, isPMO: false)
        #expect(ReturnWorkflow.next(from: .submitted, .approve, standing: reviewer) == .success(.approved))
        #expect(SegregationOfDuties.isAuthor(Self.jane, savedBy: "jane  brennan", submittedBy: nil))
        #expect(!SegregationOfDuties.isAuthor(Self.jane, savedBy: "Karen Kirkham", submittedBy: "Kelly Spiller"))
    }

    @Test("Only the PMO names or changes a project's SRO, lead or programme")
    func accountabilityIsThePMOs() {
        #expect(
            SegregationOfDuties.accountabilityRefusals(
                Self.jane, sroChanged: true, leadChanged: false, programmeChanged: true
            ).keys.sorted()
                == ["programme", "sro"])
        #expect(
            SegregationOfDuties.accountabilityRefusals(
                .commandLine("pmo"), sroChanged: true, leadChanged: true, programmeChanged: true
            ).isEmpty)
        #expect(
            SegregationOfDuties.accountabilityRefusals(
                Self.jane, sroChanged: false, leadChanged: false, programmeChanged: false
            ).isEmpty)
    }

    @Test("An alert to the person who submitted the return needs another reader")
    func alertReaders() {
        #expect(
            SegregationOfDuties.alertNeedsAnotherReader(
                recipientEmail: "Jane.Brennan@assure.demo", submitterEmail: "jane.brennan@assure.demo"))
        #expect(
            !SegregationOfDuties.alertNeedsAnotherReader(
                recipientEmail: "karen.kirkham@assure.demo", submitterEmail: "jane.brennan@assure.demo"))
    }
}
