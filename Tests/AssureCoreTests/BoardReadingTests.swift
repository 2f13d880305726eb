import AssureCore
import AssureDemo
import Foundation
import Testing

/// What a board reads must never mislead: carried-forward returns say so in their own row, counts say how many are
/// carried, the project's one rolled-up rating is the one shown, and work in progress and the PMO's notes stay out.
@Suite("What a board reads")
struct BoardReadingTests {
    static let programme = UUID()
    static let scale = RatingScale.threePoint

    static func period(_ key: String, _ status: PeriodStatus) -> PeriodInfo {
        let month = PeriodKey(key)!
        return PeriodInfo(
            id: UUID(), key: key, label: month.label, frequency: .monthly, asAt: month.lastDay,
            publishOn: nil, status: status)
    }

    static let maternity = ProjectInfo(
        id: UUID(), programmeID: programme, reference: "MAT001", title: "Maternity transformation",
        sro: "Karen Kirkham", lead: "Jane Brennan")
    static let children = ProjectInfo(
        id: UUID(), programmeID: programme, reference: "MAT002", title: "Children's services",
        sro: "Karen Kirkham", lead: "Jane Brennan")

    /// October 2016 with MAT001 updated and MAT002's September return carried forward.
    static func october(carried: ReturnInfo, status: PeriodStatus = .published) -> PeriodData {
        PeriodData(
            portfolio: PortfolioInfo(id: UUID(), name: "CDG Priorities", scale: scale),
            period: period("2016-10", status),
            programmes: [
                ProgrammeInfo(id: programme, name: "Maternity and Family Health", kind: .clinicalDeliveryGroup)
            ],
            projects: [maternity, children],
            returns: [
                maternity.id: ReturnInfo(
                    projectID: maternity.id, rating: "Green", update: "On track.", state: .approved),
                children.id: carried,
            ],
            previousPeriodKey: "2016-09", previousRatings: [maternity.id: green, children.id: green])
    }

    static let green = scale.level(for: "Green")!

    static let september = ReturnInfo(
        projectID: children.id, rating: "Green", update: "Project group met.",
        milestones: [MilestoneLine(title: "PID signed off", date: "Dec-16", rating: "Green")],
        state: .approved)

    @Test("A carried-forward return says 'Not updated since September 2016' in its own row of every table")
    func carriedForwardRowsSaySo() throws {
        // given MAT002's September return carried into October
        let report = PeriodReportBuilder.build(
            Self.october(carried: Publication.carriedForward(Self.september, reportedIn: "2016-09")))
        // when the dashboards are built
        let tables =
            [ProgrammeDashboard.summary(report), ProgrammeDashboard.detail(report), PrioritiesReport.summary(report)]
            + PrioritiesReport.monitoringReports(report)
        // then each table marks MAT002's row in words, and only MAT002's
        for table in tables {
            let marked = table.textRows.filter { $0.contains { $0.contains("Not updated since September 2016") } }
            #expect(marked.count == 1, "\(table.title)")
            #expect(marked.first?.contains { $0.hasPrefix("Children's services") } == true, "\(table.title)")
        }
        #expect(try #require(report.row(reference: "MAT002")).notUpdatedWords == "Not updated since September 2016")
        #expect(report.row(reference: "MAT001")?.notUpdatedWords == nil)
    }

    @Test("Counts say how many of each rating are carried forward")
    func countsSayHowManyCarried() {
        let report = PeriodReportBuilder.build(
            Self.october(carried: Publication.carriedForward(Self.september, reportedIn: "2016-09")))
        let green = report.counts.first { $0.label == "Green" }
        #expect(green?.count == 2)
        #expect(green?.notUpdated == 1)
        #expect(green?.words == "Green 2, of which 1 not updated")
        #expect(report.counts.first { $0.label == "Red" }?.words == "Red 0")
    }

