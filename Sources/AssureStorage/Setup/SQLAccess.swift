import FluentKit
import SQLKit

/// Assure runs only on SQL databases (SQLite and PostgreSQL); a query written in SQL asks for the connection here, and
/// a database that is not SQL is an error, never a silently empty answer.
package struct NotAnSQLDatabase: Error, CustomStringConvertible {
    package var description: String { "Assure needs an SQL database (SQLite or PostgreSQL)" }
}

package extension Database {
    func sql() throws -> SQLDatabase {
        guard let sql = self as? SQLDatabase else { throw NotAnSQLDatabase() }
        return sql
    }
}
