import Foundation
import SQLKit

package extension SQLQueryString {
    /// ` AND column IN (the programme's projects and sub-items)`, or nothing when no programme is asked for: one
    /// programme's dashboard reads one programme's rows. `column` is always a name written in this code, never input.
    static func andProject(_ column: String, inProgramme programme: UUID?) -> SQLQueryString {
        guard let programme else { return "" }
        return " AND \(unsafeRaw: column) IN (SELECT id FROM projects WHERE programme_id = \(bind: programme))"
    }
}