    @Test("A return carried two periods running says how many")
    func carriedTwice() {
        // given MAT002 carried in October and again in November
        let october = Publication.carriedForward(Self.september, reportedIn: "2016-09")
        let november = Publication.carriedForward(october, reportedIn: "2016-10")
        var data = Self.october(carried: november)
        data.period = Self.period("2016-11", .published)
        // when the report is built, then the row counts the periods and still names September
        let row = PeriodReportBuilder.build(data).row(reference: "MAT002")
        #expect(row?.notUpdatedWords == "Not updated since September 2016 (carried forward 2 periods running)")
    }

    @Test("The board paper marks a carried-forward project before its text, and counts them in the summary")
    func paperMarksCarriedForward() {
        let report = PeriodReportBuilder.build(
            Self.october(carried: Publication.carriedForward(Self.september, reportedIn: "2016-09")))
        let meeting = Meeting(committee: "Governing Body", date: CalendarDate(year: 2016, month: 11, day: 16)!)
        let paper = GoverningBodyPaper.build(
            report: report, meeting: meeting, texts: PaperTextsFixture.minimal, prioritisations: [],
            funding: [], glossary: [])
        let text = paper.blocks.map { block -> String in
            switch block {
            case .paragraph(let text), .heading(_, let text): return text
            case .numbered(let paragraph): return paragraph.text
            case .table(let table): return table.textRows.flatMap { $0 }.joined(separator: "\n")
            case .pageBreak: return ""
            }
        }.joined(separator: "\n")
        #expect(
            text.contains(
                "Not updated since September 2016: no return this period; the text below is from the last return."))
        #expect(text.contains("1 of 2 not updated this period"))
    }

    @Test("A board reader is not shown a draft; its editor, its SRO and the PMO are")
    func draftsOnlyToThoseWhoMaySee() {
        // given an open October in which MAT002's lead has saved a draft
        let draft = ReturnInfo(
            projectID: Self.children.id, rating: "Red", update: "DRAFT: not yet agreed", state: .draft)
        let data = Self.october(carried: draft, status: .open)
        // when each reader's report is built
        func update(_ reader: Readership) -> String? {
            PeriodReportBuilder.build(data.withholdingReturnsInProgress(from: reader)).row(reference: "MAT002")?.update
        }
        // then only the board member does not see it
        #expect(update(.board) == "")
        #expect(update(.pmo) == "DRAFT: not yet agreed")
        #expect(update(Readership(isPMO: false, editableProgrammes: [Self.programme])) == "DRAFT: not yet agreed")
        #expect(update(Readership(isPMO: false, reviewedProjects: [Self.children.id])) == "DRAFT: not yet agreed")
        #expect(update(Readership(isPMO: false, reviewedProjects: [Self.maternity.id])) == "")
        // and a submitted return is shown to everyone, as provisional
        let submitted = Self.october(
            carried: ReturnInfo(
                projectID: Self.children.id, rating: "Amber", update: "Submitted.",
                state: .submitted), status: .open)
        let report = PeriodReportBuilder.build(submitted.withholdingReturnsInProgress(from: .board))
        #expect(report.row(reference: "MAT002")?.update == "Submitted.")
        #expect(report.isProvisional)
    }

    @Test("The PMO's findings are left out for board readers unless published with the period")
    func findingsOnlyWherePublished() throws {
        // given a return whose update repeats September's (a finding) and MAT002 carried forward (a fact)
        var data = Self.october(carried: Publication.carriedForward(Self.september, reportedIn: "2016-09"))
        data.previousReturns = [
            Self.maternity.id: ReturnInfo(projectID: Self.maternity.id, rating: "Green", update: "On track.")
        ]
        let report = PeriodReportBuilder.build(data)
        #expect(report.allFlags.contains { $0.flag.kind == .repeatedNarrative })
        // when a board member reads it, then the finding is gone and the carried-forward fact stays
        let board = report.shown(to: .board)
        #expect(!board.allFlags.contains { $0.flag.kind == .repeatedNarrative })
        #expect(board.allFlags.contains { $0.flag.kind == .notUpdated })
        #expect(board.row(reference: "MAT002")?.notUpdatedWords == "Not updated since September 2016")
        // and an editor still sees it, as does everyone once the PMO published the findings
        #expect(report.shown(to: Readership(isPMO: false, editableProgrammes: [Self.programme])) == report)
        var published = report.period
        published.findingsPublished = true
        #expect(
            report.with(period: published).shown(to: .board).allFlags.contains { $0.flag.kind == .repeatedNarrative })
    }

    @Test("July 2016: Communication and Engagement is shown with the rating it is counted under")
    func shownRatingIsCounted() throws {
        // given July 2016, where C&E's first milestone is Green and the project rolls up to Amber
        let june = PeriodReportBuilder.build(TransformationDashboard2016Fixture.june)
        var july = TransformationDashboard2016Fixture.july
        july.previousRatings = june.effectiveRatings
        let report = PeriodReportBuilder.build(july)
        let row = try #require(report.row(title: "Communication and Engagement"))
        #expect(row.effective?.label == "Amber")
        // when the summary table is built, then the project is shown as Amber: the rating its count and arrow use
        let shown = ProgrammeDashboard.shownRatings(ProgrammeDashboard.summary(report))
        #expect(shown[row.project.id.uuidString] == "Amber")
        let junePaper = ProgrammeDashboard.shownRatings(ProgrammeDashboard.summary(june))
        #expect(junePaper[row.project.id.uuidString] == "Red")
        #expect(row.trend.shown == .improved)
    }

    @Test(
        "Generated portfolios: counts, arrows and 'what changed' agree with the ratings shown",
        arguments: [2016, 7, 42] as [UInt64])
    func countsAgreeWithShownRatings(seed: UInt64) throws {
        let spec = SyntheticPortfolio(projects: 120, milestonesPerProject: 3, periods: 6, seed: seed)
        var previous: PeriodReport?
        for period in 0..<spec.periods {
            var data = SyntheticPeriods.data(spec, period: period)
            if let previous {
                data.previousPeriodKey = previous.period.key
                data.previousRatings = previous.effectiveRatings
            }
            let report = PeriodReportBuilder.build(data)
            let summary = ProgrammeDashboard.summary(report)
            let shown = ProgrammeDashboard.shownRatings(summary)
            let topLevel = report.allRows
            // every count is the tally of the ratings shown, and says how many of them are carried forward
            for count in report.counts {
                let tallied = topLevel.filter { (shown[$0.project.id.uuidString] ?? "") == (count.level?.label ?? "") }
                #expect(tallied.count == count.count, "\(count.label) in period \(period)")
                #expect(
                    tallied.filter { $0.notUpdatedWords != nil }.count == count.notUpdated,
                    "\(count.label) in period \(period)")
            }
            // every arrow agrees with the two periods' shown ratings
            if let previous {
                let before = ProgrammeDashboard.shownRatings(ProgrammeDashboard.summary(previous))
                for row in topLevel {
                    let id = row.project.id.uuidString
                    let expected = Trend.derive(
                        current: shown[id].flatMap { Self.scale.level(for: $0) },
                        previous: before[id].flatMap { Self.scale.level(for: $0) })
                    #expect(row.trend.shown == expected, "\(row.project.title) in period \(period)")
                }
                // and every "what changed" rating line names the two shown ratings
                for change in ChangesReport.compare(from: previous, to: report)
                where change.kind == .declined || change.kind == .improved {
                    let id = change.project.id.uuidString
                    #expect(change.detail.hasSuffix("\(before[id] ?? "") → \(shown[id] ?? "")"), "\(change.detail)")
                }
            }
            // a project reported better than its worst milestone is flagged
            for row in topLevel {
                if let reported = row.reportedRating?.level,
                    let worst = row.milestones.compactMap({ $0.rating?.level }).worst,
                    worst.rank > reported.rank
                {
                    #expect(row.flags.contains { $0.kind == .rollUpContradiction }, "\(row.project.title)")
                }
            }
            previous = report.with(
                period: {
                    var info = report.period; info.status = .published; return info
                }())
        }
    }
}

