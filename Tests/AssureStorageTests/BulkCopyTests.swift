import AssureTestSupport
import Fluent
import Foundation
import SQLKit
import Testing

@testable import AssureStorage

/// A publication's rows and ratings are copied to PostgreSQL with `COPY … FROM STDIN`, whose text format gives tabs,
/// line ends, backslashes and `\N` a meaning of their own, and to SQLite as multi-row inserts bound by hand.
@Suite("Rows copied in bulk")
struct BulkCopyTests {
    @Test(
        "Given text with every character COPY treats specially, when copied, then each value reads back as it was",
        arguments: Backend.all)
    func hostileText(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let sql = try #require(db as? SQLDatabase)
            try await sql.raw("CREATE TABLE copy_probe (n BIGINT NOT NULL, body TEXT)").run()
            // given values with tabs, line ends, backslashes, the text of a NULL, nothing, and NULL itself
            let values: [String?] = [
                "plain", "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash", "\\N", "", nil,
                "\\.", "quote \" and ' and 🏥 beyond the BMP", "end with backslash \\", "{\"json\":\"a\\nb\"}",
            ]
            // when copied, in two chunks as a publication sends them
            try await BulkCopy.copy(sql, into: "copy_probe", columns: ["n", "body"]) { send in
                let rows = values.enumerated().map { [String($0.offset), $0.element] }
                try await send(Array(rows.prefix(5)))
                try await send(Array(rows.dropFirst(5)))
            }
            // then every value reads back exactly, NULL as NULL and "\N" as text
            let read = try await sql.rows("SELECT n, body FROM copy_probe ORDER BY n") {
                (try $0.int(0), try $0.optionalText(1))
            }
            #expect(read.map(\.0) == Array(values.indices))
            #expect(read.map(\.1) == values)
        }
    }

    @Test(
        "Given more rows than one statement takes, when copied in uneven chunks, then every row is written once, in order, numbers as numbers",
        arguments: Backend.all)
    func manyRows(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let sql = try #require(db as? SQLDatabase)
            try await sql.raw("CREATE TABLE copy_probe (n BIGINT NOT NULL, body TEXT)").run()
            let count = BulkCopy.sqliteRowsPerStatement * 2 + 7
            // when copied in chunks of 1, 700 and the rest
            try await BulkCopy.copy(sql, into: "copy_probe", columns: ["n", "body"]) { send in
                let rows = (0..<count).map { [String($0), $0 % 3 == 0 ? nil : "row \($0)"] }
                try await send(Array(rows.prefix(1)))
                try await send(Array(rows[1..<701]))
                try await send(Array(rows[701...]))
            }
            // then each row reads back once; the numbers compare as numbers (SQLite's affinity took the text)
            let read = try await sql.rows("SELECT n, body FROM copy_probe WHERE n >= 0 ORDER BY n") {
                (try $0.int(0), try $0.optionalText(1))
            }
            #expect(read.map(\.0) == Array(0..<count))
            #expect(read.map(\.1) == (0..<count).map { $0 % 3 == 0 ? nil : "row \($0)" })
            let over = try await sql.rows("SELECT COUNT(*) FROM copy_probe WHERE n > 1000") { try $0.int(0) }
            #expect(over == [count - 1001])
        }
    }
}
