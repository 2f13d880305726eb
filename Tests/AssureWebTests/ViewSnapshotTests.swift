import AssureApp
import AssureCore
import AssureDemo
import AssureOutput
import AssureStorage
import Foundation
import Testing

@testable import AssureWeb

/// Pages are pure functions of their models: rendered from the seed data in memory (no database), they must
/// match the reviewed snapshot byte for byte. ASSURE_RECORD_SNAPSHOTS=1 rewrites the snapshots after a deliberate change.
@Suite("View snapshots")
struct ViewSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "__Snapshots__")

    @Test(
        "Printable dashboards",
        arguments: [
            ("programme-dashboard-2016-06", "Transformation Programme", "2016-06", ReportKind.programmeDashboard),
            ("priorities-2016-09", "CDG Priorities", "2016-09", ReportKind.priorities),
        ])
    func dashboard(name: String, portfolio: String, period: String, kind: ReportKind) throws {
        let demo = try #require(Demo.portfolios.first { $0.name == portfolio })
        let report = PeriodReportBuilder.build(try #require(demo.periodData(period)))
        let html = DashboardPage.standalone(
            DashboardPageModel(kind: kind, report: report, periods: [], canManage: false))
        try Self.assertSnapshot(html, named: name)
    }

    @Test("The returns page of the open October 2016 period, as the PMO sees it")
    func returnsPage() throws {
        // given October's returns as the demo holds them: some submitted, one approved, one returned, the rest not started
        let demo = try #require(Demo.portfolios.first { $0.name == "CDG Priorities" })
        let data = try #require(demo.periodData("2016-10"))
        let states: [String: ReturnState] = ["MAT001": .approved, "MAT002": .returnedForChanges]
        let programmes = data.programmes.map { programme in
            ReturnTracking.ProgrammeRows(
                programme: programme,
                rows: data.projects.filter { $0.programmeID == programme.id && $0.parentID == nil }.map { project in
                    let state =
                        states[project.reference ?? ""] ?? (data.returns[project.id] == nil ? .notStarted : .submitted)
                    let lead =
                        project.lead.map {
                            [
                                ReturnTracking.Contact(
                                    name: $0, email: $0 == "Jane Brennan" ? "jane.brennan@nhs.example" : nil)
                            ]
                        } ?? []
                    return ReturnTracking.Row(
                        project: project, state: state, owners: lead, savedBy: project.lead,
                        reviewedBy: state == .returnedForChanges ? "Karen Kirkham" : nil,
                        reviewComment: state == .returnedForChanges ? "Add the <b>Vanguard</b> dates." : nil)
                })
        }
        let tracking = ReturnTracking(
            portfolio: data.portfolio, period: data.period, returnsDue: CalendarDate(year: 2016, month: 11, day: 7),
            programmes: programmes)
        let context = PageContext(
            actor: Actor(userID: nil, name: "Demo PMO", role: .admin), csrf: "csrf-token",
            title: "Returns for October 2016")
        // when the page is rendered
        let html = ReturnTrackingPage.render(
            ReturnTrackingModel(tracking: tracking, canManage: true, mailConfigured: false, returned: nil), context)
        // then it is the reviewed page, with the reviewer's comment escaped
        #expect(html.contains("Add the &lt;b&gt;Vanguard&lt;/b&gt; dates."))
        try Self.assertSnapshot(html, named: "returns-2016-10")
    }

    static let pmo = PageContext(
        actor: Actor(userID: nil, name: "Demo PMO", role: .admin), csrf: "csrf-token", title: "Page")

    @Test("The PMO's page for one user: role, programmes ticked, and the way to disable them")
    func userPage() throws {
        let maternity = ProgrammeInfo(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!, name: "Maternity and Family Health",
            kind: .programme)
        let mental = ProgrammeInfo(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000A2")!, name: "Mental Health", kind: .programme)
        let jane = UserSummary(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000B1")!, email: "jane.brennan@assure.demo",
            name: "Jane Brennan", role: .editor, programmes: ["Maternity and Family Health"])
        let html = AccountPages.user(jane, programmes: [maternity, mental], Self.pmo)
        #expect(html.contains(#"value="00000000-0000-0000-0000-0000000000A1" checked="checked""#))
        try Self.assertSnapshot(html, named: "user-jane")
        var disabled = jane
        disabled.disabled = true
        #expect(AccountPages.user(disabled, programmes: [maternity], Self.pmo).contains("Enable Jane Brennan"))
    }

    @Test("Changing your password: the form with its errors beside the fields, and no password echoed back")
    func passwordPage() throws {
        let html = AccountPages.changePassword(Self.pmo, errors: ["old": "This is not your current password."])
        #expect(html.contains(#"autocomplete="current-password""#))
        try Self.assertSnapshot(html, named: "change-password-error")
    }

    @Test("A deliverable's and a business case's edit pages, built by their views (no HTML in controllers)")
    func registerEditPages() throws {
        let deliverable = Deliverable(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!, programme: "Prevention at Scale",
            title: "Diabetes <models>", years: [FinancialYear(startingIn: 2017)], status: .onTrack, version: 3)
        try Self.assertSnapshot(
            DeliverablePages.edit(deliverable, values: nil, errors: [:], Self.pmo), named: "deliverable-edit")
        let chc = BusinessCase(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000D1")!, name: "CHC IT",
            ratings: ["Quality": .high, "Access": .medium], version: 2)
        let set = CriteriaSet(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000D2")!, name: "Digital bids",
            criteria: [Criterion(name: "Quality"), Criterion(name: "Access", weight: 2)], cases: [chc])
        try Self.assertSnapshot(
            BusinessCasePages.casePage(chc, in: set, values: nil, errors: [:], Self.pmo), named: "business-case-edit")
    }

    static func assertSnapshot(
        _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let file = directory.appendingPathComponent("\(name).html")
        // One element per line, so a snapshot diff reads like a review.
        let readable = actual.replacingOccurrences(of: "><", with: ">\n<")
        if ProcessInfo.processInfo.environment["ASSURE_RECORD_SNAPSHOTS"] == "1"
            || !FileManager.default.fileExists(atPath: file.path)
        {
            try readable.write(to: file, atomically: true, encoding: .utf8)
            Issue.record(
                "Recorded snapshot \(file.lastPathComponent): review it and run again.", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        if expected != readable {
            let line = zip(expected.split(separator: "\n"), readable.split(separator: "\n")).enumerated().first {
                $1.0 != $1.1
            }
            Issue.record(
                "Snapshot \(name) differs at line \((line?.offset ?? 0) + 1): expected «\(line?.element.0 ?? "")», got «\(line?.element.1 ?? "")»",
                sourceLocation: sourceLocation)
        }
    }
}
