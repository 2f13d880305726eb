import Foundation

/// How exact a date written by a person is.
public enum DatePrecision: String, Codable, Hashable, Sendable {
    case day, month, quarter, financialYear = "financial-year", year
}

/// A date read from text: the span it covers (a month, a quarter, a financial year), its precision,
/// and any word that qualified it ("Complete", "Mid", "Commenced").
public struct ParsedDate: Codable, Hashable, Sendable {
    public let start: CalendarDate
    public let end: CalendarDate
    public let precision: DatePrecision
    public let qualifier: String?

    public init(start: CalendarDate, end: CalendarDate, precision: DatePrecision, qualifier: String? = nil) {
        self.start = start
        self.end = end
        self.precision = precision
        self.qualifier = qualifier
    }

    /// The day a milestone is due by: the last day of the span it names.
    public var dueBy: CalendarDate { end }

    public var display: String {
        let core: String
        switch precision {
        case .day: core = end.longDisplay
        case .month: core = "\(CalendarDate.monthNames[start.month - 1]) \(start.year)"
        case .quarter:
            let fyQuarter = ((start.month - 4 + 12) % 12) / 3 + 1
            core = "Q\(fyQuarter) \(FinancialYear(startingIn: start.month >= 4 ? start.year : start.year - 1).label)"
        case .financialYear: core = FinancialYear(startingIn: start.year).label
        case .year: core = String(start.year)
        }
        return qualifier.map { "\(core) (\($0))" } ?? core
    }
}

/// NHS financial years run April to March and are written 17/18.
public struct FinancialYear: Hashable, Sendable {
    public let startYear: Int
    public init(startingIn year: Int) { startYear = year }
    public var label: String {
        "\(startYear % 100 < 10 ? "0" : "")\(startYear % 100)/\((startYear + 1) % 100 < 10 ? "0" : "")\((startYear + 1) % 100)"
    }
    public var start: CalendarDate { CalendarDate(year: startYear, month: 4, day: 1)! }
    public var end: CalendarDate { CalendarDate(year: startYear + 1, month: 3, day: 31)! }
}

/// A date cell as written, and what could be read from it. The text is always kept.
public struct DateText: Codable, Hashable, Sendable {
    public let written: String
    public let reading: Reading

    public enum Reading: Codable, Hashable, Sendable {
        case date(ParsedDate)
        case notADate(reason: String)
        case blank
    }

    public init(_ written: String) {
        self.written = written
        self.reading = DateText.readings.reading(of: written)
    }

    /// A date as stored with its reading: history is not read again.
    init(written: String, reading: Reading) {
        self.written = written
        self.reading = reading
    }

    /// A portfolio's milestone dates are a few hundred distinct texts repeated across thousands of rows and every
    /// period, so each is read once. Reading is a pure function of the text, so a remembered reading is always right.
    private static let readings = Readings()

    private final class Readings: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: Reading] = [:]

        func reading(of written: String) -> Reading {
            if let known = lock.withLock({ known[written] }) { return known }
            let reading = DateTextParser.read(written)
            lock.withLock {
                if known.count >= 20_000 { known.removeAll(keepingCapacity: true) }
                known[written] = reading
            }
            return reading
        }
    }

    public var parsed: ParsedDate? {
        if case .date(let date) = reading { return date }
        return nil
    }

    /// Why the text is not a date, for the PMO's list of dates to look at.
    public var problem: String? {
        if case .notADate(let reason) = reading { return reason }
        return nil
    }
}
