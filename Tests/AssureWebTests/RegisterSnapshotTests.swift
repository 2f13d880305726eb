import AssureCore
import AssureDemo
import AssureStorage
import Foundation
import Testing

@testable import AssureWeb

/// Each register's list page, rendered from the seed papers' data in memory (its mock), and one refused form: the
/// pages are pure functions of their models, so a change to one shows here as a reviewed diff.
@Suite("Register page snapshots")
struct RegisterSnapshotTests {
    static let pmo = ViewSnapshotTests.pmo

    /// Ids made fixed, so that links in the snapshot do not change between runs: the n-th id of a kind.
    static func id(_ kind: Int, _ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-%04X-%012X", kind, n))!
    }

    @Test("Given seed 001's register, the risk registers page shows it with its heat map and the PMO's forms")
    func risks() throws {
        var register = RiskRegister2016.register
        register.id = Self.id(1, 0)
        for index in register.risks.indices { register.risks[index].id = Self.id(1, index + 1) }
        try ViewSnapshotTests.assertSnapshot(
            RiskPages.list([register], canEdit: true, returned: nil, Self.pmo), named: "risks")
    }

    @Test("A refused new register comes back with what was typed and each error beside its field")
    func refusedRiskRegister() throws {
        let returned = ReturnedForm(
            name: "new-register", values: ["name": "Estates <risks>", "amberFrom": "8"],
            errors: ["amberFrom": "Give both scores as whole numbers, or neither."])
        try ViewSnapshotTests.assertSnapshot(
            RiskPages.list([], canEdit: true, returned: returned, Self.pmo), named: "risks-refused")
    }

    @Test("Seed 002's glossary, business cases and funding round")
    func governingBodyRegisters() throws {
        let entries = GoverningBody2018.glossary.enumerated().map { StoredGlossaryEntry(id: Self.id(2, $0), entry: $1) }
        try ViewSnapshotTests.assertSnapshot(
            GlossaryPages.glossary(entries, canEdit: true, returned: nil, Self.pmo), named: "glossary")

        var set = GoverningBody2018.prioritisation
        set.id = Self.id(3, 0)
        for index in set.cases.indices { set.cases[index].id = Self.id(3, index + 1) }
        try ViewSnapshotTests.assertSnapshot(
            BusinessCasePages.businessCases([set], canEdit: true, returned: nil, Self.pmo), named: "business-cases")

        var round = GoverningBody2018.funding
        round.id = Self.id(4, 0)
        for index in round.allocations.indices { round.allocations[index].id = Self.id(4, index + 1) }
        try ViewSnapshotTests.assertSnapshot(
            FundingRoundPages.funding([round], canEdit: true, returned: nil, Self.pmo), named: "funding-rounds")
    }

    @Test("Seed 003's meetings, the outcome measures and the key deliverables, as a board member reads them")
    func readOnlyRegisters() throws {
        let reader = PageContext(
            actor: Actor(userID: nil, name: "Board Member", role: .viewer), csrf: "csrf-token", title: "Page")
        let meetings = HealthScrutiny2016.meetings.enumerated().map { index, meeting in
            var meeting = meeting
            meeting.id = Self.id(5, index)
            for item in meeting.items.indices { meeting.items[item].id = Self.id(6, index * 100 + item) }
            for action in meeting.actions.indices { meeting.actions[action].id = Self.id(7, index * 100 + action) }
            return meeting
        }
        try ViewSnapshotTests.assertSnapshot(
            MeetingPages.list(
                meetings, committees: HealthScrutiny2016.committees,
                today: try #require(CalendarDate(year: 2017, month: 6, day: 1)),
                canEdit: false, returned: nil, reader),
            named: "meetings")

        let measures = Outcomes2016.measures.enumerated().map { index, measure in
            var measure = measure
            measure.id = Self.id(8, index)
            return measure
        }
        try ViewSnapshotTests.assertSnapshot(
            OutcomePages.list(measures, canEdit: false, returned: nil, reader), named: "outcomes")

        let deliverables = Deliverables2016.all.enumerated().map { index, item in
            var item = item
            item.id = Self.id(9, index)
            return item
        }
        try ViewSnapshotTests.assertSnapshot(
            DeliverablePages.list(deliverables, canEdit: false, returned: nil, reader), named: "deliverables")
    }
}
