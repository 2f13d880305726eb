import AssureCore
import AssureDemo
import AssureStorage
import Foundation
import Testing

@testable import AssureWeb

/// Each role's home and the pages they lead to, rendered from mocks built on the seed papers.
@Suite("Role home snapshots")
struct HomePageSnapshotTests {
    @Test("The PMO's cockpit: returns in by programme, overdue, awaiting review, and what would be carried forward")
    func cockpit() throws {
        let html = CockpitPage.render(.mock, ViewSnapshotTests.pmo)
        #expect(html.contains("3 of 5"))
        #expect(html.contains("Not yet: 2 returns are not in."))
        try ViewSnapshotTests.assertSnapshot(html, named: "home-cockpit")
    }

    @Test("At scale the cockpit names the first 25 returns not in and sends the PMO to the returns page for the rest")
    func cockpitAtScale() throws {
        let base = CockpitModel.mock.open[0].tracking
        let programme = base.programmes[1].programme
        let rows = (1...30).map { n in
            ReturnTracking.Row(
                project: ProjectInfo(id: UUID(), programmeID: programme.id, reference: "P\(n)", title: "Project \(n)"),
                state: .notStarted, owners: [])
        }
        let tracking = ReturnTracking(
            portfolio: base.portfolio, period: base.period, returnsDue: nil,
            programmes: [.init(programme: programme, rows: rows)])
        let html = CockpitPage.render(
            CockpitModel(
                open: [.init(tracking: tracking, exceptions: 30, chasersQueued: 0, chasersSent: 0)], idle: [],
                today: CockpitModel.mock.today),
            ViewSnapshotTests.pmo)
        #expect(html.components(separatedBy: ": not started</li>").count - 1 == 25)
        #expect(html.contains("… and 5 more: "))
    }

    @Test("A lead's home: their returns with state, due date and the reviewer's comment; then their review queue")
    func workHome() throws {
        let html = WorkHomePage.render(.mock, ViewSnapshotTests.editor)
        #expect(html.contains("<h1>Your returns for October 2016</h1>"))
        #expect(html.contains("Returned for changes by Karen Kirkham."))
        #expect(html.contains("Ask the Vanguard for its dates."))
        try ViewSnapshotTests.assertSnapshot(html, named: "home-lead")
    }

    @Test("A reviewer who writes no returns sees their queue first")
    func reviewerHome() throws {
        let model = WorkHomeModel(owed: [], toReview: WorkHomeModel.mock.toReview, today: WorkHomeModel.mock.today)
        let html = WorkHomePage.render(model, ViewSnapshotTests.editor)
        #expect(html.contains("<h1 id=\"review\">Waiting for your review (1)</h1>"))
        #expect(
            html.firstRange(of: "Waiting for your review")!.lowerBound < html.firstRange(of: "Your returns")!.lowerBound
        )
    }

    @Test("The board's home and its printable summary of July 2016")
    func board() throws {
        try ViewSnapshotTests.assertSnapshot(
            BoardSummaryPage.home(.mock, ViewSnapshotTests.viewer), named: "home-board")
        let html = BoardSummaryPage.render(.mock, ViewSnapshotTests.viewer)
        #expect(html.contains("Declined from Amber to Red"))
        #expect(html.contains("Milestones slipped (2)"))
        try ViewSnapshotTests.assertSnapshot(html, named: "board-summary")
    }

    @Test("Publishing asks first, listing what would be carried forward; blocked, it lists the missing returns once")
    func publishConfirm() throws {
        let model = PublishConfirmModel(
            tracking: CockpitModel.mock.open[0].tracking, policy: .carryForward, publishesFindings: false, counts: [])
        let html = PublishConfirmPage.render(model, ViewSnapshotTests.pmo)
        #expect(html.contains("Publish and freeze"))
        try ViewSnapshotTests.assertSnapshot(html, named: "publish-confirm")
        let blocked = PublishConfirmPage.render(
            PublishConfirmModel(tracking: model.tracking, policy: .block, publishesFindings: false, counts: []),
            ViewSnapshotTests.pmo)
        #expect(!blocked.contains("Publish and freeze"))
        #expect(blocked.components(separatedBy: "ICS001 ICS001").count == 2, "each missing return listed once")
    }

    @Test("A reviewer's page: the ratings as badges with the arrow in words, milestones moved in days")
    func reviewComparison() throws {
        let june = TransformationPapers.june
        let july = TransformationPapers.july
        func form(_ row: ProjectRow) -> ReturnForm {
            ReturnForm(
                rating: row.reportedRating?.written ?? "", update: row.update, mitigation: row.mitigation,
                milestones: row.milestones.map {
                    MilestoneLine(title: $0.title, date: $0.date.written, rating: $0.rating?.written)
                },
                baseVersion: 0)
        }
        let title = "Mental Health Acute Care Pathway"
        let comparison = ReturnComparison(
            current: form(july.row(title: title)!), previous: form(june.row(title: title)!),
            previousPeriod: "June 2016",
            scale: .threePoint)
        let html = Layout.render(
            ViewSnapshotTests.pmo,
            ReviewComparisonView.render(
                comparison, scale: .threePoint,
                findings: [Flag(.milestoneSlipped, "“Stage 3: Modelling” moved 14 days later.")]))
        #expect(html.contains("Declined from Green to Amber"))
        #expect(html.contains("Moved 14 days later"))
        try ViewSnapshotTests.assertSnapshot(html, named: "review-comparison")
    }

    @Test("A person's own account names their role and leads to their password and API tokens")
    func account() throws {
        let model = AccountPageModel(
            name: "Jane Brennan", email: "jane.brennan@assure.demo", role: .editor,
            programmes: ["Maternity and Family Health"], reviewedProjects: 0)
        let html = AccountPage.render(model, ViewSnapshotTests.editor)
        #expect(html.contains(Link.changePassword.path) && html.contains(Link.tokens.path))
        try ViewSnapshotTests.assertSnapshot(html, named: "account")
    }
}

