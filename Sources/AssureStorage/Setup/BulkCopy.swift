import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import SQLKit

/// Many rows written at once on the connection of the caller's transaction. On PostgreSQL, `COPY … FROM STDIN` (text
/// format): one statement streams every row, where multi-row inserts send a few hundred rows a statement, each with its
/// thousands of bound values to encode and parse. On SQLite, multi-row inserts handed to SQLite as they are: each
/// value bound as text straight from its column, not through SQLKit's serializer and its `Encodable` casts (a third of
/// a 10,000-project publication's ratings step). A publication's rows and ratings go this way.
package enum BulkCopy {
    /// Rows a statement on SQLite: 500 rows of six values stay far inside its limit on bound values.
    static let sqliteRowsPerStatement = 500

    /// Writes the rows, each given as its columns' text (nil for NULL), in chunks as `rows` yields them. The text is
    /// what the column keeps: SQLite's column affinity turns an integer's text into the integer, as COPY does.
    package static func copy(
        _ sql: SQLDatabase, into table: String, columns: [String],
        rows: @escaping @Sendable (_ send: @Sendable ([[String?]]) async throws -> Void) async throws -> Void
    ) async throws {
        if let sqlite = sql as? any SQLiteDatabase {
            try await rows { chunk in
                try await insert(sqlite, into: table, columns: columns, chunk)
            }
            return
        }
        guard let postgres = sql as? any PostgresDatabase else {
            preconditionFailure("BulkCopy.copy on \(sql.dialect.name): SQLite and PostgreSQL only")
        }
        let logger = sql.logger
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    try await rows { chunk in
                        var buffer = ByteBuffer()
                        for row in chunk { appendLine(row, to: &buffer) }
                        try await writer.write(buffer)
                    }
                }
            }
        }.get()
    }

    /// Rows inserted into SQLite a few hundred to a statement.
    private static func insert(
        _ sqlite: any SQLiteDatabase, into table: String, columns: [String], _ rows: [[String?]]
    ) async throws {
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = 0
        while start < rows.count {
            let end = min(start + sqliteRowsPerStatement, rows.count)
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * columns.count)
            for row in rows[start..<end] {
                precondition(
                    row.count == columns.count, "BulkCopy: a row of \(row.count) values for \(columns.count) columns")
                for value in row { binds.append(value.map(SQLiteData.text) ?? .null) }
            }
            let values = Array(repeating: tuple, count: end - start).joined(separator: ", ")
            try await sqlite.query("INSERT INTO \"\(table)\" (\(names)) VALUES \(values)", binds) { _ in }
            start = end
        }
    }

    /// One row in COPY's text format: columns separated by tabs, NULL as `\N`, and backslash, tab, newline and
    /// carriage return escaped.
    static func appendLine(_ row: [String?], to buffer: inout ByteBuffer) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
            guard let value else {
                buffer.writeStaticString("\\N")
                continue
            }
            var plain = true
            for byte in value.utf8 where byte == UInt8(ascii: "\\") || byte == 9 || byte == 10 || byte == 13 {
                plain = false
                break
            }
            if plain {
                buffer.writeString(value)
                continue
            }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 9: buffer.writeStaticString("\\t")
                case 10: buffer.writeStaticString("\\n")
                case 13: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }
}
