import AssureCore
import AssureDemo
import Testing

/// Seed 004's summary table, as the paper prints it (the Word table's shifted cells included).
private let paperSummary: [[String]] = [
    ["Transformation", "PCBC", "Final lockdown of document", "20-Jul-16", "Phil Richardson", "Amber", "↔"],
    [
        "", "Sustainability and Transformation Plan", "Submission to NHS England", "30/06/2016 Complete",
        "Phil Richardson", "Green", "↔",
    ],
    [
        "", "Communication and Engagement", "Public Consultation - version 1 consultation document for feedback",
        "01-Sep-16", "Charles Summers", "Green", "↓",
    ],
    ["", "", "Public Consultation", "08-Jun-16", "", "Red", ""],
    [
        "", "",
        "Involvement of Dorset LA partners including Health and Wellbeing Boards, HOSCs, Patient Representative groups",
        "Ongoing", "", "Amber", "",
    ],
    ["", "", "", "", "", "Green", ""],
    [
        "", "CDGs", "Delivery of Clinical Delivery Group Priorities", "Individual plan milestones", "Mike Wood",
        "Amber", "↔",
    ],
    ["", "CWGs", "Delivery of CWG 11", "13-Jul-16", "Phil Richardson", "Green", "↔"],
    ["", "Mental Health Acute Care Pathway", "Stage 3: Modelling", "03-Aug-16", "Mike Wood", "Green", "↔"],
    ["", "Technology Enablement", "Digital Roadmap Submission", "30-Jun-16", "Phil Richardson", "Green", "↑"],
    ["", "", "Dorset Care Record - preferred bidder", "31-Jul-16", "Phil Richardson", "Green", "↑"],
    [
        "", "Finance, Procurement and Estates",
        "Financial Viability; tariff, other payment arrangements, contracting, efficiency savings", "On-going",
        "Paul Vater", "Amber", "↔",
    ],
    [
        "", "Benefits Management and Realisation Framework",
        "Continuing development of the benefits for Senate Document and PCBC", "03-May-16", "Phil Richardson", "Green",
        "↔",
    ],
    ["", "Prioritisation", "PMO Framework Roll Out", "14-Jul-16", "Phil Richardson", "Green", "↑"],
    ["", "", "", "31-Jul-16", "", "Green", ""],
    [
        "Integrated Community Services", "Dorset (Local) Vanguard",
        "Integration of Vanguard plans to support and inform the ICS vision", "", "Phil Richardson", "Green", "↔",
    ],
    [
        "", "Development of proposals for integrated community services",
        "Development of plans for consultation options", "20-Jul-16", "Phil Richardson", "Amber", "↔",
    ],
    [
        "Acute Hospital", "Acute re-configuration", "Development of work towards the preferred option decision",
        "10/05/2016 Complete", "Mike Wood", "Green", "↔",
    ],
    [
        "", "Acute Vanguard", "Link into main acute hospital acute re-configuration", "On-going", "Mike Wood", "Green",
        "↔",
    ],
    ["Implementation Plan to be agreed", "", "31-Jul-16", "", "", "", ""],
    [
        "Integrated Community Services & Acute Hospital", "Decision making process",
        "Dorset Models of Care (Acute & ICS) Preferred Option Decision", "20-Jul-16", "Phil Richardson", "Green", "↑",
    ],
    ["Assurance", "Senate responses", "Senate Council Meeting", "14-Apr-16", "Phil Richardson", "Green", "↑"],
    [
        "", "NHSE Stage II assurance and Investment Committee", "Successful completion of NHSE Stage II and IC",
        "31-Aug-16", "Phil Richardson", "Amber", "↔",
    ],
    [
        "", "NHS Improvement & CMA", "Successful completion of NHS Improvement and CMA process",
        "Dependant on NHSE Stage II", "Phil Richardson", "Green", "↔",
    ],
    ["Development", "System Leadership", "Governing Body Development", "20-Jul-16", "Charles Summers", "Green", "↔"],
    ["", "GB Development Staff Development Membership Development", "", "", "", "", ""],
]

/// Where Assure's table differs from the paper, cell by cell, and why. Each is either a defect of the paper
/// (a shifted or stray cell) or a contradiction the app must flag.
private struct Correction: Sendable {
    let why: String
    let apply: @Sendable (inout [[String]]) -> Void
}

