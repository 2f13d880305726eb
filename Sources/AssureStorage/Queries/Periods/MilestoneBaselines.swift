import AssureCore
import FluentKit
import Foundation
import SQLKit

/// Each milestone's baseline and moves, as the slippage check reads them. Kept as one row per milestone, folded forward
/// at each publication, so that building a dashboard reads one row per milestone rather than every earlier period.
/// `portfolios.baselines_through` names the last published period folded in.
package enum MilestoneBaselines {
    package typealias ByProject = [UUID: [String: MilestoneBaseline]]

    /// The baselines from the portfolio's published periods before `asAt`: the stored rows when they run exactly up to
    /// the last of those periods, otherwise folded from the history (an older period being built, or no rows yet).
    static func before(
        _ sql: SQLDatabase, portfolioID: UUID, asAt: String, scope: RowScope? = nil
    ) async throws -> ByProject {
        guard let previous = try await lastPublished(sql, portfolioID: portfolioID, before: asAt) else { return [:] }
        if try await foldedThrough(sql, portfolioID: portfolioID) == previous {
            return try await stored(sql, portfolioID: portfolioID, scope: scope)
        }
        return try await history(sql, portfolioID: portfolioID, before: asAt, scope: scope)
    }

    /// Folds a period just published into the rows: on top of the stored rows when they run up to the period before and
    /// no later period is published (the monthly case), or from the whole history otherwise (a period re-published
    /// after correction, or published out of order).
    ///
    /// `repeating`: the projects whose return names a title more than once (read by the caller with the period's
    /// returns); only their lines are searched for titles reported twice.
    package static func fold(
        _ sql: SQLDatabase, portfolioID: UUID, period: UUID, key: String, asAt: String, repeating: [UUID]
    ) async throws {
        let previous = try await lastPublished(sql, portfolioID: portfolioID, before: asAt)
        let latest = try await lastPublished(sql, portfolioID: portfolioID, before: nil)
        if latest == period, try await foldedThrough(sql, portfolioID: portfolioID) == previous {
            try await foldForward(sql, portfolioID: portfolioID, period: period, key: key, repeating: repeating)
        } else {
            try await discard(sql, portfolioID: portfolioID)
            let all = try await history(sql, portfolioID: portfolioID, before: "9999-12-31")
            let rows = all.flatMap { project, titles in titles.map { (project, $0.key, $0.value) } }
            try await insert(sql, portfolioID: portfolioID, rows)
        }
        try await sql.update("portfolios").set("baselines_through", to: latest?.uuidString)
            .where("id", .equal, portfolioID).run()
    }

    /// Forgets the rows, as when a period they include is re-opened; the next publication folds the history again.
    package static func discard(_ sql: SQLDatabase, portfolioID: UUID) async throws {
        try await sql.delete(from: "milestone_baselines").where("portfolio_id", .equal, portfolioID).run()
        try await sql.update("portfolios").set("baselines_through", to: String?.none).where("id", .equal, portfolioID)
            .run()
    }

    /// A stored row's baseline from the five columns starting at `first`: the baseline's period key, date text and due
    /// date, then the latest due date and the moves.
    private static func baseline(_ row: any PositionalRow, from first: Int) throws -> MilestoneBaseline {
        let dueBy = CalendarDate(iso: try row.text(first + 2))
        return MilestoneBaseline(
            baseline: ReportedDate(periodKey: try row.text(first), date: try row.text(first + 1), dueBy: dueBy),
            latestDueBy: CalendarDate(iso: try row.text(first + 3)) ?? dueBy!, moves: try row.int(first + 4))
    }

    private static func stored(
        _ sql: SQLDatabase, portfolioID: UUID, scope: RowScope? = nil
    ) async throws -> ByProject {
        // A scope's rows are found by project and then kept to the portfolio here: given both in SQL, SQLite walked the
        // portfolio's index (every milestone of it, 150 ms at 100,000 projects) instead of the project's.
        let portfolio: SQLQueryString =
            scope.map { SQLQueryString.project("project_id", in: $0) } ?? "portfolio_id = \(bind: portfolioID)"
        let rows = try await sql.rows(
            """
            SELECT project_id, title, baseline_period_key, baseline_date_text, baseline_due_by, latest_due_by, moves,
                   portfolio_id
            FROM milestone_baselines WHERE \(portfolio)
            """
        ) {
            (
                project: try $0.uuid(0), title: try $0.text(1), baseline: try baseline($0, from: 2),
                portfolio: try $0.uuid(7)
            )
        }
        var result: ByProject = [:]
        for row in rows where row.portfolio == portfolioID {
            result[row.project, default: [:]][row.title] = row.baseline
        }
        return result
    }

    /// Folds one period into the stored rows. The database hands back only the lines that can change a row: a
    /// readable date other than the row's latest, a milestone with no row yet, and every line of a title reported twice
    /// in one return (their order counts), looked for only in the returns that repeat a title. They are folded here as
    /// `MilestoneBaseline.adding` folds them, in the order they were reported; most months that is a few rows, not the
    /// portfolio's tens of thousands.
    private static func foldForward(
        _ sql: SQLDatabase, portfolioID: UUID, period: UUID, key: String, repeating: [UUID]
    ) async throws {
        let changed = try await foldedLines(
            sql, period: period, key: key, only: "AND (b.id IS NULL OR b.latest_due_by <> m.due_by)")
        var twice: [FoldedLine] = []
        for chunk in repeating.batches(of: 5_000) {
            let lines = try await foldedLines(
                sql, period: period, key: key, only: "AND r.project_id IN (\(binds: chunk))")
            let counts = Dictionary(grouping: lines, by: \.key)
            twice += lines.filter { counts[$0.key]!.count > 1 }
        }
        let seen = Set(changed.map(\.id))
        let lines = (changed + twice.filter { !seen.contains($0.id) }).enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element)
        var added: [UUID: [String: MilestoneBaseline]] = [:]
        var moved: [UUID: MilestoneBaseline] = [:]
        for line in lines {
            if let existing = line.stored {
                let before = moved[existing.id] ?? existing.baseline
                if let after = MilestoneBaseline.adding(line.reported, to: before), after != before {
                    moved[existing.id] = after
                }
            } else if let after = MilestoneBaseline.adding(line.reported, to: added[line.project]?[line.title]) {
                added[line.project, default: [:]][line.title] = after
            }
        }
        try await update(sql, moved)
        try await insert(
            sql, portfolioID: portfolioID,
            added.flatMap { project, titles in titles.map { (project, $0.key, $0.value) } })
    }

    /// A dated milestone line of the period being folded, with its stored row.
    private struct FoldedLine: Sendable {
        let id: UUID
        let position: Int
        let project: UUID
        let title: String
        let reported: ReportedDate
        /// The milestone's row and its baseline, if it has one.
        let stored: (id: UUID, baseline: MilestoneBaseline)?

        /// The milestone it reports (its project and title), as the forecasts key it too.
        var key: MilestoneObservation.Key { .init(projectID: project, title: title) }
    }

    /// The period's dated milestone lines that `only` keeps, each with its stored row if it has one, in report order.
    private static func foldedLines(
        _ sql: SQLDatabase, period: UUID, key: String, only: SQLQueryString
    ) async throws -> [FoldedLine] {
        try await sql.rows(
            """
            SELECT m.id, m.position, r.project_id, m.title, m.date_text, m.due_by, b.id, b.baseline_period_key,
                   b.baseline_date_text, b.baseline_due_by, b.latest_due_by, b.moves
            FROM return_milestones m JOIN returns r ON r.id = m.return_id
            LEFT JOIN milestone_baselines b ON b.project_id = r.project_id AND b.title = m.title
            WHERE r.period_id = \(bind: period) AND m.due_by IS NOT NULL \(only)
            ORDER BY m.position
            """
        ) { row in
            FoldedLine(
                id: try row.uuid(0), position: try row.int(1), project: try row.uuid(2), title: try row.text(3),
                reported: ReportedDate(
                    periodKey: key, date: try row.text(4), dueBy: CalendarDate(iso: try row.text(5))),
                stored: try row.optionalUUID(6).map { (id: $0, baseline: try baseline(row, from: 7)) })
        }
    }

    /// The moved rows' latest dates and moves, a few hundred rows to a statement (`VALUES` names its columns
    /// `column1`, `column2`… in SQLite and PostgreSQL alike) rather than one statement a row.
    private static func update(_ sql: SQLDatabase, _ moved: [UUID: MilestoneBaseline]) async throws {
        try await Array(moved).inBatches(of: 300) { chunk in
            let values = SQLList(
                chunk.map { id, baseline in
                    SQLGroupExpression(
                        SQLList([SQLBind(id), SQLBind(baseline.latestDueBy.iso), SQLBind(baseline.moves)]))
                })
            try await sql.raw(
                """
                UPDATE milestone_baselines SET latest_due_by = moved.column2, moves = moved.column3
                FROM (VALUES \(values)) AS moved WHERE milestone_baselines.id = moved.column1
                """
            ).run()
        }
    }

    private static func insert(
        _ sql: SQLDatabase, portfolioID: UUID, _ rows: [(UUID, String, MilestoneBaseline)]
    ) async throws {
        try await rows.inBatches(of: 500) { chunk in
            let insert = sql.insert(into: "milestone_baselines").columns(
                "id", "portfolio_id", "project_id", "title", "baseline_period_key", "baseline_date_text",
                "baseline_due_by",
                "latest_due_by", "moves")
            for (project, title, baseline) in chunk {
                insert.values(
                    UUID.random(), portfolioID, project, title, baseline.baseline.periodKey, baseline.baseline.date,
                    baseline.baseline.dueBy?.iso ?? baseline.latestDueBy.iso, baseline.latestDueBy.iso, baseline.moves)
            }
            try await insert.run()
        }
    }

    private static func foldedThrough(_ sql: SQLDatabase, portfolioID: UUID) async throws -> UUID? {
        struct Row: Decodable { let baselines_through: String? }
        let row = try await sql.select().column("baselines_through").from("portfolios").where("id", .equal, portfolioID)
            .first(decoding: Row.self)
        return row?.baselines_through.flatMap(UUID.init(uuidString:))
    }

    private static func lastPublished(_ sql: SQLDatabase, portfolioID: UUID, before asAt: String?) async throws -> UUID?
    {
        try await PublishedPeriods.latest(sql, portfolioID: portfolioID, before: asAt)?.id.value
    }

    /// The baselines folded from each milestone's dates in the published periods before `asAt`. The database leaves out
    /// the rows where a date stayed the same (a window function, in SQLite and PostgreSQL alike), which changes neither
    /// the baseline nor the moves, and turns 36 rows per milestone into a few.
    /// Each milestone's baseline and moves, for these projects, over the portfolio's periods published before `asAt`:
    /// what a milestone reported at `asAt` is compared with (the milestones a month moved, a query per 5,000 projects).
    package static func before(
        _ db: Database, portfolioID: UUID, asAt: CalendarDate, projects: Set<UUID>
    ) async throws -> ByProject {
        var result: ByProject = [:]
        // A few thousand ids a query: within SQLite's and PostgreSQL's limits on bound values.
        for chunk in projects.sorted(by: { $0.uuidString < $1.uuidString }).batches(of: 5000) {
            result.merge(try await history(try db.sql(), portfolioID: portfolioID, before: asAt.iso, only: chunk)) {
                first, _ in first
            }
        }
        return result
    }

    private static func history(
        _ sql: SQLDatabase, portfolioID: UUID, before asAt: String,
        scope: RowScope? = nil, only projects: [UUID] = []
    ) async throws -> ByProject {
        let onlyThese: SQLQueryString =
            projects.isEmpty ? "" : " AND r.project_id IN (\(SQLList(projects.map { SQLBind($0) })))"
        struct Row: Sendable {
            let project: UUID
            let key: String
            let asAt: String
            let title: String
            let date: String
            let dueBy: String?
            let position: Int
        }
        let rows = try await sql.rows(
            """
            SELECT project_id, key, as_at, title, date_text, due_by, position FROM (
                SELECT r.project_id, p.key, p.as_at, m.title, m.date_text, m.due_by, m.position,
                       ROW_NUMBER() OVER (PARTITION BY r.project_id, m.title ORDER BY p.as_at, m.position) AS n,
                       LAG(m.due_by) OVER (
                           PARTITION BY r.project_id, m.title ORDER BY p.as_at, m.position) AS previous_due_by
                FROM return_milestones m
                JOIN returns r ON r.id = m.return_id
                JOIN periods p ON p.id = r.period_id
                WHERE p.portfolio_id = \(bind: portfolioID) AND p.status = \(bind: PeriodStatus.published.rawValue)
                  AND p.as_at < \(bind: asAt)\(SQLQueryString.andProject("r.project_id", in: scope))\(onlyThese)
            ) history
            WHERE n = 1 OR due_by IS DISTINCT FROM previous_due_by
            """
        ) { row in
            Row(
                project: try row.uuid(0), key: try row.text(1), asAt: try row.text(2), title: try row.text(3),
                date: try row.text(4), dueBy: try row.optionalText(5), position: try row.int(6))
        }
        var result: ByProject = [:]
        // In the order reported: by period, then by place in the return (a title reported twice in one return moves
        // as its lines are read, as the fold forward reads them).
        for row in rows.sorted(by: { ($0.asAt, $0.position) < ($1.asAt, $1.position) }) {
            let reported = ReportedDate(
                periodKey: row.key, date: row.date, dueBy: row.dueBy.flatMap(CalendarDate.init(iso:)))
            let project = row.project
            result[project, default: [:]][row.title] = MilestoneBaseline.adding(
                reported, to: result[project]?[row.title])
        }
        return result
    }
}
