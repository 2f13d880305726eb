/// "2016-06": the month a period reports on.
public struct PeriodKey: Hashable, Sendable {
    public let year: Int
    public let month: Int

    nonisolated(unsafe) private static let pattern = #/(\d{4})-(\d{2})/#

    public init?(_ text: String) {
        guard let match = text.trimmingCharacters(in: .whitespaces).wholeMatch(of: Self.pattern),
            let year = Int(match.1), let month = Int(match.2), (1...12).contains(month), year >= 1990
        else { return nil }
        self.year = year
        self.month = month
    }

    public var key: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    public var label: String { "\(CalendarDate.monthNames[month - 1]) \(year)" }
    public var lastDay: CalendarDate { CalendarDate.lastDay(year: year, month: month)! }
}
