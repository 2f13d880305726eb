import AssureCore
import FluentKit
import Foundation

/// Outcome measures with their trajectories and actuals.
public enum Outcomes {
    public enum Kind: String, Sendable, CaseIterable { case trajectory, actual }

    /// One measure with its actuals and trajectory, read by its id.
    public static func find(_ db: Database, id: UUID) async throws -> OutcomeMeasure? {
        try await all(db, only: id).first
    }

    /// Every measure, or (`only`) one.
    public static func all(_ db: Database, only measureID: UUID? = nil) async throws -> [OutcomeMeasure] {
        let valueQuery = OutcomeValueRecord.query(on: db)
        let measureQuery = OutcomeMeasureRecord.query(on: db).sort(\.$programme).sort(\.$name)
        if let measureID {
            valueQuery.filter(\.$measure.$id == measureID)
            measureQuery.filter(\.$id == measureID)
        }
        let values = Dictionary(grouping: try await valueQuery.all(), by: { $0.$measure.id })
        return try await measureQuery.all().map { record in
            let points = values[try record.requireID()] ?? []
            func series(_ kind: Kind) -> [String: Double] {
                Dictionary(
                    points.filter { $0.kind == kind.rawValue }.map { ($0.periodKey, $0.value) },
                    uniquingKeysWith: { a, _ in a })
            }
            return OutcomeMeasure(
                id: try record.requireID(), name: record.name, programme: record.programme, unit: record.unit,
                direction: try OutcomeDirection(stored: record.direction, "outcome_measures.direction"),
                baseline: record.baseline,
                target: record.target, targetDate: CalendarDate(iso: record.targetDate)!,
                trajectory: series(.trajectory),
                actuals: series(.actual), actualsAreIllustrative: record.illustrative, version: record.version)
        }
    }

    @discardableResult
    package static func write(_ db: Database, _ measure: OutcomeMeasure) async throws -> UUID {
        let record = OutcomeMeasureRecord()
        record.name = measure.name
        record.programme = measure.programme
        record.unit = measure.unit
        record.direction = measure.direction.rawValue
        record.baseline = measure.baseline
        record.target = measure.target
        record.targetDate = measure.targetDate.iso
        record.illustrative = measure.actualsAreIllustrative
        record.version = 1
        try await record.create(on: db)
        for (kind, series) in [(Kind.trajectory, measure.trajectory), (.actual, measure.actuals)] {
            for (period, value) in series.sorted(by: { $0.key < $1.key }) {
                let point = OutcomeValueRecord()
                point.$measure.id = try record.requireID()
                point.periodKey = period
                point.kind = kind.rawValue
                point.value = value
                try await point.create(on: db)
            }
        }
        return try record.requireID()
    }
}
