import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit

/// A result row read by column position. The hot reads (a period's returns and milestones, its projects, the published
/// rows) take thousands of rows a request; SQLKit's `Codable` row decoding finds each column by name through a keyed
/// container and a dynamic cast, which cost several times the query itself on SQLite. On SQLite these are read straight
/// from the driver's values by position; on PostgreSQL through SQLKit by name (its client is the slower part there).
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
    func rows<T>(_ query: SQLQueryString, _ read: (any PositionalRow) throws -> T) async throws -> [T] {
        if let sqlite = self as? any SQLiteDatabase {
            var serializer = SQLSerializer(database: self)
            query.serialize(to: &serializer)
            let encoder = SQLiteDataEncoder()
            let binds = try serializer.binds.map { try encoder.encode($0) }
            return try await sqlite.query(serializer.sql, binds).map { try read(SQLitePositionalRow(row: $0)) }
        }
        return try await raw(query).all().map { try read(NamedPositionalRow(row: $0, names: $0.allColumns)) }
    }
}

/// SQLite's values as the driver hands them.
private struct SQLitePositionalRow: PositionalRow {
    let row: SQLiteRow

    private func data(_ column: Int) -> SQLiteData { row.columns[column].data }

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
