import AssureCore
import AssureDemo
import Foundation
import Testing

/// Each check, with the seed rows that should and should not trigger it.
@Suite("Assurance checks")
struct AssuranceCheckTests {
    static let cdg = Demo.portfolios.first { $0.name == "CDG Priorities" }!
    static let transformation = TransformationDashboard2016Fixture.portfolio

    static func kinds(
        _ report: PeriodReport, reference: String? = nil, title: String? = nil, child: Int? = nil
    ) -> [Flag.Kind] {
        let row = reference.flatMap(report.row(reference:)) ?? title.flatMap(report.row(title:))
        let target = child.map { row!.children[$0] } ?? row
        return target?.flags.map(\.kind) ?? []
    }

    @Test("Overdue: a milestone date before the as-at date, not complete, on a project rated as if on track")
    func overdue() {
        let september = PeriodReportBuilder.build(Self.cdg.periodData("2016-09")!)
        #expect(Self.kinds(september, reference: "ICS001", child: 0).contains(.overdueMilestone))  // a) Jul-16, ICS001 Green
        #expect(Self.kinds(september, reference: "ICS002", child: 0).contains(.overdueMilestone))  // a) Jun-16, ICS002 Amber
        #expect(Self.kinds(september, reference: "UE005").contains(.overdueMilestone))  // Aug-16
        #expect(Self.kinds(september, reference: "MH004").contains(.overdueMilestone))  // Apr-16
        #expect(!Self.kinds(september, reference: "PS001", child: 0).contains(.overdueMilestone))  // Apr-16 but Complete
        #expect(!Self.kinds(september, reference: "MH001").contains(.overdueMilestone))  // Mid January 2017
        let june = PeriodReportBuilder.build(TransformationDashboard2016Fixture.june)
        #expect(Self.kinds(june, title: "Benefits Management and Realisation Framework").contains(.overdueMilestone))  // 03-May-16 Green
        #expect(Self.kinds(june, title: "Senate responses").contains(.overdueMilestone))  // 14-Apr-16 Green
        #expect(!Self.kinds(june, title: "Acute re-configuration").contains(.overdueMilestone))  // 10/05/2016 Complete
        #expect(!Self.kinds(june, title: "Communication and Engagement").contains(.overdueMilestone))  // carries Red: honest
        #expect(!Self.kinds(june, title: "PCBC").contains(.overdueMilestone))  // 20-Jul-16 still ahead
    }

