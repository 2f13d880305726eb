import AssureCore
import AssureDemo
import Testing

@Suite("Outcome measures against their trajectory")
struct OutcomeMeasureTests {
    @Test("Seed 001's targets, with illustrative actuals rated against the trajectory")
    func seedTargets() throws {
        let measures = Outcomes2016.measures
        #expect(
            measures.map { "\($0.name): \(OutcomeMeasure.format($0.target)) \($0.unit)" } == [
                "Community hospital length of stay (step down): 24 days",
                "Delayed transfers of care (all providers): 3.5 %", "Dementia diagnosis rate: 66.7 %",
            ])
        let stay = measures[0]
        #expect(stay.baseline == 32 && stay.trajectory["2017-03"] == 32 && stay.trajectory["2019-03"] == 24)
        // nine quarters from 32 to 24 days: a day a quarter. Dec 2017: trajectory 29, actual 29.6 is 2.1% worse: Amber
        #expect(stay.trajectory["2017-12"] == 29)
        #expect(stay.rating("2017-12") == "Amber")
        // lower is better: 3.4% against 3.5% is Green; higher is better: 66.2% against 66.7% is Amber, 65.8% too
        #expect(measures[1].rating("2017-12") == "Green")
        #expect(measures[2].rating("2017-12") == "Amber")
        #expect(measures.filter { !$0.actualsAreIllustrative }.isEmpty)
        let table = OutcomesReport.table(measures)
        #expect(table.textRows[0][7] == "29.6 (2017-12) illustrative")
    }

    @Test("Far off the trajectory is Red; with no trajectory there is no rating; bad values are named")
    func ratings() {
        let measure = OutcomeMeasure(
            name: "Waits", programme: "P", unit: "weeks", direction: .lowerIsBetter, baseline: 20, target: 18,
            targetDate: CalendarDate(year: 2019, month: 3, day: 31)!, trajectory: ["2018-01": 19],
            actuals: ["2018-01": 21, "2018-02": 18])
        #expect(measure.rating("2018-01") == "Red")
        #expect(measure.rating("2018-02") == nil)
        #expect(
            OutcomeMeasure.validate(name: "", unit: "days", baseline: "lots", target: "24", targetDate: "soon") == [
                "name": "Name the measure.", "baseline": "“lots” is not a number.",
                "targetDate": "Give the target date as a date.",
            ])
    }
}
