import AssureCore
import Testing

private func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

@Suite("Dates as people write them (every date text in seeds 000 and 004)")
struct DateTextParserTests {
    @Test(
        "Day-precision texts",
        arguments: [
            ("20-Jul-16", day(2016, 7, 20), nil), ("30/06/2016 Complete", day(2016, 6, 30), "Complete"),
            ("01-Sep-16", day(2016, 9, 1), nil), ("08-Jun-16", day(2016, 6, 8), nil),
            ("13-Jul-16", day(2016, 7, 13), nil),
            ("03-Aug-16", day(2016, 8, 3), nil), ("30-Jun-16", day(2016, 6, 30), nil),
            ("31-Jul-16", day(2016, 7, 31), nil),
            ("03-May-16", day(2016, 5, 3), nil), ("14-Jul-16", day(2016, 7, 14), nil),
            ("10/05/2016 Complete", day(2016, 5, 10), "Complete"), ("31-Aug-16", day(2016, 8, 31), nil),
            ("14-Apr-16", day(2016, 4, 14), nil), ("07-Jul-16", day(2016, 7, 7), nil),
            ("31/03/2017", day(2017, 3, 31), nil), ("31/03/2019", day(2019, 3, 31), nil),
            ("01/04/2016", day(2016, 4, 1), nil), ("01/04/2020", day(2020, 4, 1), nil),
            ("1st October 2016", day(2016, 10, 1), nil), ("2016-06-30", day(2016, 6, 30), nil),
        ] as [(String, CalendarDate, String?)])
    func dayPrecision(text: String, expected: CalendarDate, qualifier: String?) throws {
        let parsed = try #require(DateText(text).parsed, "\(text) should parse")
        #expect(parsed.precision == .day)
        #expect(parsed.dueBy == expected)
        #expect(parsed.qualifier == qualifier)
    }

    @Test(
        "Month-precision texts are due by the month's last day",
        arguments: [
            ("Jun-16", day(2016, 6, 30)), ("Nov-15", day(2015, 11, 30)), ("Dec-16", day(2016, 12, 31)),
            ("Dec-15", day(2015, 12, 31)), ("Jul-16", day(2016, 7, 31)), ("May-16", day(2016, 5, 31)),
            ("Apr-16", day(2016, 4, 30)), ("Apr-17", day(2017, 4, 30)), ("Jan-19", day(2019, 1, 31)),
            ("Apr-20", day(2020, 4, 30)), ("Oct-16", day(2016, 10, 31)), ("Jun-17", day(2017, 6, 30)),
            ("Mar-18", day(2018, 3, 31)), ("Aug-16", day(2016, 8, 31)), ("Mar-17", day(2017, 3, 31)),
            ("Dec-17", day(2017, 12, 31)), ("Jan-18", day(2018, 1, 31)), ("September 2016", day(2016, 9, 30)),
            ("Mid January 2017", day(2017, 1, 31)), ("Commenced April-16", day(2016, 4, 30)),
            ("Sept/Oct 16", day(2016, 10, 31)), ("Mid September 2016", day(2016, 9, 30)), ("Feb-16", day(2016, 2, 29)),
        ])
    func monthPrecision(text: String, expected: CalendarDate) throws {
        let parsed = try #require(DateText(text).parsed, "\(text) should parse")
        #expect(parsed.precision == .month)
        #expect(parsed.dueBy == expected)
    }

    @Test("Qualifiers are kept beside the date")
    func qualifiers() {
        #expect(DateText("Mid January 2017").parsed?.qualifier == "Mid")
        #expect(DateText("Commenced April-16").parsed?.qualifier == "Commenced")
        #expect(DateText("30/06/2016 Complete").parsed?.display == "30 Jun 2016 (Complete)")
    }

    @Test("Financial years run April to March and are written 17/18")
    func financialYears() throws {
        let fy = try #require(DateText("17/18").parsed)
        #expect(fy.precision == .financialYear)
        #expect(fy.start == day(2017, 4, 1))
        #expect(fy.end == day(2018, 3, 31))
        #expect(DateText("2016/17").parsed?.end == day(2017, 3, 31))
        #expect(DateText("by end 2016/17").parsed?.qualifier == "By end")
        #expect(fy.display == "17/18")
        #expect(DateText("16/18").parsed == nil)
    }

    @Test("Quarters: financial (Q1 17/18 is April–June 2017) and calendar (Q1 2017 is January–March)")
    func quarters() throws {
        let financial = try #require(DateText("Q1 17/18").parsed)
        #expect(financial.precision == .quarter)
        #expect(financial.start == day(2017, 4, 1))
        #expect(financial.end == day(2017, 6, 30))
        let fourth = try #require(DateText("Q4 2016/17").parsed)
        #expect(fourth.start == day(2017, 1, 1))
        let calendar = try #require(DateText("Q1 2017").parsed)
        #expect(calendar.end == day(2017, 3, 31))
    }

    @Test(
        "Texts that are not dates stay text, with a reason",
        arguments: [
            ("On-going", "ongoing: no end date"), ("Ongoing", "ongoing: no end date"), ("tbc", "to be confirmed"),
            ("Dependant on NHSE Stage II", "depends on another event: nhse stage ii"),
            ("Individual plan milestones", "not a date"),
            ("Timescale to be agreed jointly with Acute Vanguards and CDG", "not a date"),
            ("6months", "a duration (6 months), not a date"), ("18 months", "a duration (18 months), not a date"),
            ("4 years", "a duration (4 years), not a date"),
            ("Dec-16  Jul-16", "holds more than one date (dec-16, jul-16)"),
            ("31/02/2017", "not a date"), ("Marching-16", "not a date"),
        ])
    func notDates(text: String, reason: String) {
        let date = DateText(text)
        #expect(date.parsed == nil)
        #expect(date.problem == reason)
        #expect(date.written == text)
    }

    @Test("A blank cell is blank, not a problem")
    func blank() {
        #expect(DateText("  ").reading == .blank)
        #expect(DateText("").problem == nil)
    }
}
