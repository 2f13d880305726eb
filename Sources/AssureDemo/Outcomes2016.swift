// Seed 001's outcome targets, entered as data: community hospital length of stay from 32 to 24 days, delayed
// transfers of care at 3.5% across all providers, dementia diagnosis at the national standard of 66.7%. The
// trajectories run quarterly to March 2019; the actuals are illustrative (the seed has none) and marked as such.
import AssureCore

public enum Outcomes2016 {
    /// Quarter ends from March 2017 to March 2019, as period keys.
    static func quarters() -> [String] {
        var keys: [String] = []
        for year in 2017...2019 {
            for month in [3, 6, 9, 12] {
                let key = "\(year)-\(month < 10 ? "0" : "")\(month)"
                if key >= "2017-03", key <= "2019-03" { keys.append(key) }
            }
        }
        return keys
    }

    /// A straight line from the first value to the last across the quarters.
    static func line(from start: Double, to end: Double) -> [String: Double] {
        let keys = quarters()
        return Dictionary(
            uniqueKeysWithValues: keys.enumerated().map { index, key in
                (key, start + (end - start) * Double(index) / Double(keys.count - 1))
            })
    }

    static let lengthOfStay = OutcomeMeasure(
        name: "Community hospital length of stay (step down)", programme: "Integrated Community Services", unit: "days",
        direction: .lowerIsBetter, baseline: 32, target: 24, targetDate: CalendarDate(year: 2019, month: 3, day: 31)!,
        trajectory: line(from: 32, to: 24),
        actuals: ["2017-03": 32.4, "2017-06": 31.5, "2017-09": 30.2, "2017-12": 29.6],
        actualsAreIllustrative: true)

    static let delayedTransfers = OutcomeMeasure(
        name: "Delayed transfers of care (all providers)", programme: "Urgent Care", unit: "%",
        direction: .lowerIsBetter, baseline: nil,
        target: 3.5, targetDate: CalendarDate(year: 2019, month: 3, day: 31)!,
        trajectory: Dictionary(uniqueKeysWithValues: quarters().map { ($0, 3.5) }),
        actuals: ["2017-03": 4.6, "2017-06": 4.1, "2017-09": 3.6, "2017-12": 3.4], actualsAreIllustrative: true)

    static let dementia = OutcomeMeasure(
        name: "Dementia diagnosis rate", programme: "Transforming Mental Health - adults", unit: "%",
        direction: .higherIsBetter, baseline: nil,
        target: 66.7, targetDate: CalendarDate(year: 2019, month: 3, day: 31)!,
        trajectory: Dictionary(uniqueKeysWithValues: quarters().map { ($0, 66.7) }),
        actuals: ["2017-03": 67.1, "2017-06": 66.9, "2017-09": 65.8, "2017-12": 66.2], actualsAreIllustrative: true)

    public static let measures = [lengthOfStay, delayedTransfers, dementia]
}
