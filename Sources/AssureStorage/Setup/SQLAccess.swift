import Fluent
import SQLKit

/// Assure runs only on SQL databases (SQLite and PostgreSQL); a query written in SQL asks for the connection here, and
/// a database that is not SQL is an error, never a silently empty answer.
struct NotAnSQLDatabase: Error, CustomStringConvertible {
    var description: String { "Assure needs an SQL database (SQLite or PostgreSQL)" }
}

extension Database {
    func sql() throws -> SQLDatabase {
        guard let sql = self as? SQLDatabase else { throw NotAnSQLDatabase() }
        return sql
    }
}
