import AssureCore
import Testing

/// A refit learns one period at a time and keeps only a window of the latest outcomes, so that a year of a national
/// portfolio is never held at once: what it fits must be what a fit over the whole history's latest outcomes gives.
@Suite("The slip forecast learnt one period at a time")
struct SlipLearnerTests {
    @Test("Given 18 months with more outcomes than the window, the learner fits exactly the window's latest outcomes")
    func windowed() throws {
        // given a history teaching about 4,000 outcomes, and a learner keeping the latest 500
        let history = SlipSimulation(
            programmes: 4, projectsPerProgramme: 8, milestonesPerProject: 4, periods: 18, seed: 5
        )
        .history()
        var learner = SlipForecast.Learner(window: 500)

        // when the months are added one at a time, oldest first
        var labelledByMonth: [[SlipForecast.Example]] = []
        for month in history { labelledByMonth.append(learner.add(month)) }

        // then each month's outcomes came back when the month after was added, as the whole history labels them
        let whole = SlipForecast.examples(history)
        #expect(Array(labelledByMonth.dropFirst()) == Array(whole.dropLast()))
        #expect(learner.open == whole.last)
        let outcomes = whole.dropLast().joined().filter { $0.slipped != nil }
        #expect(learner.learntCount == outcomes.count && outcomes.count > 2 * 500)

        // and its forecasts are those of a model fitted on the latest 500 outcomes alone
        let forecasts = try #require(learner.forecasts())
        let model = SlipForecast.Model(fitting: Array(outcomes.suffix(500)))
        #expect(forecasts == whole.last!.map { SlipForecast.forecast($0, model: model) })
        // and not those of a model fitted on all of them: the window is what bounds a refit's memory
        let unbounded = SlipForecast.Model(fitting: Array(outcomes))
        #expect(forecasts.map(\.chance) != whole.last!.map { SlipForecast.forecast($0, model: unbounded).chance })
    }

    @Test("Given fewer outcomes than a forecast needs, the learner forecasts nothing")
    func tooFew() {
        var learner = SlipForecast.Learner()
        #expect(learner.forecasts() == nil)
        for month in SlipSimulation(programmes: 1, projectsPerProgramme: 3, periods: 3, seed: 2).history() {
            learner.add(month)
        }
        #expect(learner.learntCount < SlipForecast.fewestLearnt)
        #expect(learner.forecasts() == nil)
    }
}
