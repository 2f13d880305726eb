import Foundation
import SQLKit

/// The part of a portfolio a report reads: one programme's projects and sub-items, or one project with its sub-items.
/// (No scope: the whole portfolio.) A dashboard for one programme, or the project page's open month, reads only these
/// rows, and builds them exactly as the whole report would.
package enum RowScope: Hashable, Sendable {
    case programme(UUID)
    case project(UUID)
}

package extension SQLQueryString {
    /// ` AND column IN (the scope's projects and sub-items)`, or nothing without a scope. `column` is always a name
    /// written in this code, never input.
    static func andProject(_ column: String, in scope: RowScope?) -> SQLQueryString {
        guard let scope else { return "" }
        return " AND " + project(column, in: scope)
    }

    /// `column IN (the scope's projects and sub-items)`: the whole condition, for a query that has no other.
    static func project(_ column: String, in scope: RowScope) -> SQLQueryString {
        switch scope {
        case .programme(let programme):
            "\(unsafeRaw: column) IN (SELECT id FROM projects WHERE programme_id = \(bind: programme))"
        case .project(let project):
            // Two lookups by index (M047), where `id = … OR parent_id = …` walked every project.
            """
            \(unsafeRaw: column) IN (SELECT id FROM projects WHERE id = \(bind: project) \
            UNION ALL SELECT id FROM projects WHERE parent_id = \(bind: project))
            """
        }
    }
}