extension ViewSnapshotTests {
    static let editor = PageContext(
        actor: Actor(userID: nil, name: "Jane Brennan", role: .editor), csrf: "csrf-token", title: "Page",
        path: Link.home.path, reviewCount: 1)
    static let viewer = PageContext(
        actor: Actor(userID: nil, name: "Board Member", role: .viewer), csrf: "csrf-token", title: "Page")
}

private func fixedID(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

extension CockpitModel {
    /// October 2016 at CDG Priorities: five returns, three in (one awaiting review), two not.
    static var mock: CockpitModel {
        let maternity = ProgrammeInfo(id: fixedID(1), name: "Maternity and Family Health", kind: .clinicalDeliveryGroup)
        let community = ProgrammeInfo(
            id: fixedID(2), name: "Integrated Community Services", kind: .clinicalDeliveryGroup)
        let jane = ReturnTracking.Contact(name: "Jane Brennan", email: "jane.brennan@assure.demo")
        func row(_ n: Int, _ reference: String, _ programme: ProgrammeInfo, _ state: ReturnState) -> ReturnTracking.Row
        {
            ReturnTracking.Row(
                project: ProjectInfo(
                    id: fixedID(100 + n), programmeID: programme.id, reference: reference, title: reference),
                state: state, owners: [jane], savedBy: state == .notStarted ? nil : "Jane Brennan",
                reviewedBy: state == .returnedForChanges ? "Karen Kirkham" : nil,
                reviewComment: state == .returnedForChanges ? "Ask the Vanguard for its dates." : nil)
        }
        let tracking = ReturnTracking(
            portfolio: PortfolioInfo(id: fixedID(10), name: "CDG Priorities", scale: .threePoint),
            period: PeriodInfo(
                id: fixedID(20), key: "2016-10", label: "October 2016", frequency: .monthly,
                asAt: CalendarDate(year: 2016, month: 10, day: 31)!, publishOn: nil, status: .open),
            returnsDue: CalendarDate(year: 2016, month: 11, day: 4),
            programmes: [
                .init(
                    programme: maternity,
                    rows: [row(1, "MAT001", maternity, .approved), row(2, "MAT002", maternity, .submitted)]),
                .init(
                    programme: community,
                    rows: [
                        row(3, "ICS001", community, .notStarted), row(4, "ICS002", community, .returnedForChanges),
                        row(5, "ICS003", community, .carriedForward),
                    ]),
            ])
        return CockpitModel(
            open: [.init(tracking: tracking, exceptions: 4, chasersQueued: 2, chasersSent: 1)],
            idle: [PortfolioInfo(id: fixedID(11), name: "Our Dorset ICS", scale: .threePoint)],
            today: CalendarDate(year: 2016, month: 11, day: 7)!)
    }
}

extension WorkHomeModel {
    static var mock: WorkHomeModel {
        let tracking = CockpitModel.mock.open[0].tracking
        func work(_ rows: [ReturnTracking.Row]) -> PeriodWork {
            PeriodWork(portfolio: tracking.portfolio, period: tracking.period, due: tracking.returnsDue, rows: rows)
        }
        return WorkHomeModel(
            owed: [work(tracking.rows.filter { $0.state != .carriedForward })],
            toReview: [work(tracking.rows.filter { $0.state == .submitted })],
            today: CalendarDate(year: 2016, month: 11, day: 1)!)
    }
}

extension BoardHomeModel {
    static var mock: BoardHomeModel {
        let june = TransformationPapers.june
        let july = TransformationPapers.july
        let summary = BoardSummary(report: july, previous: june)
        return BoardHomeModel(cards: [
            .init(portfolio: july.portfolio, latest: .init(report: summary.report, counts: summary.counts)),
            .init(portfolio: PortfolioInfo(id: fixedID(12), name: "Primary Care", scale: .fivePoint), latest: nil),
        ])
    }
}

extension BoardSummaryModel {
    static var mock: BoardSummaryModel {
        BoardSummaryModel(
            summary: BoardSummary(report: TransformationPapers.july, previous: TransformationPapers.june))
    }
}

/// The Transformation Programme's June and July 2016 dashboards (seed 004), from the demo's data.
enum TransformationPapers {
    static let portfolio = Demo.portfolios.first { $0.name == "Transformation Programme" }!
    static var june: PeriodReport { PeriodReportBuilder.build(portfolio.periodData("2016-06")!) }
    static var july: PeriodReport { PeriodReportBuilder.build(portfolio.periodData("2016-07")!) }
}

@Suite("Outcome charts' value axis")
struct ValueAxisTests {
    @Test("A measure between 23.58 and 32.82 is drawn from zero with round gridlines, so a 1% dip looks like one")
    func fromZero() {
        let axis = ValueAxis(low: 23.58, high: 32.82)
        #expect(axis.floor == 0 && axis.ceiling == 40 && axis.step == 10)
        #expect(axis.ticks == [0, 10, 20, 30, 40])
    }

    @Test("Negative values get a round floor below them; a flat series still has a range")
    func negativeAndFlat() {
        let axis = ValueAxis(low: -3, high: 7)
        #expect(axis.floor == -5 && axis.ceiling == 10 && axis.step == 5)
        let flat = ValueAxis(low: 0, high: 0)
        #expect(flat.ceiling > flat.floor)
    }

    @Test("Months on the chart read as a board writes them")
    func months() {
        #expect(OutcomePages.monthLabel("2017-03") == "Mar 2017")
        #expect(OutcomePages.monthLabel("Q4 16/17") == "Q4 16/17")
    }
}

@Suite("Tables on a phone")
struct StackedTablesTests {
    @Test("Each body cell is given its column's name, across spans and markup; a table without a header is left alone")
    func labels() {
        // given a table whose header has markup, an escaped name and a cell spanning two columns
        let html = """
            <p>before</p><table><thead><tr><th scope="col">Project</th><th colspan="2">R&amp;D <span>cost</span></th>\
            <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>\
            <tr><td>MAT001</td><td class="money">£1</td><td>£2</td><td><a href="/x">Change</a></td></tr>\
            <tr><th scope="row">Total</th><td colspan="2">£3</td><td></td></tr></tbody></table>\
            <table><tbody><tr><td>As it was</td></tr></tbody></table><p>after</p>
            """
        // when labelled
        let labelled = StackedTables.label(html)
        // then
        #expect(labelled.contains(#"<td data-label="Project">MAT001</td>"#))
        #expect(labelled.contains(#"<td data-label="R&amp;D cost" class="money">£1</td>"#))
        #expect(labelled.contains(#"<td data-label="R&amp;D cost">£2</td>"#))
        #expect(labelled.contains(#"<td data-label="Actions"><a href="/x">Change</a></td>"#))
        #expect(labelled.contains(#"<th data-label="Project" scope="row">Total</th>"#))
        #expect(labelled.contains(#"<td data-label="R&amp;D cost" colspan="2">£3</td><td data-label="Actions"></td>"#))
        #expect(labelled.contains("<table><tbody><tr><td>As it was</td></tr></tbody></table><p>after</p>"))
        #expect(labelled.hasPrefix("<p>before</p><table><thead>"))
    }

    @Test("A page with no table comes back unchanged")
    func noTables() {
        let page = "<main><p>No tables & no header</p></main>"
        #expect(StackedTables.label(page) == page)
    }
}

@Suite("Form errors")
struct ErrorSummaryOrderTests {
    @Test("The error summary lists the fields in the order of the page, not of their names")
    func pageOrder() {
        let errors = ["update": "Write an update.", "m0-date": "Unreadable.", "rating": "Choose a rating."]
        let html = FormViews.errorSummary(errors, order: ["rating", "update", "mitigation", "m0-title", "m0-date"])
            .render()
        let positions = ["Choose a rating.", "Write an update.", "Unreadable."].map {
            html.range(of: $0)!.lowerBound
        }
        #expect(positions == positions.sorted())
    }
}
