import AssureCore
import AssureDemo
import Testing

@Suite("Milestone baselines and slippage")
struct MilestoneHistoryTests {
    static func history(_ title: String) -> [(period: PeriodInfo, row: ProjectRow?)] {
        [TransformationDashboard2016Fixture.june, TransformationDashboard2016Fixture.july].map { data in
            let report = PeriodReportBuilder.build(data)
            return (report.period, report.row(title: title))
        }
    }

    @Test("A re-forecast keeps the baseline and counts the days slipped")
    func reforecast() throws {
        // given Stage 3: Modelling, reported 03-Aug-16 in June and 17-Aug-16 in July
        let tracks = MilestoneHistory.tracks(Self.history("Mental Health Acute Care Pathway"))
        // then
        let modelling = try #require(tracks.first)
        #expect(modelling.baseline.date.written == "03-Aug-16")
        #expect(modelling.baseline.periodKey == "2016-06")
        #expect(modelling.latest.date.written == "17-Aug-16")
        #expect(modelling.latest.periodKey == "2016-07")
        #expect(modelling.moves == 1)
        #expect(modelling.slipDays == 14)
        #expect(modelling.completedIn == nil)
    }

    @Test("A date at month precision is due at the month's end; an unchanged date is no move")
    func precisionAndNoMove() throws {
        let tracks = MilestoneHistory.tracks(Self.history("Communication and Engagement"))
        let consultation = try #require(tracks.first { $0.title == "Public Consultation" })
        #expect(consultation.slipDays == 114)  // 08-Jun-16 → Mid September 2016 (30 Sep)
        let version1 = try #require(tracks.first { $0.title.hasPrefix("Public Consultation - version 1") })
        #expect(version1.moves == 0)
        #expect(version1.slipDays == 0)
    }

    @Test("A milestone reported complete records the period it completed in")
    func completion() throws {
        let tracks = MilestoneHistory.tracks(Self.history("Sustainability and Transformation Plan"))
        #expect(tracks.first?.completedIn?.periodKey == "2016-06")  // "30/06/2016 Complete"
    }
}
