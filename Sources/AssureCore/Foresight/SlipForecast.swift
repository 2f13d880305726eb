import Foundation

/// The chance that an open milestone's date moves, or that it passes unmet, before the next period: a logistic
/// regression over a few facts the PMO can check, learnt from the portfolio's own history and refitted as periods are
/// published. It never changes a rating; it says why it thinks what it thinks.
public enum SlipForecast {
    /// The facts one forecast rests on, as of its period: nothing later is known.
    public struct Facts: Sendable, Hashable {
        /// Times this milestone's date moved in earlier periods.
        public let movedBefore: Int
        /// Times the project's other milestones moved in earlier periods.
        public let projectMoves: Int
        /// The share of the programme's milestones that slipped from one period to the next, so far (smoothed).
        public let programmeRate: Double
        public let daysLeft: Int
        /// 0 for the scale's best rating, 1 for its worst; nil unrated.
        public let severity: Double?
        public let updateRepeated: Bool
        public let precision: DatePrecision

        /// The model's inputs: each a number near 0…1, so that one learning rate suits them all.
        var inputs: [Double] {
            [
                1,
                log1p(Double(movedBefore)),
                log1p(Double(projectMoves)),
                programmeRate,
                Double(min(max(daysLeft, 0), 365)) / 365,
                daysLeft <= 45 ? 1 : 0,
                severity ?? 0.5,
                updateRepeated ? 1 : 0,
                precision == .day ? 0 : 1,
            ]
        }
        static let names = [
            "base", "moved before", "project's other moves", "programme's slip rate", "days left",
            "due within 45 days", "rating", "same update", "date not to the day",
        ]
    }

    public struct Example: Sendable, Hashable {
        public let milestone: MilestoneObservation
        public let facts: Facts
        /// Whether it slipped by the next period; nil for the latest period, whose next is not yet known.
        public let slipped: Bool?
    }

    /// Every open milestone of every period with its facts (from that period and those before) and, where the next
    /// period is known, what happened. Periods in order, oldest first.
    public static func examples(_ history: [PeriodMilestones]) -> [[Example]] {
        var learner = Learner()
        var result: [[Example]] = []
        for (index, period) in history.enumerated() {
            let labelled = learner.add(period)
            if index > 0 { result.append(labelled) }
        }
        if !history.isEmpty { result.append(learner.open) }
        return result
    }

    /// A fitted model: one weight per input.
    public struct Model: Sendable, Hashable {
        public let weights: [Double]

        /// Fitted by gradient descent on the log-loss with a little L2 (not on the base weight): small, stable and the
        /// same every time for the same examples.
        public init(fitting examples: [Example], iterations: Int = 300, rate: Double = 0.8, l2: Double = 0.001) {
            // The inputs in one flat array, and plain loops over it: the fit runs in debug builds (tests) too.
            let labelled = examples.filter { $0.slipped != nil }
            let width = Facts.names.count
            var weights = [Double](repeating: 0, count: width)
            guard !labelled.isEmpty else {
                self.weights = weights
                return
            }
            let inputs = labelled.flatMap(\.facts.inputs)
            let outcomes = labelled.map { $0.slipped! ? 1.0 : 0.0 }
            let n = Double(labelled.count)
            var gradient = [Double](repeating: 0, count: width)
            for _ in 0..<iterations {
                for i in 0..<width { gradient[i] = 0 }
                inputs.withUnsafeBufferPointer { x in
                    for row in 0..<labelled.count {
                        let base = row * width
                        var z = 0.0
                        for i in 0..<width { z += weights[i] * x[base + i] }
                        let error = 1 / (1 + exp(-z)) - outcomes[row]
                        for i in 0..<width { gradient[i] += error * x[base + i] }
                    }
                }
                for i in 0..<width { weights[i] -= rate * (gradient[i] / n + (i == 0 ? 0 : l2 * weights[i])) }
            }
            self.weights = weights
        }

        public func chance(_ facts: Facts) -> Double {
            Self.logistic(zip(weights, facts.inputs).reduce(0) { $0 + $1.0 * $1.1 })
        }

        static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
    }

    /// A forecast in words: "Likely to slip (72%): moved 3 times, 9 days left, same update as last month".
    public struct Forecast: Sendable, Hashable {
        public let milestone: MilestoneObservation
        public let facts: Facts
        public let chance: Double
        public let reasons: [String]

        public var words: String {
            let percent = Int((chance * 100).rounded())
            let lead = chance >= 0.5 ? "Likely to slip" : "Chance of slipping"
            return reasons.isEmpty
                ? "\(lead) (\(percent)%)" : "\(lead) (\(percent)%): " + reasons.joined(separator: ", ")
        }
    }

    /// The forecast for an example, with the facts that raised its chance most, in words.
    public static func forecast(_ example: Example, model: Model) -> Forecast {
        let facts = example.facts
        let inputs = facts.inputs
        let contributions = inputs.indices.dropFirst().map { ($0, model.weights[$0] * inputs[$0]) }
            .filter { $0.1 > 0.05 }.sorted { $0.1 > $1.1 }
        let reasons = contributions.prefix(3).compactMap { index, _ -> String? in
            switch index {
            case 1: facts.movedBefore == 1 ? "moved once before" : "moved \(facts.movedBefore) times"
            case 2: "the project's other milestones moved \(facts.projectMoves) times"
            case 3: "its programme slips \(Int((facts.programmeRate * 100).rounded()))% of milestones"
            case 4, 5: "\(facts.daysLeft) days left"
            case 6: example.milestone.rating.map { "rated \($0)" }
            case 7: "same update as last month"
            case 8: "dated to the \(facts.precision.rawValue.replacingOccurrences(of: "-", with: " "))"
            default: nil
            }
        }
        return Forecast(
            milestone: example.milestone, facts: facts, chance: model.chance(facts), reasons: Array(reasons))
    }
}