    @Test("Slippage: a milestone's date moved since the previous period, with the days")
    func slippage() throws {
        let july = PeriodReportBuilder.build(TransformationDashboard2016Fixture.july)
        let modelling = try #require(
            july.row(title: "Mental Health Acute Care Pathway")?.flags.first { $0.kind == .milestoneSlipped })
        #expect(modelling.message.contains("from 03-Aug-16 to 17-Aug-16 (14 days later)"))
        #expect(Self.kinds(july, title: "Communication and Engagement").contains(.milestoneSlipped))
        #expect(!Self.kinds(july, title: "PCBC").contains(.milestoneSlipped))
        // the first period has nothing to compare with
        #expect(
            !PeriodReportBuilder.build(TransformationDashboard2016Fixture.june).allFlags.contains {
                $0.flag.kind == .milestoneSlipped
            })
    }

    @Test("Repeated narrative: an update word for word the previous period's")
    func repeatedNarrative() throws {
        var data = TransformationDashboard2016Fixture.july
        let pcbc = try #require(data.projects.first { $0.title == "PCBC" })
        #expect(!Self.kinds(PeriodReportBuilder.build(data), title: "PCBC").contains(.repeatedNarrative))
        data.returns[pcbc.id]!.update = data.previousReturns[pcbc.id]!.update + "\n"
        #expect(Self.kinds(PeriodReportBuilder.build(data), title: "PCBC").contains(.repeatedNarrative))
    }

    @Test("Dates that cannot be read, ratings off the scale, arrows with no rating")
    func unreadableAndOffScale() {
        let june = PeriodReportBuilder.build(TransformationDashboard2016Fixture.june)
        #expect(Self.kinds(june, title: "CDGs").contains(.unreadableDate))  // "Individual plan milestones"
        #expect(Self.kinds(june, title: "NHSE Stage II assurance and Investment Committee").contains(.ratingOffScale))  // Yellow
        #expect(!Self.kinds(june, title: "PCBC").contains(.unreadableDate))
        let september = PeriodReportBuilder.build(Self.cdg.periodData("2016-09")!)
        #expect(Self.kinds(september, reference: "MH005").contains(.arrowWithoutRating))
        #expect(!Self.kinds(september, reference: "ICS001", child: 0).contains(.arrowWithoutRating))  // under ICS001's Green
    }

    @Test("A reported arrow that disagrees with the ratings")
    func trendDisagrees() throws {
        var data = TransformationDashboard2016Fixture.july
        let pcbc = try #require(data.projects.first { $0.title == "PCBC" })
        data.returns[pcbc.id]!.reportedTrend = .unchanged  // Amber → Green is ↑
        let flag = try #require(
            PeriodReportBuilder.build(data).row(title: "PCBC")?.flags.first { $0.kind == .trendDisagrees })
        #expect(flag.message == "The paper shows ↔ but the ratings give ↑ since 2016-06.")
    }

    @Test("No SRO, no lead, and the portfolio's switch")
    func accountability() {
        // seed 000 names leads but no SROs; the demo portfolio switches that check off
        #expect(
            !Self.kinds(PeriodReportBuilder.build(Self.cdg.periodData("2016-09")!), reference: "MAT001").contains(
                .noSRO))
        var data = Self.cdg.periodData("2016-09")!
        data.disabledChecks = []
        let all = PeriodReportBuilder.build(data)
        #expect(Self.kinds(all, reference: "MAT001").contains(.noSRO))
        #expect(!Self.kinds(all, reference: "MAT001").contains(.noLead))
        data.disabledChecks = [.overdueMilestone, .noSRO]
        #expect(
            !PeriodReportBuilder.build(data).allFlags.contains { [.overdueMilestone, .noSRO].contains($0.flag.kind) })
    }

    @Test("A return submitted long before the as-at date is stale")
    func stale() throws {
        var data = Self.cdg.periodData("2016-10")!
        let mat001 = try #require(data.projects.first { $0.reference == "MAT001" })
        let asAt = try #require(
            Calendar(identifier: .gregorian).date(
                from: DateComponents(
                    timeZone: TimeZone(identifier: "UTC"), year: 2016, month: 10, day: 31)))
        data.returns[mat001.id]!.submittedAt = asAt.addingTimeInterval(-60 * 86_400)
        #expect(Self.kinds(PeriodReportBuilder.build(data), reference: "MAT001").contains(.staleReturn))
        data.returns[mat001.id]!.submittedAt = asAt.addingTimeInterval(-5 * 86_400)
        #expect(!Self.kinds(PeriodReportBuilder.build(data), reference: "MAT001").contains(.staleReturn))
    }

    @Test("The exceptions report counts findings per check, then lists each with its project")
    func exceptionsReport() throws {
        let september = PeriodReportBuilder.build(Self.cdg.periodData("2016-09")!)
        let tables = ExceptionsReport.tables(september)
        let counts = Dictionary(uniqueKeysWithValues: tables[0].textRows.map { ($0[0], Int($0[1])!) })
        #expect(
            counts[Flag.Kind.overdueMilestone.title]
                == tables[1].textRows.filter { $0[0] == Flag.Kind.overdueMilestone.title }.count)
        #expect(tables[1].textRows.count == september.allFlags.count)
        #expect(tables[1].textRows.contains { $0[2] == "ICS001" && $0[3] == "a) Risk Stratification" })
        let oneProgramme = september.only(programme: september.programmes[4].programme.id)
        #expect(Set(ExceptionsReport.tables(oneProgramme)[1].textRows.map { $0[1] }) == ["Mental Health"])
    }
}
