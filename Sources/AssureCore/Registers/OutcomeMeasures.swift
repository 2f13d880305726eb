import Foundation

public enum OutcomeDirection: String, Codable, CaseIterable, Sendable {
    case higherIsBetter = "higher-is-better", lowerIsBetter = "lower-is-better"
}

/// An outcome a programme is measured by: where it started, where it must get to by when, the expected path per
/// period (trajectory), and what was achieved (actuals).
public struct OutcomeMeasure: Codable, Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var programme: String
    public var unit: String
    public var direction: OutcomeDirection
    public var baseline: Double?
    public var target: Double
    public var targetDate: CalendarDate
    /// Period ("2017-06") → value.
    public var trajectory: [String: Double]
    public var actuals: [String: Double]
    /// True when the actuals are illustrative (demo data), so every page says so.
    public var actualsAreIllustrative: Bool
    public var version: Int

    public init(
        id: UUID = UUID.random(), name: String, programme: String, unit: String, direction: OutcomeDirection,
        baseline: Double?,
        target: Double, targetDate: CalendarDate, trajectory: [String: Double] = [:], actuals: [String: Double] = [:],
        actualsAreIllustrative: Bool = false, version: Int = 1
    ) {
        self.id = id
        self.name = name
        self.programme = programme
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.target = target
        self.targetDate = targetDate
        self.trajectory = trajectory
        self.actuals = actuals
        self.actualsAreIllustrative = actualsAreIllustrative
        self.version = version
    }

    /// Every period with a trajectory or an actual, in order.
    public var periods: [String] { Set(trajectory.keys).union(actuals.keys).sorted() }
    public var latestActual: (period: String, value: Double)? { actuals.keys.max().map { ($0, actuals[$0]!) } }

    /// Against the trajectory for the same period: on or better than it is Green; worse by up to 5% of it is Amber;
    /// further off is Red. No actual or no trajectory for the period: no rating.
    public func rating(_ period: String) -> String? {
        guard let actual = actuals[period], let expected = trajectory[period] else { return nil }
        let shortfall = direction == .lowerIsBetter ? actual - expected : expected - actual
        if shortfall <= 0 { return "Green" }
        return shortfall <= abs(expected) * 0.05 ? "Amber" : "Red"
    }

    public var latestRating: String? { latestActual.flatMap { rating($0.period) } }

    public static func format(_ value: Double) -> String { TableCell.number((value * 100).rounded() / 100).text }

    /// Field → message for a measure as typed.
    public static func validate(
        name: String, unit: String, baseline: String, target: String, targetDate: String
    ) -> [String: String] {
        var errors: [String: String] = [:]
        if name.trimmingCharacters(in: .whitespaces).isEmpty { errors["name"] = "Name the measure." }
        if unit.trimmingCharacters(in: .whitespaces).isEmpty { errors["unit"] = "Give the unit (days, %, people)." }
        if !baseline.isEmpty, CellValues.number(.text(baseline)) == nil {
            errors["baseline"] = "“\(baseline)” is not a number."
        }
        if CellValues.number(.text(target)) == nil { errors["target"] = "“\(target)” is not a number." }
        if CalendarDate(iso: targetDate) == nil { errors["targetDate"] = "Give the target date as a date." }
        return errors
    }
}

public enum OutcomesReport {
    public static func table(_ measures: [OutcomeMeasure]) -> ReportTable {
        ReportTable(
            title: "Outcome measures",
            columns: [
                "Programme", "Measure", "Unit", "Better", "Baseline", "Target", "By", "Latest actual",
                "Trajectory then", "Rating",
            ],
            rows: measures.map { measure in
                let latest = measure.latestActual
                let rating = measure.latestRating
                return [
                    .init(measure.programme), .init(measure.name, projectID: measure.id.uuidString),
                    .init(measure.unit),
                    .init(measure.direction == .lowerIsBetter ? "Lower" : "Higher"),
                    .init(measure.baseline.map(OutcomeMeasure.format) ?? ""),
                    .init(OutcomeMeasure.format(measure.target)),
                    .init(measure.targetDate.longDisplay),
                    .init(
                        latest.map {
                            "\(OutcomeMeasure.format($0.value)) (\($0.period))\(measure.actualsAreIllustrative ? " illustrative" : "")"
                        } ?? ""),
                    .init(latest.flatMap { measure.trajectory[$0.period] }.map(OutcomeMeasure.format) ?? ""),
                    .init(
                        rating ?? "", isRating: true, rating: rating.flatMap { RatingScale.threePoint.level(for: $0) }),
                ]
            })
    }

    /// One measure's trajectory and actuals, period by period.
    public static func points(_ measure: OutcomeMeasure) -> ReportTable {
        ReportTable(
            title: measure.name, subtitle: measure.actualsAreIllustrative ? ["Actuals are illustrative."] : [],
            columns: ["Period", "Trajectory", "Actual", "Rating"],
            rows: measure.periods.map { period in
                let rating = measure.rating(period)
                return [
                    .init(period), .init(measure.trajectory[period].map(OutcomeMeasure.format) ?? ""),
                    .init(measure.actuals[period].map(OutcomeMeasure.format) ?? ""),
                    .init(
                        rating ?? "", isRating: true, rating: rating.flatMap { RatingScale.threePoint.level(for: $0) }),
                ]
            })
    }
}
