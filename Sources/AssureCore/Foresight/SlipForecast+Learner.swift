import Foundation

extension SlipForecast {
    /// The forecast learnt one period at a time, oldest first, holding only what the next period needs: the tallies of
    /// moves so far, the latest period's examples (labelled once the next period is known) and the `window` latest
    /// labelled examples. A year of a 100,000-project portfolio is 3.6 million milestones; held all at once it needed
    /// gigabytes, folded like this it needs two periods' worth.
    public struct Learner: Sendable {
        private var moves: [MilestoneObservation.Key: Int] = [:]  // milestone key → times moved so far
        private var projectMoves: [UUID: Int] = [:]
        private var programme: [String: (slipped: Int, seen: Int)] = [:]
        /// The latest period's open milestones with their facts, not yet labelled.
        public private(set) var open: [Example] = []
        /// The latest labelled examples, oldest first: at most twice `window` between trims.
        private var recent: [Example] = []
        /// Every labelled example so far, kept or not.
        public private(set) var learntCount = 0
        /// How many of the latest labelled examples the fit uses.
        public let window: Int

        public init(window: Int = mostLearnt) { self.window = window }

        /// Adds the next period. Returns the previous period's examples, now labelled with what became of them.
        @discardableResult
        public mutating func add(_ period: PeriodMilestones) -> [Example] {
            let byKey = Dictionary(period.milestones.map { ($0.key, $0) }) { first, _ in first }
            // What the previous period's transitions teach, known now: tallied before this period's examples are made,
            // so that no example sees its own outcome.
            let labelled = open.map { example in
                Example(
                    milestone: example.milestone, facts: example.facts,
                    slipped: example.milestone.slipped(in: period, byKey: byKey))
            }
            for example in labelled {
                guard let slipped = example.slipped else { continue }
                var tally = programme[example.milestone.programme] ?? (0, 0)
                tally.seen += 1
                if slipped { tally.slipped += 1 }
                programme[example.milestone.programme] = tally
                if let then = byKey[example.milestone.key], then.due != example.milestone.due {
                    moves[example.milestone.key, default: 0] += 1
                    projectMoves[example.milestone.projectID, default: 0] += 1
                }
                learntCount += 1
                recent.append(example)
            }
            if recent.count > 2 * window { recent.removeFirst(recent.count - window) }
            open = period.milestones.filter { !$0.complete && $0.due >= period.asAt }.map { milestone in
                let tally = programme[milestone.programme] ?? (0, 0)
                let movedBefore = moves[milestone.key] ?? 0
                return Example(
                    milestone: milestone,
                    facts: Facts(
                        movedBefore: movedBefore,
                        projectMoves: (projectMoves[milestone.projectID] ?? 0) - movedBefore,
                        programmeRate: (Double(tally.slipped) + 1) / (Double(tally.seen) + 4),
                        daysLeft: period.asAt.days(until: milestone.due), severity: milestone.severity,
                        updateRepeated: milestone.updateRepeated, precision: milestone.precision),
                    slipped: nil)
            }
            return labelled
        }

        /// The forecasts for the latest period's open milestones, fitted on the `window` latest labelled examples;
        /// nil while fewer than `fewestLearnt` outcomes are known.
        public func forecasts() -> [Forecast]? {
            guard learntCount >= fewestLearnt else { return nil }
            let model = Model(fitting: Array(recent.suffix(window)))
            return open.map { forecast($0, model: model) }
        }
    }
}
