import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// A result row read by column position. The hot reads (a period's returns and milestones, its projects, the published
/// rows) take thousands of rows a request; SQLKit's `Codable` row decoding finds each column by name through a keyed
/// container and a dynamic cast, which cost several times the query itself on SQLite. On SQLite these are read straight
/// from the driver's values by position; on PostgreSQL each cell by position with the client's binary decoders.
package protocol PositionalRow {
    func text(_ column: Int) throws -> String
    func optionalText(_ column: Int) throws -> String?
    func int(_ column: Int) throws -> Int
    func optionalInt(_ column: Int) throws -> Int?
    func uuid(_ column: Int) throws -> UUID
    func optionalUUID(_ column: Int) throws -> UUID?
    func optionalDate(_ column: Int) throws -> Date?
}

package struct UnreadableColumn: Error, CustomStringConvertible {
    let column: Int
    let expected: String
    package var description: String { "column \(column) of a result row is not \(expected)" }
}

package extension SQLDatabase {
    /// Runs `query` and reads each row by position with `read`.
    ///
    /// On SQLite the rows are read on the connection's own thread as SQLite steps through them. SQLiteNIO's
    /// `[SQLiteRow]` query hands each row to the event loop as its own task, and its `columns` builds every column
    /// (with its name) afresh on each access: at 50,000 rows those two cost more than SQLite itself.
    func rows<T: Sendable>(
        _ query: SQLQueryString, _ read: @escaping @Sendable (any PositionalRow) throws -> T
    )
        async throws -> [T]
    {
        if let sqlite = self as? any SQLiteDatabase {
            var serializer = SQLSerializer(database: self)
            query.serialize(to: &serializer)
            let encoder = SQLiteDataEncoder()
            let sql = serializer.sql
            let binds = try serializer.binds.map { try encoder.encode($0) }
            return try await sqlite.withConnection { connection in
                let reading = RowsRead<T>()
                try await connection.query(sql, binds) { row in reading.add { try read(SQLitePositionalRow(row: row)) }
                }
                return try reading.result()
            }
        }
        if let postgres = self as? any PostgresDatabase, let (sql, binds) = postgresQuery(query) {
            let logger = self.logger
            return try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    var values: [T] = []
                    let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
                    for try await row in rows { values.append(try read(PostgresPositionalRow(row.makeRandomAccess()))) }
                    return values
                }
            }.get()
        }
        return try await raw(query).all().map { try read(NamedPositionalRow(row: $0, names: $0.allColumns)) }
    }

    /// The query as PostgreSQL's client sends it, when every bound value is of a type it binds directly (ids, text,
    /// numbers, flags, times, or none); nil otherwise, and the query goes through SQLKit instead.
    private func postgresQuery(_ query: SQLQueryString) -> (String, PostgresBindings)? {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        var bindings = PostgresBindings(capacity: serializer.binds.count)
        for bind in serializer.binds {
            switch bind {
            case let value as UUID: bindings.append(value)
            case let value as String: bindings.append(value)
            case let value as Int: bindings.append(value)
            case let value as Bool: bindings.append(value)
            case let value as Double: bindings.append(value)
            case let value as Date: bindings.append(value)
            default:
                // A nil of any of those types binds as NULL; anything else is left to SQLKit.
                let mirror = Mirror(reflecting: bind)
                guard mirror.displayStyle == .optional, mirror.children.isEmpty else { return nil }
                bindings.appendNull()
            }
        }
        return (serializer.sql, bindings)
    }
}

/// What `rows` has read so far on the connection's thread: the values, or the first error (after which the remaining
/// rows are stepped through but not read). Only that thread touches it until the query has finished.
private final class RowsRead<T: Sendable>: @unchecked Sendable {
    private var values: [T] = []
    private var failure: (any Error)?

    func add(_ read: () throws -> T) {
        guard failure == nil else { return }
        do { values.append(try read()) } catch { failure = error }
    }

    func result() throws -> [T] {
        if let failure { throw failure }
        return values
    }
}

/// SQLite's values as the driver hands them, each row's columns taken once.
private struct SQLitePositionalRow: PositionalRow {
    /// The row's columns as the driver builds them (one array a row; its values are not copied out again).
    private let columns: [SQLiteColumn]

    init(row: SQLiteRow) { columns = row.columns }

    private func data(_ column: Int) -> SQLiteData { columns[column].data }

