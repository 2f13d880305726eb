import AssureCore
import AssureDemo
import Testing

/// Seed 000's priorities summary, as the paper prints it.
private let paperSummary: [[String]] = [
    [
        "Maternity and Family Health", "MAT001", "Maternity and Paediatric acute hospital network development", "Green",
        "↔", "Y - through Acute Vanguard",
    ],
    [
        "Maternity and Family Health", "MAT002",
        "Define and develop local integrated community children's health service", "Amber", "↔", "Y",
    ],
    [
        "Integrated Community Services", "ICS001",
        "Integrated Teams and End of Life Care: Risk stratification and implementation of end of life care strategy",
        "Green", "↔", "Y",
    ],
    [
        "Integrated Community Services", "ICS002",
        "Intermediate Care: intensive rehabilitation and re-ablement, links with early supported discharge and rapid response",
        "Amber", "↔", "Y",
    ],
    [
        "Integrated Community Services", "ICS003", "Longer term project: Out of Hospital Respiratory Services", "Green",
        "↔", "Y",
    ],
    ["Planned and Specialist Care", "PS001", "Rheumatology", "Green", "↔", "Y"],
    ["Planned and Specialist Care", "PS002", "Radiology and Diagnostics", "Green", "↔", "Y"],
    ["Planned and Specialist Care", "PS003", "Dermatology", "Green", "↔", "Y"],
    ["Planned and Specialist Care", "PS004", "Cancer", "Green", "↔", "Y"],
    ["Urgent and Emergency Care", "UE001", "Integrated urgent care hub (Out of Hospital/111)", "Amber", "↔", "Y"],
    [
        "Urgent and Emergency Care", "UE002",
        "Weymouth urgent care centre mobilisation to be completed including an assessment of transferability of service across system",
        "Green", "↔", "Y",
    ],
    [
        "Urgent and Emergency Care", "UE003",
        "Trauma model of care developed to support the proposed acute model configuration", "Green", "↔", "Y",
    ],
    [
        "Urgent and Emergency Care", "UE004",
        "Implementation of discharge to assess county wide (linked to the work of the systems resilience group).",
        "Green", "", "Priority moved to SRG",
    ],
    [
        "Urgent and Emergency Care", "UE005",
        "Provision of specialist advice and guidance within one clinical pathway that assists admission avoidance.",
        "Green", "↔", "Y",
    ],
    [
        "Mental Health", "MH001",
        "Co-produced model for acute mental health services resulting in enhanced access and service user experience (Acute Care Pathway Project)",
        "Green", "↔", "Y",
    ],
    [
        "Mental Health", "MH002",
        "Improved rates of dementia diagnosis (67% by March 2016 – stretch target 70%) and improving post diagnostic support",
        "Red", "↔", "Y",
    ],
    [
        "Mental Health", "MH003",
        "Development of effective provision to support the delivery of the 4 stage crisis model for learning disabilities (LD Crisis Assessment and Support)",
        "Green", "↔", "Y",
    ],
    ["Mental Health", "MH004", "Deliver the national MH waiting times for IAPT and EIP", "Green", "↔", "N/A"],
    [
        "Mental Health", "MH005",
        "Work with the Maternity and Families CDG to develop an All Age Psychiatric Liaison Service by 2020.",
        "Priority owned by M&FH", "↔", "Y",
    ],
    [
        "Mental Health", "MH006",
        "Co-produce model for rehabilitation and recovery services incorporating related employment services and supportive housing",
        "Green", "↔", "Due to commence Sept/Oct 16",
    ],
    [
        "Mental Health", "MH007",
        "Co-produce model for organic specialist pathway (in-patient and community provision)", "Amber", "↔", "Y",
    ],
]

@Suite("Seed 000: CDG Priorities, September 2016")
struct Seed000PrioritiesTests {
    static let portfolio = Demo.portfolios.first { $0.name == "CDG Priorities" }!
    let report = PeriodReportBuilder.build(Self.portfolio.periodData("2016-09")!)

    @Test("The priorities summary rebuilt from the demo data is the paper, but for UE004's arrow")
    func summaryMatchesPaper() {
        // given the paper, with the one cell Assure derives differently named
        var expected = paperSummary
        // UE004: the paper leaves the arrow blank; with no earlier rating in Assure the priority is "new".
        expected[12][4] = "new"
        // when
        let table = PrioritiesReport.summary(report)
        // then
        #expect(
            table.columns == [
                "CDG", "PROJECT REFERENCE", "PRIORITY", "RAG", "STATUS SINCE LAST REPORT", "PROJECT PLAN Y/N",
            ])
        expectTable(table, equals: expected)
    }

    @Test("MH005: a status typed in the RAG column is kept as written, and its arrow is flagged")
    func offScaleStatusIsKeptAndFlagged() throws {
        let mh005 = try #require(report.row(reference: "MH005"))
        #expect(mh005.reportedRating?.written == "Priority owned by M&FH")
        #expect(mh005.effective == nil)
        #expect(mh005.flags.map(\.kind).contains(.ratingOffScale))
        #expect(mh005.flags.map(\.kind).contains(.arrowWithoutRating))
    }

    @Test("Monitoring reports carry each group's leads and lettered sub-items")
    func monitoringReports() throws {
        let reports = PrioritiesReport.monitoringReports(report)
        #expect(reports.count == 5)
        let ics = try #require(reports.first { $0.title.hasPrefix("Integrated Community Services") })
        #expect(ics.subtitle == ["Clinical lead: Karen Kirkham", "Programme Manager: Sally Sandcraft"])
        #expect(ics.columns.first == "Reference")
        let titles = ics.textRows.map { $0[1] }
        #expect(titles.contains("a) Risk Stratification"))
        #expect(titles.contains("c) Rapid Response"))
        // a sub-item rated Complete in the paper's Change column is held as the rating Complete
        let planned = try #require(reports.first { $0.title.hasPrefix("Planned and Specialist Care") })
        let network = try #require(
            planned.textRows.first { $0[1] == "a) Development of Rheumatology Clinical Network pan Dorset" })
        #expect(network[7] == "Complete")
    }

    @Test("The open illustrative October period derives arrows from September and lists missing returns")
    func octoberDerives() throws {
        let october = PeriodReportBuilder.build(Self.portfolio.periodData("2016-10")!)
        #expect(october.row(reference: "MAT002")?.trend.derived == .improved)
        #expect(october.row(reference: "ICS002")?.trend.derived == .declined)
        #expect(october.row(reference: "MH002")?.trend.derived == .improved)
        #expect(october.row(reference: "MAT001")?.trend.derived == .unchanged)
        let missing = october.allRows.filter { !$0.hasReturn }
        #expect(missing.count == 17)
        #expect(missing.allSatisfy { $0.flags.contains { $0.kind == .noReturn } })
    }
}