private let corrections: [Correction] = [
    Correction(why: "Communication and Engagement: a stray Green with no milestone (paper row 6) is not data") {
        $0.remove(at: 5)
    },
    Correction(why: "Technology Enablement: the paper repeats SRO and arrow on the milestone's second row") {
        $0[9][4] = ""; $0[9][6] = ""
    },
    Correction(why: "Prioritisation: the summary shifts milestone titles; the detailed table names both milestones") {
        $0[12][2] = "Development of process for strategic prioritisation"
        $0[13][2] = "PMO Framework Roll Out"
    },
    Correction(why: "Acute Vanguard: the second milestone's title and date sit in the programme column") {
        $0[18] = ["", "", "Implementation Plan to be agreed", "31-Jul-16", "", "", ""]
    },
    Correction(why: "NHSE Stage II: the detailed table rates the milestone Yellow (off the scale), the summary Amber") {
        $0[21][5] = "Yellow"
    },
    Correction(
        why:
            "Communication and Engagement: the paper's first-row Green is its first milestone's; the project carries Red, said by its name"
    ) {
        $0[2][1] += "\nRated Red overall"
    },
    Correction(
        why:
            "NHSE Stage II: the first-row badge is the milestone's off-scale Yellow; the project carries Amber, said by its name"
    ) {
        $0[21][1] += "\nRated Amber overall"
    },
    Correction(why: "System Leadership: the paper prints its three sub-items on one line") {
        $0[24] = ["", "GB Development", "", "", "", "", ""]
        $0.insert(["", "Staff Development", "", "", "", "", ""], at: 25)
        $0.insert(["", "Membership Development", "", "", "", "", ""], at: 26)
    },
]

@Suite("Seed 004: Transformation Programme Dashboard, June 2016")
struct Seed004DashboardTests {
    let report = PeriodReportBuilder.build(TransformationDashboard2016Fixture.june)

    @Test("The summary table rebuilt from the demo data is the paper, but for the named cells")
    func summaryMatchesPaper() {
        // given the paper with its named defects corrected
        var expected = paperSummary
        corrections.forEach { $0.apply(&expected) }
        // when the table is built from the data
        let table = ProgrammeDashboard.summary(report)
        // then every row and cell agrees
        #expect(
            table.columns == [
                "PROGRAMME", "PROJECT/ROLE", "MILESTONE(S)", "MILESTONE DATE", "SRO (executive)", "RAG",
                "STATUS SINCE LAST REPORT",
            ])
        expectTable(table, equals: expected)
    }

    @Test("Contradictions in the paper are flagged by the app")
    func contradictionsAreFlagged() throws {
        // Communication and Engagement: reported Green, but milestones are Red and Amber
        let engagement = try #require(report.row(title: "Communication and Engagement"))
        #expect(engagement.effective?.label == "Red")
        #expect(engagement.flags.contains { $0.kind == .rollUpContradiction })
        // NHSE Stage II: a Yellow milestone is kept as written and flagged
        let stageII = try #require(report.row(title: "NHSE Stage II assurance and Investment Committee"))
        #expect(stageII.milestones.first?.rating?.written == "Yellow")
        #expect(stageII.milestones.first?.rating?.isOnScale == false)
        #expect(stageII.flags.contains { $0.kind == .ratingOffScale && $0.message.contains("Yellow") })
        // "Individual plan milestones" is not a date and is listed for the PMO
        let cdgs = try #require(report.row(title: "CDGs"))
        #expect(cdgs.flags.contains { $0.kind == .unreadableDate })
    }

    @Test("The first period in the system shows the paper's arrows as reported")
    func arrowsAreReportedInTheFirstPeriod() throws {
        let technology = try #require(report.row(title: "Technology Enablement"))
        #expect(technology.trend.derived == .new)
        #expect(technology.trend.shown == .improved)
        #expect(technology.trend.isReported)
    }

    @Test("Portfolio counts per rating follow the roll-up")
    func countsFollowRollUp() {
        let counts = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.label, $0.count) })
        // 19 projects: the paper rates 6 Amber and 13 Green, but Communication and Engagement carries Red
        #expect(counts["Red"] == 1)
        #expect(counts["Amber"] == 5)
        #expect(counts["Green"] == 13)
        #expect(counts["Not rated"] == 0)
        #expect(report.worst?.label == "Red")
    }
}

@Suite("Illustrative July 2016: arrows are derived")
struct DerivedArrowTests {
    let july = PeriodReportBuilder.build(TransformationDashboard2016Fixture.july)

    @Test(
        "Ratings compared with June give the arrows",
        arguments: [
            ("PCBC", Trend.improved), ("Mental Health Acute Care Pathway", .declined),
            ("Communication and Engagement", .improved), ("CWGs", .improved), ("Senate responses", .unchanged),
            ("NHSE Stage II assurance and Investment Committee", .declined),
        ])
    func derived(project: String, expected: Trend) throws {
        let row = try #require(july.row(title: project))
        #expect(row.trend.derived == expected)
        #expect(row.trend.shown == expected)
        #expect(!row.trend.isReported)
    }

    @Test("Sub-items roll up into their project")
    func subItemsRollUp() throws {
        let leadership = try #require(july.row(title: "System Leadership"))
        #expect(leadership.children.map(\.itemLabel) == ["a)", "b)", "c)"])
    }
}

enum TransformationDashboard2016Fixture {
    static let portfolio = Demo.portfolios.first { $0.name == "Transformation Programme" }!
    static let june = portfolio.periodData("2016-06")!
    static let july = portfolio.periodData("2016-07")!
}
