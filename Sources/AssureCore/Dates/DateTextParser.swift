/// Reads the date texts found in real PMO papers: "20-Jul-16", "30/06/2016 Complete", "Jun-16",
/// "Mid January 2017", "17/18", "Q3 2016/17". What cannot be read says why, in words a PMO would use.
public enum DateTextParser {
    public static func read(_ written: String) -> DateText.Reading {
        let text = written.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !text.isEmpty else { return .blank }
        let lower = text.lowercased()
        if let reason = knownNonDate(lower) { return .notADate(reason: reason) }

        let (core, qualifier) = stripQualifiers(lower)
        if let date = parseCore(core) {
            return .date(ParsedDate(start: date.start, end: date.end, precision: date.precision, qualifier: qualifier))
        }
        if let duration = core.wholeMatch(of: Patterns.duration) {
            return .notADate(reason: "a duration (\(duration.1) \(duration.2)), not a date")
        }
        let pieces = core.split(separator: " ").map(String.init)
        if pieces.count >= 2, pieces.allSatisfy({ parseCore($0) != nil }) {
            return .notADate(reason: "holds more than one date (\(pieces.joined(separator: ", ")))")
        }
        return .notADate(reason: "not a date")
    }

    private static func knownNonDate(_ lower: String) -> String? {
        if ["ongoing", "on-going", "on going", "continuous", "bau"].contains(lower) { return "ongoing: no end date" }
        if ["tbc", "tbd", "tba", "to be confirmed", "to be agreed"].contains(lower) { return "to be confirmed" }
        if let event = event(dependedOn: lower) { return "depends on another event: \(event)" }
        return nil
    }

    /// The event a date is written as ("Dependant on NHSE Stage II" → "NHSE Stage II"), as written, or nil.
    public static func event(dependedOn written: String) -> String? {
        let text = written.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let lower = text.lowercased()
        for prefix in ["dependant on ", "dependent on ", "depends on ", "dependant upon ", "dependent upon "]
        where lower.hasPrefix(prefix) {
            let event = text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            return event.isEmpty ? nil : event
        }
        return nil
    }

    private static let prefixQualifiers = [
        "by end of", "by end", "end of", "by", "mid", "early", "late", "end",
        "commenced", "due", "from", "before", "w/c",
    ]
    private static let suffixQualifiers = ["complete", "completed"]

