import AssureCore
import FluentKit
import Foundation
import SQLKit

/// A board member's summary of a period against the published period before it, read a programme at a time
/// (`PeriodComparisons`), and the counts the home page shows of it, kept once worked out.
public enum BoardSummaries {
    /// The summary of `period` against `previous` (the latest published period before it), as `reader` is shown it.
    public static func summary(
        _ db: Database, periodID: UUID, previous: UUID?, for reader: Readership
    ) async throws -> BoardSummary {
        let later = try await PeriodComparisons.side(db, periodID: periodID, for: reader)
        let earlier = try await previous.asyncMap { try await PeriodComparisons.side(db, periodID: $0, for: reader) }
        var ratings: [UUID: RatingLevel] = [:]
        if let earlier {
            ratings =
                earlier.period.status == .published
                ? try await PeriodRatings.read(db, periodID: earlier.period.id) : earlier.report.effectiveRatings
        }
        var builder = BoardSummary.Builder(report: later.report, previous: earlier?.period, previousRatings: ratings)
        try await PeriodComparisons.compare(db, from: earlier, to: later, for: reader, into: &builder)
        return builder.summary
    }

    /// How many projects are Red or declined, milestones slipped and returns carried forward in a published period
    /// against `previous`: read where kept, else worked out and kept. What they count is the same for every reader
    /// (ratings, dates and carried-forward returns; no finding), so one copy serves all.
    public static func counts(_ db: Database, periodID: UUID, previous: UUID?) async throws -> BoardSummary.Counts {
        let sql = try db.sql()
        // The snapshots compared, which change when either period is published again.
        let compared = try await snapshots([periodID] + (previous.map { [$0] } ?? []), sql)
        let kept = try await sql.rows(
            """
            SELECT attention, slipped, carried_forward FROM board_summary_counts
            WHERE period_id = \(bind: periodID) AND compared = \(bind: compared)
            """
        ) { BoardSummary.Counts(attention: try $0.int(0), slipped: try $0.int(1), carriedForward: try $0.int(2)) }
        if let counts = kept.first { return counts }
        return try await working.value(for: "\(periodID) \(compared)") {
            try await workOut(db, periodID: periodID, previous: previous, compared: compared)
        }
    }

    /// The counts of a period just published, worked out ahead of the first board member who asks.
    public static func workOut(_ db: Database, periodID: UUID) async throws {
        guard case let (portfolio, period)? = try await Catalogue.portfolio(db, containingPeriod: periodID),
            period.status == .published
        else { return }
        _ = try await counts(db, periodID: periodID, previous: portfolio.published(before: period)?.id)
    }

    private static let working = SharedWork<String, BoardSummary.Counts>()

    private static func workOut(
        _ db: Database, periodID: UUID, previous: UUID?, compared: String
    ) async throws -> BoardSummary.Counts {
        let sql = try db.sql()
        let counts = try await summary(db, periodID: periodID, previous: previous, for: .board).counts
        // Two servers may work it out at once: the later write wins, and both wrote the same.
        try await sql.insert(into: "board_summary_counts")
            .columns("period_id", "compared", "attention", "slipped", "carried_forward")
            .values(periodID, compared, counts.attention, counts.slipped, counts.carriedForward)
            .onConflict(with: ["period_id"]) { conflict in
                conflict.set(excludedValueOf: "compared").set(excludedValueOf: "attention")
                    .set(excludedValueOf: "slipped").set(excludedValueOf: "carried_forward")
            }
            .run()
        return counts
    }

    /// The snapshots of the periods, in that order, as one text: changes when any of them is published again.
    private static func snapshots(_ periods: [UUID], _ sql: SQLDatabase) async throws -> String {
        let found = try await sql.rows(
            "SELECT period_id, id FROM period_snapshots WHERE period_id IN (\(binds: periods))"
        ) { (try $0.uuid(0), try $0.uuid(1)) }
        let byPeriod = Dictionary(found, uniquingKeysWith: { first, _ in first })
        return periods.map { byPeriod[$0]?.uuidString ?? "none" }.joined(separator: " ")
    }

    /// Forgets what was kept of a period being re-opened.
    package static func forget(_ sql: SQLDatabase, periodID: UUID) async throws {
        try await sql.delete(from: "board_summary_counts").where("period_id", .equal, periodID).run()
    }
}
