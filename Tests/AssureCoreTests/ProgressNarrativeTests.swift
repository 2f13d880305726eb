import AssureCore
import AssureDemo
import Foundation
import Testing

/// The "Portfolio progress" section drafted from the data (issue 21): every sentence names the projects it came from,
/// says only what is true of the two periods, and leaves no change unsaid.
@Suite("The progress narrative drafted from a period")
struct ProgressNarrativeTests {
    static func draft(_ old: PeriodReport, _ new: PeriodReport) -> ProgressNarrative {
        ProgressNarrative(new, changes: ChangesReport.Comparison(from: old, to: new))
    }

    @Test("June → July 2016 (seed 004): two declines and any mitigation given, four improvements, the milestones moved")
    func juneToJuly() throws {
        // given the Transformation Programme's June and July 2016 dashboards
        let june = PeriodReportBuilder.build(TransformationDashboard2016Fixture.june)
        let july = PeriodReportBuilder.build(TransformationDashboard2016Fixture.july)
        // when July's progress is drafted
        let narrative = Self.draft(june, july)
        let text = narrative.paragraphs.flatMap(\.sentences).map(\.text)
        // then the declines are said once each, to the rating they reached, from the one before
        let declines = narrative.paragraphs.flatMap(\.sentences).filter { $0.topic == .declined }
        #expect(
            Set(declines.flatMap(\.sources).map(\.title)) == [
                "Mental Health Acute Care Pathway", "NHSE Stage II assurance and Investment Committee",
            ])
        #expect(declines.flatMap(\.sources).count == 2)
        // and each decline's mitigation, where its return gives one, is quoted after it
        for project in declines.flatMap(\.sources) {
            let mitigation = try #require(july.allRows.first { $0.project.id == project.id }).mitigation
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(
                text.contains("Mitigation for \(project.title): \(mitigation)") == !mitigation.isEmpty,
                "\(project.title)")
        }
        // and the improvements, PCBC among them, from Amber to Green
        let improved = narrative.paragraphs.flatMap(\.sentences).filter { $0.topic == .improved }
        #expect(improved.flatMap(\.sources).count == 4)
        #expect(text.contains { $0.contains("improved to Green") && $0.contains("PCBC (from Amber)") })
        // and the milestone moved two weeks later, by name and by days
        #expect(text.contains { $0.contains("“Stage 3: Modelling”") && $0.contains("14 days later") })
        // and in the paper's words: a project reaching Complete completed; a decline named with where it came from
        #expect(text.contains("One project completed: CWGs (from Green)."))
        let assurance = try #require(narrative.paragraphs.first { $0.programme == "Assurance" })
        #expect(
            assurance.sentences.first?.text
                == "One project declined to Red: NHSE Stage II assurance and Investment Committee (from Amber).")
        // and a paragraph for each programme of July, in the paper's order
        #expect(narrative.paragraphs.map(\.programme) == july.programmes.map(\.programme.name))
        #expect(narrative.from.key == "2016-06" && narrative.to.key == "2016-07")
    }

    @Test("A milestone moved more than once says how many times; moved once, it does not")
    func timesMoved() throws {
        let june = PeriodReportBuilder.build(TransformationDashboard2016Fixture.june)
        let july = PeriodReportBuilder.build(TransformationDashboard2016Fixture.july)
        let comparison = ChangesReport.Comparison(from: june, to: july)
        let move = try #require(comparison.changes.first { $0.kind == .milestoneMoved })
        let ref = ProgressNarrative.MilestoneRef(projectID: move.project.id, title: try #require(move.milestone))
        func item(_ times: Int) throws -> String {
            let narrative = ProgressNarrative(july, changes: comparison, timesMoved: [ref: times])
            return try #require(
                narrative.paragraphs.flatMap(\.sentences).first { $0.topic == .milestoneMoved }?.items.first)
        }
        let (thrice, once) = (try item(3), try item(1))
        #expect(once.hasPrefix("“\(ref.title)” (\(move.project.title)) ") && !once.contains("(moved"), "\(once)")
        #expect(thrice == once + " (moved 3 times)", "\(thrice)")
    }

    @Test("September → October 2016 (seed 000's CDG priorities): each programme's paragraph, sentences in words")
    func septemberToOctober() throws {
        let portfolio = try #require(
            Demo.portfolios.first { $0.periodData("2016-09") != nil && $0.periodData("2016-10") != nil })
        let september = PeriodReportBuilder.build(try #require(portfolio.periodData("2016-09")))
        let october = PeriodReportBuilder.build(try #require(portfolio.periodData("2016-10")))
        let narrative = Self.draft(september, october)
        let changes = ChangesReport.compare(from: september, to: october)
        // then every rating change of the comparison is in a sentence of its programme's paragraph
        for change in changes where change.kind == .declined || change.kind == .improved {
            let paragraph = try #require(narrative.paragraphs.first { $0.programme == change.programme })
            #expect(
                paragraph.sentences.contains {
                    $0.sources.contains(change.project) && $0.text.contains("\(change.project.title) (from ")
                }, "\(change.project.title)")
        }
        // and each sentence is a sentence: a capital first, a full stop last
        for sentence in narrative.paragraphs.flatMap(\.sentences) where sentence.topic != .mitigation {
            #expect(sentence.text.first?.isUppercase == true && sentence.text.hasSuffix("."), "\(sentence.text)")
        }
    }

    @Test(
        "Generated portfolios: every change said exactly once, and every name, number and rating in a sentence true",
        arguments: [2016, 7, 42] as [UInt64])
    func generated(seed: UInt64) throws {
        let spec = SyntheticPortfolio(projects: 120, milestonesPerProject: 3, periods: 5, seed: seed)
        var previous: PeriodReport?
        for period in 0..<spec.periods {
            var data = SyntheticPeriods.data(spec, period: period)
            if let previous {
                data.previousPeriodKey = previous.period.key
                data.previousRatings = previous.effectiveRatings
            }
            let report = PeriodReportBuilder.build(data)
            defer { previous = report }
            guard let previous else { continue }
            // when the period's progress is drafted
            let comparison = ChangesReport.Comparison(from: previous, to: report)
            let narrative = ProgressNarrative(report, changes: comparison)
            let sentences = narrative.paragraphs.flatMap { paragraph in
                paragraph.sentences.map { (paragraph.programme, $0) }
            }
            // then each decline, improvement, milestone move, addition and closure is said once, in its programme
            for (kind, topic) in [
                (ChangesReport.Change.Kind.declined, ProgressNarrative.Topic.declined), (.improved, .improved),
                (.milestoneMoved, .milestoneMoved), (.added, .added), (.closed, .closed),
            ] {
                let expected = comparison.changes.filter { $0.kind == kind }
                    .map { "\($0.programme)|\($0.project.id)|\($0.milestone ?? "")" }.sorted()
                let said = sentences.filter { $0.1.topic == topic }.flatMap { programme, sentence in
                    zip(sentence.sources, sentence.items).map { project, item in
                        "\(programme)|\(project.id)|\(Self.milestone(in: item) ?? "")"
                    }
                }.sorted()
                #expect(said == expected, "\(kind) in period \(period)")
            }
            for (_, sentence) in sentences {
                let items = sentence.items
                if [.declined, .improved, .milestoneMoved, .added, .closed, .carriedForward, .exceptions].contains(
                    sentence.topic)
                {
                    // and the number it starts with is the number of things it lists, each named for its source
                    #expect(Self.leadingNumber(sentence.text) == sentence.sources.count, "\(sentence.text)")
                    #expect(items.count == sentence.sources.count, "\(sentence.text)")
                    #expect(items.allSatisfy(sentence.text.contains), "the items are what the sentence says")
                    for (project, item) in zip(sentence.sources, items) {
                        #expect(item.contains(project.title), "\(item) names \(project.title)")
                    }
                }
                if sentence.topic == .declined || sentence.topic == .improved {
                    // and the rating it names is each source's rating now, and "from" each one's rating before
                    for (project, item) in zip(sentence.sources, items) {
                        let now = try #require(report.allRows.first { $0.project.id == project.id })
                        let rating = now.effective?.label ?? "not rated"
                        #expect(
                            sentence.text.contains("to \(rating):")
                                || (rating.hasPrefix("Complete") && sentence.text.contains(" completed:")))
                        let before = previous.allRows.first { $0.project.id == project.id }
                        #expect(item.hasSuffix("(from \(before?.effective?.label ?? "not rated"))"), "\(item)")
                    }
                }
                if sentence.topic == .carriedForward {
                    for project in sentence.sources {
                        #expect(report.allRows.first { $0.project.id == project.id }?.notUpdatedWords != nil)
                    }
                }
            }
            // and every carried-forward return is said, and a programme with nothing to say says so
            let carried = report.allRows.filter { $0.notUpdatedWords != nil }.map(\.project.id)
            #expect(
                Set(sentences.filter { $0.1.topic == .carriedForward }.flatMap(\.1.sources).map(\.id)) == Set(carried))
            for paragraph in narrative.paragraphs {
                #expect(!paragraph.sentences.isEmpty)
            }
        }
    }

    static func milestone(in item: String) -> String? {
        item.firstMatch(of: #/“([^”]*)”/#).map { String($0.1) }
    }

    static func leadingNumber(_ text: String) -> Int? {
        let words = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]
        let first = String(text.prefix { $0 != " " })
        return words.firstIndex(of: first) ?? Int(first)
    }
}
