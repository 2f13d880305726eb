import Testing

@testable import AssureCore

@Suite("Dates read from their stored text")
struct CalendarDateTextTests {
    /// How the text was read before the digit-by-digit reading: split at the dashes, each part a number.
    private static func bySplitting(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
    }

    @Test(
        "Given stored text, valid or not, when read, then it is the date splitting at the dashes gives",
        arguments: [
            "2016-06-30", "2016-02-29", "2015-02-29", "2016-13-01", "2016-00-10", "2016-04-31", "2016-07-5",
            "2016-7-05", "+016-07-05", "2016/07/05", "abcd-ef-gh", "2016-07-0a", "", "0001-01-01", "9999-12-31",
            "2016-07-05-", "12016-07-05", " 2016-07-0",
        ])
    func asSplitting(text: String) {
        #expect(CalendarDate(iso: text) == Self.bySplitting(text))
    }

    @Test("Every day of four years reads back from its ISO text")
    func everyDay() throws {
        var day = try #require(CalendarDate(year: 2015, month: 1, day: 1))
        for _ in 0..<(4 * 366) {
            #expect(CalendarDate(iso: day.iso) == day)
            day = day.adding(days: 1)
        }
    }
}
