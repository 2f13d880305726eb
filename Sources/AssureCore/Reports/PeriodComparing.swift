import Foundation

/// What reads two periods side by side a programme at a time: the changes between them, and a board summary. A reader of
/// the database hands it each programme of the later period in order, then the earlier period's projects it never met.
public protocol PeriodComparing: Sendable {
    /// One programme of the later period, in report order; `before` holds the earlier period's entries for its projects
    /// (and may hold others).
    mutating func add(_ programme: ProgrammeReport, before: [UUID: ChangesReport.Entry])
    /// The earlier period's projects, in its order, that the later period does not have.
    mutating func close(_ before: [ChangesReport.Entry])
    /// The later period's projects met so far.
    var seen: Set<UUID> { get }
}

extension ChangesReport.Accumulator: PeriodComparing {}
extension BoardSummary.Builder: PeriodComparing {}

public extension PeriodComparing {
    /// Two whole reports compared (`old` nil: nothing to compare with).
    mutating func compare(from old: PeriodReport?, to new: PeriodReport) {
        let before = old.map(ChangesReport.entries) ?? [:]
        for programme in new.programmes { add(programme, before: before) }
        close(before.values.filter { !seen.contains($0.row.project.id) }.sorted { $0.order < $1.order })
    }
}
