import Foundation

extension CalendarDate {
    /// Today in UTC: the PMO's deadlines are days, and a day's boundary an hour out does not change a chaser.
    public static var today: CalendarDate { CalendarDate(utc: WallClock.now()) }

    /// The UTC day a moment falls on.
    public init(utc date: Date) {
        let parts = Self.utcCalendar.dateComponents([.year, .month, .day], from: date)
        self = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The moment this day begins, in UTC.
    public var startOfDayUTC: Date {
        Self.utcCalendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
