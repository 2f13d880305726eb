import AssureCore
import Foundation
import Testing

/// The forecast a publication keeps: for the open milestones of the period just published, fitted on the periods
/// before it.
@Suite("The slip forecast kept at each publication")
struct SlipForecastLatestTests {
    @Test(
        "Given a history with its causes hidden, the latest period's forecasts rank the milestones that then slip higher"
    )
    func ranksWhatSlips() throws {
        // given 13 simulated months, the 13th held back as what happened next
        let history = SlipSimulation(programmes: 8, projectsPerProgramme: 8, periods: 13, seed: 21).history()
        let known = Array(history.dropLast())

        // when the forecast is made at the 12th month, as its publication would make it
        let forecasts = try #require(SlipForecast.latest(known))

        // then there is one forecast for each milestone open at the 12th month, and none for the others
        let last = try #require(known.last)
        let open = last.milestones.filter { !$0.complete && $0.due >= last.asAt }
        #expect(forecasts.count == open.count)
        #expect(Set(forecasts.map(\.milestone.key)) == Set(open.map(\.key)))
        // and each says its chance in words, a percentage between 0 and 100
        for forecast in forecasts {
            #expect(forecast.chance > 0 && forecast.chance < 1)
            #expect(forecast.words.hasPrefix(forecast.chance >= 0.5 ? "Likely to slip (" : "Chance of slipping ("))
        }
        // and those that went on to slip in the 13th month were given higher chances, on average, than the others
        let next = try #require(history.last)
        let byKey = Dictionary(next.milestones.map { ($0.key, $0) }) { first, _ in first }
        var slipped: [Double] = []
        var held: [Double] = []
        for forecast in forecasts {
            guard let then = byKey[forecast.milestone.key] else { continue }
            let moved = then.due != forecast.milestone.due || (forecast.milestone.due < next.asAt && !then.complete)
            if moved { slipped.append(forecast.chance) } else { held.append(forecast.chance) }
        }
        #expect(slipped.count >= 10 && held.count >= 10)
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        #expect(mean(slipped) > mean(held) + 0.05)
    }

    @Test("Given two months of history, nothing is forecast: too little has been learnt to show a chance")
    func tooLittleHistory() {
        let history = SlipSimulation(programmes: 2, projectsPerProgramme: 3, periods: 2, seed: 4).history()
        #expect(SlipForecast.latest(history) == nil)
        #expect(SlipForecast.latest([]) == nil)
    }
}
