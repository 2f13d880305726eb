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

/// The return's fields have one name for the API and one for the web form, from one type.
@Suite("A return's field names")
struct ReturnFieldTests {
    @Test("Every field's API name reads back as the field, and gives the form's name; other keys are not fields")
    func names() {
        let fields: [ReturnField] =
            [.rating, .update, .mitigation, .baseVersion, .milestones]
            + (0..<12).flatMap { index in ReturnField.MilestonePart.allCases.map { ReturnField.milestone(index, $0) } }
        for field in fields { #expect(ReturnField(key: field.key) == field) }
        #expect(ReturnField.milestone(10, .date).key == "milestones[10].date")
        #expect(ReturnField.milestone(10, .date).formName == "m10-date")
        #expect(ReturnField.rating.formName == "rating")
        for key in ["milestones[x].date", "milestones[1].colour", "milestones[1]", "ratings", "milestones[-1].title]"] {
            #expect(ReturnField(key: key) == nil)
        }
        // the form's errors use the names the API gives
        let errors = ReturnForm(
            rating: "Purple", update: "", mitigation: "",
            milestones: [MilestoneLine(title: "", date: "Jan-17", rating: nil)], baseVersion: 1
        )
        .validate(on: .standard(.threePoint))
        #expect(Set(errors.keys) == [ReturnField.rating.key, ReturnField.milestone(0, .title).key])
    }
}
