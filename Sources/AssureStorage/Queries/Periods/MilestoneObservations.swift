import AssureCore
import FluentKit
import Foundation
import SQLKit

/// Each published period's dated milestones as the slip forecast reads them (M045), kept by a refit so that the next
/// reads a year of small rows rather than a year of reports.
package enum MilestoneObservations {
    /// Those kept for a period; nil when none are. Read `part` rows at a time, so that a national portfolio's period
    /// is never held twice over as rows and as milestones.
    package static func read(_ db: Database, periodID: UUID, part: Int = 20_000) async throws -> [MilestoneObservation]?
    {
        var milestones: [MilestoneObservation] = []
        var from = 0
        while true {
            let rows = try await read(db, periodID: periodID, from: from, limit: part)
            milestones += rows.map(\.milestone)
            guard rows.count == part, let last = rows.last else { break }
            from = last.position + 1
        }
        return milestones.isEmpty ? nil : milestones
    }

    private static func read(
        _ db: Database, periodID: UUID, from: Int, limit: Int
    ) async throws -> [(position: Int, milestone: MilestoneObservation)] {
        try await db.sql().rows(
            """
            SELECT position, project_id, programme, title, due_by, precision, rating, severity, complete,
                   update_repeated
            FROM milestone_observations WHERE period_id = \(bind: periodID) AND position >= \(bind: from)
            ORDER BY position LIMIT \(literal: limit)
            """
        ) { row -> (Int, MilestoneObservation) in
            let due = try row.text(4)
            let precision = try row.text(5)
            guard let dueBy = CalendarDate(iso: due), let precision = DatePrecision(rawValue: precision) else {
                throw UnreadableColumn(column: 4, expected: "a milestone's date and precision")
            }
            return (
                try row.int(0),
                MilestoneObservation(
                    projectID: try row.uuid(1), programme: try row.text(2), title: try row.text(3), due: dueBy,
                    precision: precision, rating: try row.optionalText(6),
                    severity: try row.optionalText(7).flatMap(Double.init), complete: try row.int(8) != 0,
                    updateRepeated: try row.int(9) != 0)
            )
        }
    }

    /// Keeps a published period's milestones, unless kept already or the period is no longer published (re-opened
    /// while they were worked out: its snapshot, which they belong to, is gone).
    static func keep(_ db: Database, periodID: UUID, _ period: PeriodMilestones) async throws {
        guard !period.milestones.isEmpty else { return }
        try await db.writeTransaction { db in
            let sql = try db.sql()
            guard
                let snapshot = try await sql.rows(
                    "SELECT id FROM period_snapshots WHERE period_id = \(bind: periodID)", { try $0.uuid(0) }
                ).first,
                try await sql.rows(
                    "SELECT COUNT(*) FROM milestone_observations WHERE period_id = \(bind: periodID)", { try $0.int(0) }
                ).first == 0
            else { return }
            try await Array(period.milestones.enumerated()).inBatches(of: 500) { chunk in
                let insert = sql.insert(into: "milestone_observations").columns(
                    "period_id", "position", "snapshot_id", "project_id", "programme", "title", "due_by", "precision",
                    "rating", "severity", "complete", "update_repeated")
                for (position, milestone) in chunk {
                    insert.values(
                        SQLBind(periodID), SQLBind(position), SQLBind(snapshot), SQLBind(milestone.projectID),
                        SQLBind(milestone.programme), SQLBind(milestone.title), SQLBind(milestone.due.iso),
                        SQLBind(milestone.precision.rawValue), SQLBind(milestone.rating),
                        SQLBind(milestone.severity.map { "\($0)" }), SQLBind(milestone.complete ? 1 : 0),
                        SQLBind(milestone.updateRepeated ? 1 : 0))
                }
                try await insert.run()
            }
        }
    }
}