/// Periods of a generated portfolio built in memory, with the states a real cycle leaves: most returns approved, some
/// carried forward (once or several periods running), some reported better than their worst milestone.
enum SyntheticPeriods {
    static func data(_ spec: SyntheticPortfolio, period: Int) -> PeriodData {
        let programmes = (0..<spec.programmeCount).map {
            ProgrammeInfo(id: uuid(1, $0), name: spec.programmeName($0), kind: .programme)
        }
        var projects: [ProjectInfo] = []
        var returns: [UUID: ReturnInfo] = [:]
        for project in 0..<spec.projects {
            let id = uuid(2, project)
            projects.append(
                ProjectInfo(
                    id: id, programmeID: programmes[spec.programme(ofProject: project)].id,
                    reference: spec.reference(project), title: spec.title(project), sro: spec.sro(project)))
            // Carried forward for a spell in one project in eight: the values are those of the spell's first period.
            let spell = project % 8 == 0 && period > 0 ? min(period, 1 + project % 3) : 0
            let source = period - spell
            var milestones = (0..<spec.milestonesPerProject).map { spec.milestone(project, $0, period: source) }
            if project % 5 == 0 { milestones[0].rating = "Red" }
            var ret = ReturnInfo(
                projectID: id, rating: spec.rating(project, period: source),
                update: spec.update(project, period: source),
                milestones: milestones, state: .approved)
            if spell > 0 {
                ret.state = .carriedForward
                ret.carriedForward = CarriedForward(fromKey: spec.periodKey(source).key, periods: spell)
            }
            returns[id] = ret
        }
        let key = spec.periodKey(period)
        let info = PeriodInfo(
            id: uuid(3, period), key: key.key, label: key.label, frequency: .monthly, asAt: key.lastDay,
            publishOn: nil, status: .open)
        return PeriodData(
            portfolio: PortfolioInfo(id: uuid(4, 0), name: spec.name, scale: .threePoint), period: info,
            programmes: programmes, projects: projects, returns: returns)
    }

