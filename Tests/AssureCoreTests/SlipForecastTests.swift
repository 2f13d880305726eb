import AssureCore
import Foundation
import Testing

/// Milestones likely to slip (issue 21): learnt from the portfolio's own history, tested by rolling forward (fit on
/// the periods up to t, forecast t's open milestones, score them on t+1), and explained in words.
@Suite("The slip forecast")
struct SlipForecastTests {
    static let project = ProjectInfo(id: UUID(), programmeID: UUID(), reference: "P1", title: "Shared care record")

    static func period(_ month: Int, _ milestones: [(String, CalendarDate, Bool)]) -> PeriodMilestones {
        let asAt = CalendarDate.lastDay(year: 2017, month: month)!
        return PeriodMilestones(
            key: String(format: "2017-%02d", month), asAt: asAt,
            milestones: milestones.map { title, due, complete in
                MilestoneObservation(
                    projectID: project.id, programme: "Digital", title: title, due: due, precision: .day,
                    rating: "Amber", severity: 0.5, complete: complete, updateRepeated: false)
            })
    }

    static func day(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2017, month: month, day: day)! }

    @Test("A milestone slipped when its date moves, or its date passes and it is not complete; not when delivered")
    func outcomes() throws {
        // given three milestones in January: one that moves, one that passes unmet, one delivered
        let history = [
            Self.period(
                1,
                [
                    ("Moves", Self.day(3, 31), false), ("Missed", Self.day(2, 15), false),
                    ("Met", Self.day(2, 10), false),
                ]),
            Self.period(
                2,
                [("Moves", Self.day(5, 31), false), ("Missed", Self.day(2, 15), false), ("Met", Self.day(2, 10), true)]),
        ]
        // when the forecast's examples are made
        let january = try #require(SlipForecast.examples(history).first)
        let outcome = Dictionary(uniqueKeysWithValues: january.map { ($0.milestone.title, $0.slipped) })
        // then each is what happened by February
        #expect(outcome == ["Moves": true, "Missed": true, "Met": false])
        // and February's, whose next period is not yet known, have none
        #expect(SlipForecast.examples(history)[1].allSatisfy { $0.slipped == nil })
    }

    @Test("A period's facts come from it and the periods before: adding later periods changes none of them")
    func noLookAhead() {
        let history = SlipSimulation(programmes: 4, projectsPerProgramme: 5, periods: 12, seed: 9).history()
        let whole = SlipForecast.examples(history)
        for t in 0..<history.count {
            let upToT = SlipForecast.examples(Array(history.prefix(t + 1)))
            #expect(upToT[t].map(\.facts) == whole[t].map(\.facts), "period \(t)")
        }
    }

    @Test(
        "Rolled forward over a simulated history, it beats the base rate and 'slipped before' on Brier score and AUC",
        arguments: [2016, 42] as [UInt64])
    func backtest(seed: UInt64) {
        // given two years of a portfolio whose slips have causes the forecast never sees
        let history = SlipSimulation(
            programmes: 8, projectsPerProgramme: 8, milestonesPerProject: 4, periods: 20, seed: seed
        ).history()
        // when it is fitted on the months up to each month and scored on the next
        let result = SlipBacktest.run(history)
        let score = Dictionary(uniqueKeysWithValues: result.scores.map { ($0.name, $0) })
        let model = score["slip forecast"]!, base = score["base rate"]!, before = score["slipped before"]!
        // then it forecast most months and is better than both baselines on both measures
        #expect(result.periodsForecast >= 15 && result.forecasts > 1000)
        #expect(model.brier < before.brier && before.brier < base.brier, "\(result.scores)")
        #expect(model.auc > before.auc && model.auc > 0.75, "\(result.scores)")
    }

    @Test("A forecast says why: the moves before, the days left, the update repeated")
    func words() throws {
        // given a history in which a stuck project's milestone keeps moving
        let history = SlipSimulation(programmes: 4, projectsPerProgramme: 6, periods: 16, seed: 3).history()
        let examples = SlipForecast.examples(history)
        let model = SlipForecast.Model(fitting: examples.dropLast().flatMap { $0 })
        // when the latest period's milestones are forecast
        let forecasts = examples.last!.map { SlipForecast.forecast($0, model: model) }
        // then one that moved before says how often, with its chance, highest first
        let moved = try #require(
            forecasts.filter { $0.facts.movedBefore >= 2 }.max { $0.chance < $1.chance })
        #expect(moved.words.contains("moved \(moved.facts.movedBefore) times"), "\(moved.words)")
        #expect(moved.words.hasPrefix(moved.chance >= 0.5 ? "Likely to slip (" : "Chance of slipping ("))
        // and a milestone that never moved is given less on average than those that did
        let mean = { (set: [SlipForecast.Forecast]) in set.map(\.chance).reduce(0, +) / Double(max(set.count, 1)) }
        #expect(
            mean(forecasts.filter { $0.facts.movedBefore == 0 }) < mean(forecasts.filter { $0.facts.movedBefore > 0 }))
    }
}
