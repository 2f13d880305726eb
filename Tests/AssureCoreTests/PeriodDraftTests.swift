import AssureCore
import Testing

/// One check of a new period for every edge: the web form, the command line and (later) the API.
@Suite("A new period as written")
struct PeriodDraftTests {
    @Test("Each field that does not read is named; blank fields are left out; the rest become dates")
    func validation() throws {
        let good = try PeriodDraft(
            key: "2016-11", frequency: "quarterly", asAt: "2016-11-30", publishOn: " ", returnsDue: "2016-12-07"
        )
        .validated()
        #expect(good.frequency == .quarterly)
        #expect(good.asAt == CalendarDate(year: 2016, month: 11, day: 30))
        #expect(good.publishOn == nil)
        #expect(PeriodDraft(key: "2016-11").frequency == "monthly")
        let bad = PeriodDraft(key: "2016-11", frequency: "weekly", asAt: "30/11/2016", returnsDue: "soon")
        #expect(
            throws: DomainError.invalid([
                "frequency": "Choose monthly or quarterly.",
                "asAt": "Write the as-at date as YYYY-MM-DD, for example 2016-10-31.",
                "returnsDue": "Write the day returns are due as YYYY-MM-DD, for example 2016-10-31.",
            ])
        ) { try bad.validated() }
        #expect(bad.fields["asAt"] == "30/11/2016")
    }
}
