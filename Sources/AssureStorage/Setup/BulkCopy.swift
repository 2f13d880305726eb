import FluentPostgresDriver
import Foundation
import NIOCore
import SQLKit

/// Many rows written to PostgreSQL with `COPY … FROM STDIN` (text format) on the connection of the caller's
/// transaction: one statement streams every row, where multi-row inserts send a few hundred rows a statement, each with
/// its thousands of bound values to encode and parse. A publication's rows and ratings go this way on PostgreSQL.
package enum BulkCopy {
    /// Whether `sql` is PostgreSQL, which can copy.
    package static func canCopy(_ sql: SQLDatabase) -> Bool { sql is any PostgresDatabase }

    /// Streams the rows, each given as its columns' text (nil for NULL), in chunks as `rows` yields them.
    package static func copy(
        _ sql: SQLDatabase, into table: String, columns: [String],
        rows: @escaping @Sendable (_ send: @Sendable ([[String?]]) async throws -> Void) async throws -> Void
    ) async throws {
        guard let postgres = sql as? any PostgresDatabase else {
            preconditionFailure("BulkCopy.copy on \(sql.dialect.name): check canCopy first")
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