    static func uuid(_ kind: Int, _ index: Int) -> UUID {
        UUID(uuidString: String(format: "%08X-0000-4000-8000-%012X", kind, index))!
    }
}

enum PaperTextsFixture {
    static let minimal = PaperTexts(
        title: "PORTFOLIO DELIVERY UPDATE", author: "Kelly Spiller, PMO", sponsor: "Phil Richardson",
        purpose: "Update", recommendation: "Note the report.", stakeholderEngagement: "PMO",
        previousCommittees: "N/A", strategicPrinciples: ["Services closer to home"], checklist: [],
        initials: "KS", introduction: [], discussionItems: [], decisionItems: [], financeIntroduction: [],
        engagement: [], conclusion: ["Note the report."])
}

@Suite("A paper is one portfolio's")
struct PaperRulesTests {
    static let transformation = PortfolioInfo(id: UUID(), name: "Transformation Programme", scale: .threePoint)
    static let ics = PortfolioInfo(id: UUID(), name: "Our Dorset ICS", scale: .threePoint)
    static let july = PeriodInfo(
        id: UUID(), key: "2016-07", label: "July 2016", frequency: .monthly,
        asAt: CalendarDate(year: 2016, month: 7, day: 31)!, publishOn: nil, status: .published)
    static func meeting(_ committee: String, _ y: Int, _ m: Int, _ d: Int, _ portfolio: PortfolioInfo?) -> Meeting {
        Meeting(committee: committee, date: CalendarDate(year: y, month: m, day: d)!, portfolioID: portfolio?.id)
    }

