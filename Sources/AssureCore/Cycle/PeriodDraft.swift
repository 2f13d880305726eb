/// A new period as a person writes it (web form, command line, API): text, checked here once for every edge.
/// The field ids are the form's; the command line names them as its options.
public struct PeriodDraft: Sendable, Hashable {
    public var key: String
    public var frequency: String
    public var asAt: String?
    public var publishOn: String?
    public var returnsDue: String?

    public init(
        key: String, frequency: String? = nil, asAt: String? = nil, publishOn: String? = nil, returnsDue: String? = nil
    ) {
        func given(_ text: String?) -> String? {
            text.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        self.key = key.trimmingCharacters(in: .whitespaces)
        self.frequency = given(frequency) ?? PeriodFrequency.monthly.rawValue
        self.asAt = given(asAt)
        self.publishOn = given(publishOn)
        self.returnsDue = given(returnsDue)
    }

    /// What the period will be, once every field reads.
    public struct Valid: Sendable, Hashable {
        public var key: String
        public var frequency: PeriodFrequency
        public var asAt: CalendarDate?
        public var publishOn: CalendarDate?
        public var returnsDue: CalendarDate?
    }

    /// The period, or an error for each field that does not read (the key itself is checked when it is created,
    /// against the portfolio's periods).
    public func validated() throws(DomainError) -> Valid {
        var errors: [String: String] = [:]
        let frequency = PeriodFrequency(rawValue: frequency)
        if frequency == nil { errors["frequency"] = "Choose monthly or quarterly." }
        func date(_ text: String?, _ field: String, _ what: String) -> CalendarDate? {
            guard let text else { return nil }
            guard let date = CalendarDate(iso: text) else {
                errors[field] = "Write \(what) as YYYY-MM-DD, for example 2016-10-31."
                return nil
            }
            return date
        }
        let asAt = date(asAt, "asAt", "the as-at date")
        let publishOn = date(publishOn, "publishOn", "the publication date")
        let returnsDue = date(returnsDue, "returnsDue", "the day returns are due")
        guard let frequency, errors.isEmpty else { throw DomainError.invalid(errors) }
        return Valid(key: key, frequency: frequency, asAt: asAt, publishOn: publishOn, returnsDue: returnsDue)
    }

    /// The form's fields, to show a refused draft again as it was written.
    public var fields: [String: String] {
        [
            "period": key, "frequency": frequency, "asAt": asAt ?? "", "publishOn": publishOn ?? "",
            "returnsDue": returnsDue ?? "",
        ]
    }
}
