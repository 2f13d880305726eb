import AssureCore
import AssureDemo
import Testing

@Suite("Seed 003: the scrutiny committee's agenda, outcomes and forward plan")
struct Seed003MeetingTests {
    let meetings = HealthScrutiny2016.meetings

    @Test("The agenda of 21 December 2016 is the paper's: numbers, items and page ranges")
    func agenda() throws {
        let december = try #require(meetings.first { $0.date == CalendarDate(year: 2016, month: 12, day: 21) })
        expectTable(
            december.agenda,
            equals: [
                ["1", "Apologies for Absence", ""], ["2", "Code of Conduct", ""], ["3", "Minutes", "3 - 8"],
                ["4", "Public Participation", ""],
                ["4(a)", "Public Speaking", ""], ["4(b)", "Petitions", ""],
                ["5", "Draft Primary Care Commissioning Strategy and Plan", "9 - 72"],
                // the paper prints 73 - 82 under the minutes' range; the briefings are what those pages hold
                ["6", "Briefings for Information / Noting", "73 - 82"], ["7", "Questions from County Councillors", ""],
            ])
        #expect(
            december.agenda.subtitle == [
                "10.00 am", "Council Chamber - County Hall, County Hall, Colliton Park, Dorchester, Dorset, DT1 1XJ",
            ])
    }

    @Test("The forward plan of March 2017 is the paper's three tables, with the extraction's damage named")
    func forwardPlan() {
        let tables = ForwardPlan.tables(
            meetings, committee: HealthScrutiny2016.committee, after: CalendarDate(year: 2016, month: 12, day: 21)!)
        #expect(
            tables.map(\.title) == [
                "Committee: 9 Mar 2017", "Committee: 16 Jun 2017", "Committee: 4 Sep 2017", "Committee: 13 Nov 2017",
            ])
        // the paper's first table lost its heading and split "Items for information or note" into "rmation or note"
        #expect(
            tables[0].textRows.map(\.first) == [
                "Report", "Report", "Report", "Report", "Report", "Report", "Report",
                "Items for information or note", "Briefing", "Forward Plan",
            ])
        #expect(
            tables[0].textRows[7...8].map { $0[2] } == ["", "South Western Ambulance Service NHS Foundation Trust"])
        // June's table also carries a garbled row ("Dement … To refer the TDO") that is not data
        expectTable(
            tables[2],
            equals: [
                [
                    "Report", "Joint Health Scrutiny Committee", "Clinical Services Review – update",
                    "To provide an update regarding progress, as appropriate",
                ],
                ["Items for information or note", "", "", ""],
                [
                    "Forward Plan", "Dorset Health Scrutiny Committee",
                    "Forward Plan – Dates of future meetings, including planned agenda items",
                    "To raise awareness of future agenda items, meetings, workshops and seminars.",
                ],
            ])
    }

    @Test("Outcomes carry numbered resolutions; a forward plan refuses a date already past")
    func outcomesAndValidation() throws {
        let november = try #require(meetings.first { $0.date == CalendarDate(year: 2016, month: 11, day: 14) })
        let urgent = try #require(november.outcomes.textRows.first { $0[0] == "54" })
        #expect(urgent[2].hasPrefix("Resolved\n1. Evaluates the proposed changes as a major change"))
        #expect(urgent[2].contains("\n5. Requires that the CCG take no irreversible decisions"))
        let today = CalendarDate(year: 2017, month: 1, day: 10)!
        #expect(
            Meeting.validate(committee: "DHSC", date: "2016-12-21", today: today, forwardPlan: true) == [
                "date": "21 Dec 2016 has passed: a forward plan lists meetings to come."
            ])
        #expect(Meeting.validate(committee: "DHSC", date: "2016-12-21", today: today, forwardPlan: false).isEmpty)
    }
}