    @Test("Never another portfolio's meeting, nor one outside the period's cycle, unless chosen")
    func meetingChoice() {
        // given the ICS's Governing Body of March 2018, and the Transformation Programme's meetings
        let meetings = [
            Self.meeting("Governing Body", 2018, 3, 21, Self.ics),
            Self.meeting("Governing Body", 2016, 7, 20, Self.transformation),
            Self.meeting("SLT", 2016, 8, 3, Self.transformation),
            Self.meeting("Governing Body", 2016, 9, 21, Self.transformation),
            Self.meeting("Governing Body", 2016, 8, 10, nil),
        ]
        // when July 2016's paper looks for a meeting, then it takes the first of its own in the cycle (31 Jul – 30 Sep)
        // that is a Governing Body, skipping the one before the as-at day and the unassigned one
        let found = PaperRules.meeting(meetings, chosen: nil, portfolio: Self.transformation, period: Self.july)
        #expect((try? found.get())?.date == CalendarDate(year: 2016, month: 9, day: 21))
        #expect(
            PaperRules.cycle(of: Self.july) == CalendarDate(year: 2016, month: 7, day: 31)!...CalendarDate(
                year: 2016, month: 9, day: 30)!)
        // and with only the other portfolio's meeting there is none, and the refusal says why
        let none = PaperRules.meeting([meetings[0]], chosen: nil, portfolio: Self.transformation, period: Self.july)
        guard case .failure(let refusal) = none else { Issue.record("a meeting was guessed"); return }
        #expect(refusal.reason.hasPrefix("No meeting of Transformation Programme falls in July 2016's reporting cycle"))
        // and choosing the other portfolio's meeting is refused; choosing its own out of the cycle is allowed
        #expect(
            (try? PaperRules.meeting(
                meetings, chosen: meetings[0].id, portfolio: Self.transformation, period: Self.july
            ).get()) == nil)
        #expect(
            (try? PaperRules.meeting(
                meetings, chosen: meetings[1].id, portfolio: Self.transformation, period: Self.july
            ).get())?.id
                == meetings[1].id)
    }

    @Test("Only the portfolio's own prioritisations and funding rounds go in its paper")
    func registersScoped() {
        let own = FundingRound(
            name: "Ours", envelopeLabel: "A", envelope: Money(pence: 100), allocations: [],
            portfolioID: Self.transformation.id)
        let other = FundingRound(
            name: "Theirs", envelopeLabel: "B", envelope: Money(pence: 100), allocations: [], portfolioID: Self.ics.id)
        let unassigned = FundingRound(
            name: "Nobody's", envelopeLabel: "C", envelope: Money(pence: 100), allocations: [])
        let scoped = PaperRules.registers(
            prioritisations: [], funding: [own, other, unassigned], portfolioID: Self.transformation.id)
        #expect(scoped.funding.map(\.name) == ["Ours"])
    }

    @Test("Empty cover-sheet fields print as to be completed and are listed for the PMO, never as blanks")
    func coverGaps() {
        var texts = PaperTextsFixture.minimal
        texts.author = " "
        texts.strategicPrinciples = []
        #expect(PaperRules.missingCoverFields(texts) == ["Author", "Strategic Principles"])
        let report = PeriodReportBuilder.build(BoardReadingTests.october(carried: BoardReadingTests.september))
        let paper = GoverningBodyPaper.build(
            report: report, meeting: Self.meeting("Governing Body", 2016, 11, 16, nil), texts: texts,
            prioritisations: [], funding: [], glossary: [])
        guard case .table(let cover) = paper.blocks[2] else { Issue.record("no cover sheet"); return }
        #expect(cover.textRows.contains(["Author", PaperRules.toBeCompleted]))
        #expect(
            paper.blocks.contains(
                .paragraph("This report links to the following Strategic Principles: \(PaperRules.toBeCompleted).")))
    }
}
