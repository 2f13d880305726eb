import Foundation

/// An honest test of the slip forecast: fitted on the periods up to t, it forecasts the milestones open at t, and is
/// scored on what period t+1 reported; then t moves on one. Scored beside two baselines: the base rate (every
/// milestone gets the share that slipped so far) and "slipped before" (the share among milestones that had, or had
/// not, moved before).
public enum SlipBacktest {
    public struct Score: Sendable, Hashable {
        public let name: String
        /// Mean squared error of the chances: 0 is perfect, the base rate's is the bar to beat.
        public let brier: Double
        /// The chance that a milestone that slipped was given a higher chance than one that did not (0.5 is guessing).
        public let auc: Double
    }

    public struct Result: Sendable, Hashable {
        public let periodsForecast: Int
        public let forecasts: Int
        public let slipRate: Double
        public let scores: [Score]
    }

    /// Rolls forward from the `warmUp`-th period (the ones before it only train).
    public static func run(_ history: [PeriodMilestones], warmUp: Int = 3) -> Result {
        let examples = SlipForecast.examples(history)
        var predictions: [(model: Double, base: Double, before: Double, slipped: Bool)] = []
        var periods = 0
        for t in warmUp..<max(warmUp, examples.count - 1) {
            let training = examples[0..<t].flatMap { $0 }.filter { $0.slipped != nil }
            let test = examples[t].filter { $0.slipped != nil }
            guard !training.isEmpty, !test.isEmpty else { continue }
            periods += 1
            let model = SlipForecast.Model(fitting: training)
            let rate = { (subset: [SlipForecast.Example]) in
                (Double(subset.filter { $0.slipped == true }.count) + 1) / (Double(subset.count) + 2)
            }
            let base = rate(training)
            let movedRate = rate(training.filter { $0.facts.movedBefore > 0 })
            let steadyRate = rate(training.filter { $0.facts.movedBefore == 0 })
            for example in test {
                predictions.append(
                    (
                        model.chance(example.facts), base, example.facts.movedBefore > 0 ? movedRate : steadyRate,
                        example.slipped!
                    ))
            }
        }
        let outcomes = predictions.map(\.slipped)
        return Result(
            periodsForecast: periods, forecasts: predictions.count,
            slipRate: outcomes.isEmpty ? 0 : Double(outcomes.filter { $0 }.count) / Double(outcomes.count),
            scores: [
                score("slip forecast", predictions.map(\.model), outcomes),
                score("base rate", predictions.map(\.base), outcomes),
                score("slipped before", predictions.map(\.before), outcomes),
            ])
    }

    static func score(_ name: String, _ chances: [Double], _ outcomes: [Bool]) -> Score {
        guard !chances.isEmpty else { return Score(name: name, brier: .nan, auc: .nan) }
        let brier =
            zip(chances, outcomes).map { ($0 - ($1 ? 1 : 0)) * ($0 - ($1 ? 1 : 0)) }.reduce(0, +)
            / Double(chances.count)
        return Score(name: name, brier: brier, auc: auc(chances, outcomes))
    }

    /// The area under the ROC curve by ranks (ties share their mean rank): Mann–Whitney's U over the pairs.
    static func auc(_ chances: [Double], _ outcomes: [Bool]) -> Double {
        let positives = outcomes.filter { $0 }.count
        let negatives = outcomes.count - positives
        guard positives > 0, negatives > 0 else { return .nan }
        let order = chances.indices.sorted { chances[$0] < chances[$1] }
        var ranks = [Double](repeating: 0, count: chances.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && chances[order[j + 1]] == chances[order[i]] { j += 1 }
            let mean = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = mean }
            i = j + 1
        }
        let positiveRanks = outcomes.indices.filter { outcomes[$0] }.map { ranks[$0] }.reduce(0, +)
        return (positiveRanks - Double(positives * (positives + 1)) / 2) / Double(positives * negatives)
    }
}
