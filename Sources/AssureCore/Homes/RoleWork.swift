import Foundation

/// What a person has to do in a period, read off the period's return tracking: the returns they owe, and those that
/// wait for their review. Pure, so each role's home says exactly what the rules say.
public extension ReturnTracking {
    /// The returns a person owes: those naming them as the project's lead, or, where the lead has no address, those of a
    /// programme they edit (the same people a chaser is sent to).
    func owed(byEmail email: String) -> [Row] {
        let address = email.lowercased()
        return rows.filter { row in row.owners.contains { $0.email?.lowercased() == address } }
    }

    /// The projects a person leads (is chased for) or reviews as SRO or clinical lead: whose forecasts their home shows.
    func projects(ownedByEmail email: String, reviewedBy reader: Readership) -> Set<UUID> {
        Set(owed(byEmail: email).map(\.project.id))
            .union(rows.map(\.project.id).filter { reader.reviewedProjects.contains($0) })
    }

    /// Submitted returns that a reader approves or returns (as SRO or clinical lead, or as the PMO), oldest first; a
    /// return the reader saved themselves is left out, since nobody approves their own work.
    func awaitingReview(by reader: Readership, name: String) -> [Row] {
        rows.filter { row in
            row.state == .submitted && row.savedBy != name
                && (reader.isPMO || reader.reviewedProjects.contains(row.project.id))
        }
        .sorted { ($0.submittedAt ?? .distantFuture) < ($1.submittedAt ?? .distantFuture) }
    }

    /// Returns not in by the due date, once it has passed.
    func overdue(today: CalendarDate) -> [Row] {
        guard let due = returnsDue, due < today else { return [] }
        return missing
    }
}

/// One row of the PMO's cockpit: a programme's returns by state.
public struct ProgrammeProgress: Sendable, Hashable {
    public let programme: String
    public let expected: Int
    public let inCount: Int
    public let awaitingReview: Int
    public let missing: Int

    public init(_ rows: ReturnTracking.ProgrammeRows) {
        programme = rows.programme.name
        expected = rows.rows.count
        inCount = rows.rows.filter(\.state.isIn).count
        awaitingReview = rows.rows.filter { $0.state == .submitted }.count
        missing = rows.rows.filter { !$0.state.isIn }.count
    }
}
