import AssureCore
import FluentKit
import Foundation
import SQLKit

/// Two periods of a portfolio read side by side, a programme at a time: a published period's rows are read one programme
/// after another by index, so comparing two periods of 100,000 projects holds a programme of each, not two whole
/// reports (two whole reports took 1 GB and 18 s there). A period not published is built whole, as its pages build it.
public enum PeriodComparisons {
    /// A period as a comparison reads it: built whole when open, or its summary when published (its rows read later).
    public struct Side: Sendable {
        public let period: PeriodInfo
        /// The whole report of a period not published; a published period's summary (no rows).
        public let report: PeriodReport
        var isPublished: Bool { !report.hasRows && period.status == .published }
    }

    public static func side(_ db: Database, periodID: UUID, for reader: Readership) async throws -> Side {
        if let summary = try await Reports.publishedSummary(db, periodID: periodID, for: reader) {
            return Side(period: summary.period, report: summary)
        }
        let whole = try await Reports.report(db, periodID: periodID, for: reader)
        return Side(period: whole.period, report: whole)
    }

    /// Every change from one period to another.
    public static func comparison(
        _ db: Database, from earlier: UUID, to later: UUID, for reader: Readership
    ) async throws -> ChangesReport.Comparison {
        let earlier = try await side(db, periodID: earlier, for: reader)
        let later = try await side(db, periodID: later, for: reader)
        var changes = ChangesReport.Accumulator(from: earlier.period, to: later.period)
        try await compare(db, from: earlier, to: later, for: reader, into: &changes)
        return .init(
            portfolio: later.report.portfolio, from: earlier.period, to: later.period, changes: changes.changes)
    }

    /// Hands each programme of `later`, in report order, to `comparer` with the entries of `earlier` for its projects,
    /// then the projects of `earlier` that `later` does not have. Without `earlier`, each programme comes with none.
    public static func compare<Comparer: PeriodComparing>(
        _ db: Database, from earlier: Side?, to later: Side, for reader: Readership, into comparer: inout Comparer
    ) async throws {
        let before = try await Earlier(db, earlier, reader)
        // Programmes are read a few at a time side by side: decoding the rows' JSON is most of the work, and each
        // programme's is decoded on its own core. They are handed on in report order.
        for window in later.report.programmes.batches(of: 8) {
            let parts = try await withThrowingTaskGroup(
                of: (Int, ProgrammeReport, [UUID: ChangesReport.Entry]).self
            ) { group in
                for (index, programme) in window.enumerated() {
                    group.addTask {
                        let part =
                            later.isPublished
                            ? try await Reports.report(
                                db, periodID: later.period.id, programme: programme.programme.id, for: reader
                            ).programmes.first ?? programme : programme
                        return (index, part, try await before.entries(of: part.projects.map(\.project.id)))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }.sorted { $0.0 < $1.0 }
            }
            for (_, part, entries) in parts { comparer.add(part, before: entries) }
        }
        let gone = before.projects.filter { !comparer.seen.contains($0) }
        comparer.close(try await before.entries(of: gone).values.sorted { $0.order < $1.order })
    }

    /// The earlier period's projects (not sub-items), found by id: its whole report's, or a published period's read
    /// programme by programme as they are asked for.
    private struct Earlier: Sendable {
        let db: Database
        let side: Side?
        let reader: Readership
        /// Each project's programme and place in the earlier report, in that order.
        let places: [UUID: (programme: UUID, order: Int)]
        let projects: [UUID]
        let whole: [UUID: ChangesReport.Entry]

        init(_ db: Database, _ side: Side?, _ reader: Readership) async throws {
            self.db = db
            self.side = side
            self.reader = reader
            guard let side else {
                (places, projects, whole) = ([:], [], [:])
                return
            }
            if side.isPublished {
                let tops = try await PublishedRows.projects(db, periodID: side.period.id)
                projects = tops.map(\.project)
                places = Dictionary(
                    tops.enumerated().map { ($1.project, ($1.programme, $0)) }, uniquingKeysWith: { first, _ in first })
                whole = [:]
            } else {
                whole = ChangesReport.entries(side.report)
                projects = whole.values.sorted { $0.order < $1.order }.map(\.row.project.id)
                places = [:]
            }
        }

        /// The entries of those of `ids` the earlier period has.
        func entries(of ids: [UUID]) async throws -> [UUID: ChangesReport.Entry] {
            guard let side, side.isPublished else { return whole.picking(ids) }
            var read: [UUID: ChangesReport.Entry] = [:]
            for programme in Set(ids.compactMap { places[$0]?.programme }) {
                let part = try await Reports.report(db, periodID: side.period.id, programme: programme, for: reader)
                for report in part.programmes {
                    for row in report.projects {
                        guard let order = places[row.project.id]?.order else { continue }
                        read[row.project.id] = .init(row: row, programme: report.programme.name, order: order)
                    }
                }
            }
            return read.picking(ids)
        }
    }
}

extension Dictionary {
    /// The entries of those of `keys` the dictionary holds: looked up one by one, however large the dictionary.
    fileprivate func picking(_ keys: [Key]) -> Self {
        Dictionary(keys.compactMap { key in self[key].map { (key, $0) } }, uniquingKeysWith: { first, _ in first })
    }
}
