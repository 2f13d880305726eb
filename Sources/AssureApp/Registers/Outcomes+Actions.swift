import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Outcomes {
    public static func create(
        _ db: Database, _ actor: Actor, name: String, programme: String, unit: String, direction: OutcomeDirection,
        baseline: String, target: String, targetDate: String
    ) async throws -> OutcomeMeasure {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) sets outcome measures")
        }
        let errors = OutcomeMeasure.validate(
            name: name, unit: unit, baseline: baseline, target: target, targetDate: targetDate)
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let measure = OutcomeMeasure(
            name: name.trimmingCharacters(in: .whitespaces), programme: programme.trimmingCharacters(in: .whitespaces),
            unit: unit.trimmingCharacters(in: .whitespaces), direction: direction,
            baseline: baseline.isEmpty ? nil : CellValues.number(.text(baseline)),
            target: CellValues.number(.text(target))!,
            targetDate: CalendarDate(iso: targetDate)!)
        return try await db.writeTransaction { db in
            if try await OutcomeMeasureRecord.query(on: db).filter(\.$name == measure.name).first() != nil {
                throw DomainError.invalid(["name": "There is already a measure called \(measure.name)."])
            }
            let id = try await write(db, measure)
            try await AuditLog.record(db, actor, "create", entity: "outcome-measure", id: id, after: measure)
            return try await all(db).first { $0.id == id }!
        }
    }

    /// Records a period's trajectory or actual (replacing what was there), and marks actuals as real once one is typed.
    public static func record(
        _ db: Database, _ actor: Actor, measureID: UUID, period: String, kind: Kind, value: String
    ) async throws {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) records outcome values")
        }
        var errors: [String: String] = [:]
        let key = PeriodKey(period)?.key
        let number = CellValues.number(.text(value))
        if key == nil { errors["period"] = "Give the period as YYYY-MM." }
        if number == nil { errors["value"] = "“\(value)” is not a number." }
        guard errors.isEmpty, let key, let number else { throw DomainError.invalid(errors) }
        try await db.writeTransaction { db in
            guard let measure = try await OutcomeMeasureRecord.find(measureID, on: db) else {
                throw DomainError.notFound("outcome measure")
            }
            let existing = try await OutcomeValueRecord.query(on: db).filter(\.$measure.$id == measureID).filter(
                \.$periodKey == key
            )
            .filter(\.$kind == kind.rawValue).first()
            let before = existing?.value
            let record = existing ?? OutcomeValueRecord()
            record.$measure.id = measureID
            record.periodKey = key
            record.kind = kind.rawValue
            record.value = number
            try await record.save(on: db)
            if kind == .actual, measure.illustrative {
                measure.illustrative = false
                try await OutcomeValueRecord.query(on: db).filter(\.$measure.$id == measureID).filter(
                    \.$kind == Kind.actual.rawValue
                )
                .filter(\.$periodKey != key).delete()
            }
            measure.version += 1
            try await measure.save(on: db)
            try await AuditLog.record(
                db, actor, "record-\(kind.rawValue)", entity: "outcome-measure", id: measureID,
                before: before.map { ["period": key, "value": "\($0)"] },
                after: ["period": key, "value": "\(number)"])
        }
    }
}
