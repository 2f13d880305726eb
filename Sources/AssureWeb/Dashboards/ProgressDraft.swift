import AssureCore
import AssureStorage
import Fluent
import Foundation

extension ProgressNarrative {
    /// The progress section drafted for `report` from its comparison with the period before, each moved milestone
    /// counted: how many times its date has moved since it was first reported, over the periods published before
    /// `report`'s and this move.
    static func drafted(
        _ db: Database, _ report: PeriodReport, changes comparison: ChangesReport.Comparison
    ) async throws -> ProgressNarrative {
        let moved = comparison.changes.filter { $0.kind == .milestoneMoved }
        guard !moved.isEmpty else { return ProgressNarrative(report, changes: comparison) }
        let histories = try await MilestoneBaselines.before(
            db, portfolioID: report.portfolio.id, asAt: report.period.asAt, projects: Set(moved.map(\.project.id)))
        var rows: [UUID: ProjectRow] = [:]
        for row in report.programmes.flatMap({ $0.projects.flatMap { [$0] + $0.children } })
        where rows[row.project.id] == nil {
            rows[row.project.id] = row
        }
        var times: [MilestoneRef: Int] = [:]
        for change in moved {
            guard let title = change.milestone,
                let due = rows[change.project.id]?.milestones.first(where: { $0.title == title })?.date.parsed?.dueBy
            else { continue }
            times[MilestoneRef(projectID: change.project.id, title: title)] =
                histories[change.project.id]?[title]?.moves(reportingNow: due) ?? 1
        }
        return ProgressNarrative(report, changes: comparison, timesMoved: times)
    }
}