    func text(_ column: Int) throws -> String {
        guard let text = try optionalText(column) else { throw UnreadableColumn(column: column, expected: "text") }
        return text
    }

    func optionalText(_ column: Int) throws -> String? {
        switch data(column) {
        case .text(let text): text
        case .null: nil
        case .integer(let number): String(number)
        case .float(let number): String(number)
        case .blob(let bytes): String(buffer: bytes)
        }
    }

    func int(_ column: Int) throws -> Int {
        guard let number = try optionalInt(column) else { throw UnreadableColumn(column: column, expected: "a number") }
        return number
    }

    func optionalInt(_ column: Int) throws -> Int? {
        switch data(column) {
        case .integer(let number): Int(number)
        case .null: nil
        case .float(let number) where number == number.rounded(): Int(number)
        case .text(let text) where Int(text) != nil: Int(text)
        default: throw UnreadableColumn(column: column, expected: "a number")
        }
    }

    func uuid(_ column: Int) throws -> UUID {
        guard let id = try optionalUUID(column) else { throw UnreadableColumn(column: column, expected: "an id") }
        return id
    }

    func optionalUUID(_ column: Int) throws -> UUID? {
        switch data(column) {
        case .null: return nil
        case .text(let text):
            guard let id = UUID(hexText: text) else { throw UnreadableColumn(column: column, expected: "an id") }
            return id
        case .blob(let bytes) where bytes.readableBytes == 16:
            return bytes.withUnsafeReadableBytes { raw in
                UUID(
                    uuid: (
                        raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7], raw[8], raw[9], raw[10],
                        raw[11], raw[12], raw[13], raw[14], raw[15]
                    ))
            }
        default: throw UnreadableColumn(column: column, expected: "an id")
        }
    }

    func optionalDate(_ column: Int) throws -> Date? {
        let value = data(column)
        if case .null = value { return nil }
        guard let date = Date(sqliteData: value) else { throw UnreadableColumn(column: column, expected: "a date") }
        return date
    }
}

/// PostgreSQL's cells by position, each decoded by the client's own binary decoders (SQLKit's `Codable` decoding by
/// name took as long again as the client's reading of the rows). An id kept as text reads as an id.
private struct PostgresPositionalRow: PositionalRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRandomAccessRow) { self.row = row }

    private func cell(_ column: Int) -> PostgresCell { row[column] }

    func text(_ column: Int) throws -> String { try cell(column).decode(String.self) }
    func optionalText(_ column: Int) throws -> String? { try cell(column).decode(String?.self) }
    func int(_ column: Int) throws -> Int { try cell(column).decode(Int.self) }
    func optionalInt(_ column: Int) throws -> Int? { try cell(column).decode(Int?.self) }
    func uuid(_ column: Int) throws -> UUID {
        guard let id = try optionalUUID(column) else { throw UnreadableColumn(column: column, expected: "an id") }
        return id
    }
    func optionalUUID(_ column: Int) throws -> UUID? {
        let cell = cell(column)
        guard cell.bytes != nil else { return nil }
        if cell.dataType == .uuid { return try cell.decode(UUID.self) }
        guard let id = UUID(hexText: try cell.decode(String.self)) else {
            throw UnreadableColumn(column: column, expected: "an id")
        }
        return id
    }
    func optionalDate(_ column: Int) throws -> Date? { try cell(column).decode(Date?.self) }
}

/// Any other SQL database: each position's column by name, through SQLKit.
private struct NamedPositionalRow: PositionalRow {
    let row: any SQLRow
    let names: [String]

    func text(_ column: Int) throws -> String { try row.decode(column: names[column], as: String.self) }
    func optionalText(_ column: Int) throws -> String? { try row.decode(column: names[column], as: String?.self) }
    func int(_ column: Int) throws -> Int { try row.decode(column: names[column], as: Int.self) }
    func optionalInt(_ column: Int) throws -> Int? { try row.decode(column: names[column], as: Int?.self) }
    func uuid(_ column: Int) throws -> UUID { try row.decode(column: names[column], as: RowUUID.self).value }
    func optionalUUID(_ column: Int) throws -> UUID? {
        try row.decode(column: names[column], as: RowUUID?.self)?.value
    }
    func optionalDate(_ column: Int) throws -> Date? { try row.decode(column: names[column], as: Date?.self) }
}
