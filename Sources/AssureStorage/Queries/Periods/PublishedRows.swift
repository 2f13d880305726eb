import AssureCore
import FluentKit
import Foundation
import SQLKit

/// A published period kept as rows: its summary (period, counts, programmes) in `period_snapshots`, and one row per
/// project and sub-item in `published_rows`, each with its programme, its parent and its place in the report. A page
/// reads the summary and the rows it shows, by index; nothing reads the whole portfolio to show a part of it.
package enum PublishedRows {
    /// Writes the lines of a report being published (`BulkCopy`). The rows' JSON is encoded in batches side by side on
    /// every core while the earlier ones are being written.
    package static func write(_ sql: SQLDatabase, periodID: UUID, _ report: PeriodReport) async throws {
        try await sql.delete(from: "published_rows").where("period_id", .equal, periodID).run()
        let batches = report.lines.enumerated().map { $0 }.batches(of: 500)
        let encoded = batches.map { batch in
            Task { batch.map(\.element.row.storedJSON) }
        }
        defer { encoded.forEach { $0.cancel() } }
        let columns = ["period_id", "position", "programme_id", "project_id", "parent_id", "row_json"]
        let period = periodID.upperText
        try await BulkCopy.copy(sql, into: "published_rows", columns: columns) { send in
            for (batch, json) in zip(batches, encoded) {
                try await send(
                    zip(batch, await json.value).map { entry, json in
                        let (position, line) = entry
                        return [
                            period, String(position), line.programmeID.upperText,
                            line.row.project.id.upperText, line.parentID?.upperText, json,
                        ]
                    })
            }
        }
    }

    /// A stored line before its row's JSON is decoded.
    private struct StoredLine: Sendable {
        let period: UUID
        let programmeID: UUID
        let parentID: UUID?
        let json: String

        init(_ row: any PositionalRow) throws {
            (period, programmeID, parentID, json) = (
                try row.uuid(0), try row.uuid(2), try row.optionalUUID(3), try row.text(4)
            )
        }

        func line() throws -> PublishedLine {
            PublishedLine(programmeID: programmeID, parentID: parentID, row: try Reports.row(storedJSON: json))
        }
    }

    /// Decoding the rows' JSON is most of reading them: many rows are decoded on every core, in order.
    private static func decode(_ stored: [StoredLine]) async throws -> [(period: UUID, line: PublishedLine)] {
        guard stored.count > 1_000 else { return try stored.map { ($0.period, try $0.line()) } }
        let batches = stored.batches(of: (stored.count + 7) / 8)
        let decoded = batches.map { batch in Task { try batch.map { ($0.period, try $0.line()) } } }
        var result: [(period: UUID, line: PublishedLine)] = []
        result.reserveCapacity(stored.count)
        for task in decoded { result += try await task.value }
        return result
    }

    /// The lines of a published period, all of them or one programme's, in the order they were written.
    static func read(_ db: Database, periodID: UUID, programme: UUID? = nil) async throws -> [PublishedLine] {
        let oneProgramme: SQLQueryString = programme.map { " AND programme_id = \(bind: $0)" } ?? ""
        let stored = try await db.sql().rows(
            """
            SELECT period_id, position, programme_id, parent_id, row_json FROM published_rows
            WHERE period_id = \(bind: periodID)\(oneProgramme) ORDER BY position
            """, StoredLine.init)
        return try await decode(stored).map(\.line)
    }

    /// A published period's lines from `position` on, at most `limit`, in the order written, and the position after
    /// the last (nil after the period's last line): the whole period read a part at a time.
    static func read(
        _ db: Database, periodID: UUID, from position: Int, limit: Int
    ) async throws -> (lines: [PublishedLine], next: Int?) {
        let stored = try await db.sql().rows(
            """
            SELECT period_id, position, programme_id, parent_id, row_json FROM published_rows
            WHERE period_id = \(bind: periodID) AND position >= \(bind: position)
            ORDER BY position LIMIT \(literal: limit)
            """, { (position: try $0.int(1), line: try StoredLine($0)) })
        let lines = try await decode(stored.map(\.line)).map(\.line)
        return (lines, stored.count == limit ? stored.last.map { $0.position + 1 } : nil)
    }

    /// One project's lines (its own and its sub-items') in the periods named (its portfolio's), by period: one seek
    /// a period, as the rows are indexed by period first (M046).
    static func read(_ db: Database, projectID: UUID, periods: [UUID]) async throws -> [UUID: [PublishedLine]] {
        guard !periods.isEmpty else { return [:] }
        let stored = try await db.sql().rows(
            """
            SELECT period_id, position, programme_id, parent_id, row_json FROM published_rows
            WHERE period_id IN (\(binds: periods)) AND project_id = \(bind: projectID)
            UNION ALL
            SELECT period_id, position, programme_id, parent_id, row_json FROM published_rows
            WHERE period_id IN (\(binds: periods)) AND parent_id = \(bind: projectID)
            ORDER BY position
            """, StoredLine.init)
        return Dictionary(grouping: try await decode(stored), by: \.period).mapValues { $0.map(\.line) }
    }

    /// The projects (not sub-items) of a published period with their programmes, in report order: no row's JSON read.
    static func projects(_ db: Database, periodID: UUID) async throws -> [(project: UUID, programme: UUID)] {
        try await db.sql().rows(
            """
            SELECT project_id, programme_id FROM published_rows
            WHERE period_id = \(bind: periodID) AND parent_id IS NULL ORDER BY position
            """, { (try $0.uuid(0), try $0.uuid(1)) })
    }

    package static func delete(_ sql: SQLDatabase, periodID: UUID) async throws {
        try await sql.delete(from: "published_rows").where("period_id", .equal, periodID).run()
    }
}

extension PublishedRows {
    /// Splits every snapshot still written as one document (before M032) into its summary and its rows, one snapshot at
    /// a time so that memory holds one period, never the history.
    package static func splitDocuments(_ db: Database) async throws {
        let sql = try db.sql()
        for id in try await PeriodSnapshotRecord.query(on: db).all(\.$id) {
            guard let snapshot = try await PeriodSnapshotRecord.find(id, on: db) else { continue }
            let report = try Reports.decoder.decode(PeriodReport.self, from: Data(snapshot.reportJSON.utf8))
            guard report.hasRows else { continue }
            try await write(sql, periodID: snapshot.$period.id, report)
            snapshot.reportJSON = try Reports.document(report.summary)
            try await snapshot.save(on: db)
        }
    }

    /// The reverse of `splitDocuments`: each summary with its rows put back into one document.
    package static func joinDocuments(_ db: Database) async throws {
        for id in try await PeriodSnapshotRecord.query(on: db).all(\.$id) {
            guard let snapshot = try await PeriodSnapshotRecord.find(id, on: db) else { continue }
            let summary = try Reports.decoder.decode(PeriodReport.self, from: Data(snapshot.reportJSON.utf8))
            guard !summary.hasRows else { continue }
            let lines = try await read(db, periodID: snapshot.$period.id)
            snapshot.reportJSON = try Reports.document(summary.restoring(lines))
            try await snapshot.save(on: db)
        }
    }
}