    private static func stripQualifiers(_ lower: String) -> (core: String, qualifier: String?) {
        var core = lower
        var words: [String] = []
        for suffix in suffixQualifiers where core.hasSuffix(" " + suffix) {
            core = String(core.dropLast(suffix.count + 1))
            words.append(suffix)
            break
        }
        for prefix in prefixQualifiers where core.hasPrefix(prefix + " ") {
            core = String(core.dropFirst(prefix.count + 1))
            words.insert(prefix, at: 0)
            break
        }
        let qualifier =
            words.isEmpty ? nil : words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: ", ")
        return (core.trimmingCharacters(in: .whitespaces), qualifier)
    }

    struct Span { let start: CalendarDate; let end: CalendarDate; let precision: DatePrecision }

    static func parseCore(_ core: String) -> Span? {
        if let m = core.wholeMatch(of: Patterns.dayMonthYearSlashes),
            let date = CalendarDate(year: year(m.3), month: Int(m.2)!, day: Int(m.1)!)
        {
            return Span(start: date, end: date, precision: .day)
        }
        if let m = core.wholeMatch(of: Patterns.isoDay),
            let date = CalendarDate(year: Int(m.1)!, month: Int(m.2)!, day: Int(m.3)!)
        {
            return Span(start: date, end: date, precision: .day)
        }
        if let m = core.wholeMatch(of: Patterns.dayMonthNameYear),
            let month = month(String(m.2)), let date = CalendarDate(year: year(m.3), month: month, day: Int(m.1)!)
        {
            return Span(start: date, end: date, precision: .day)
        }
        if let m = core.wholeMatch(of: Patterns.monthNameYear), let month = month(String(m.1)) {
            return monthSpan(year(m.2), month, month)
        }
        if let m = core.wholeMatch(of: Patterns.monthRangeYear),
            let first = month(String(m.1)), let last = month(String(m.2)), first <= last
        {
            return monthSpan(year(m.3), first, last)
        }
        if let m = core.wholeMatch(of: Patterns.financialYear),
            year(m.2) == year(m.1) + 1
        {
            let fy = FinancialYear(startingIn: year(m.1))
            return Span(start: fy.start, end: fy.end, precision: .financialYear)
        }
        if let m = core.wholeMatch(of: Patterns.quarter), let quarter = Int(m.1) {
            return quarterSpan(quarter, String(m.2))
        }
        if let m = core.wholeMatch(of: Patterns.year), let y = Int(m.1), (1990...2100).contains(y) {
            return Span(
                start: CalendarDate(year: y, month: 1, day: 1)!, end: CalendarDate(year: y, month: 12, day: 31)!,
                precision: .year)
        }
        return nil
    }

    /// "Q1 17/18" is April–June 2017 (financial quarter); "Q1 2017" is January–March 2017.
    private static func quarterSpan(_ quarter: Int, _ rest: String) -> Span? {
        guard let inner = parseCore(rest) else { return nil }
        switch inner.precision {
        case .financialYear:
            let firstMonth = (3 + (quarter - 1) * 3) % 12 + 1
            let year = firstMonth >= 4 ? inner.start.year : inner.start.year + 1
            return monthSpan(year, firstMonth, firstMonth + 2).map {
                Span(start: $0.start, end: $0.end, precision: .quarter)
            }
        case .year:
            let firstMonth = (quarter - 1) * 3 + 1
            return monthSpan(inner.start.year, firstMonth, firstMonth + 2).map {
                Span(start: $0.start, end: $0.end, precision: .quarter)
            }
        default:
            return nil
        }
    }

    private static func monthSpan(_ year: Int, _ first: Int, _ last: Int) -> Span? {
        guard let start = CalendarDate(year: year, month: first, day: 1),
            let end = CalendarDate.lastDay(year: year, month: last)
        else { return nil }
        return Span(start: start, end: end, precision: .month)
    }

    private static func year<S: StringProtocol>(_ digits: S) -> Int {
        let value = Int(digits) ?? 0
        return digits.count == 2 ? 2000 + value : value
    }

    static func month(_ word: String) -> Int? {
        let key = String(word.prefix(3))
        guard word.count >= 3 else { return nil }
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let index = names.firstIndex(of: key) else { return nil }
        let full = CalendarDate.monthNames[index].lowercased()
        // Accept "Jun", "June", "Sept", but not "Marching".
        guard full.hasPrefix(word) || word == "sept" else { return nil }
        return index + 1
    }
}

/// Compiled once: a regex literal in a function is compiled again on every call, which dominated a dashboard build.
private enum Patterns {
    nonisolated(unsafe) static let duration = #/(\d+)\s*(months?|years?|weeks?)/#
    nonisolated(unsafe) static let dayMonthYearSlashes = #/(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})/#
    nonisolated(unsafe) static let isoDay = #/(\d{4})-(\d{1,2})-(\d{1,2})/#
    nonisolated(unsafe) static let dayMonthNameYear = #/(\d{1,2})(?:st|nd|rd|th)?[- ]([a-z]+)[- ,]+(\d{2}|\d{4})/#
    nonisolated(unsafe) static let monthNameYear = #/([a-z]+)[- ]'?(\d{2}|\d{4})/#
    nonisolated(unsafe) static let monthRangeYear = #/([a-z]+)/([a-z]+)[- ]'?(\d{2}|\d{4})/#
    nonisolated(unsafe) static let financialYear = #/(?:fy ?)?(\d{2}|\d{4})/(\d{2}|\d{4})/#
    nonisolated(unsafe) static let quarter = #/q([1-4]) (.+)/#
    nonisolated(unsafe) static let year = #/(\d{4})/#
}
