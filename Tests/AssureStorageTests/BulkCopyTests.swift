import AssureTestSupport
import Fluent
import Foundation
import SQLKit
import Testing

@testable import AssureStorage

/// A publication's rows and ratings are copied to PostgreSQL with `COPY … FROM STDIN`, whose text format gives tabs,
/// line ends, backslashes and `\N` a meaning of their own.
@Suite("Rows copied in bulk to PostgreSQL")
struct BulkCopyTests {
    @Test(
        "Given text with every character COPY treats specially, when copied, then each value reads back as it was",
        arguments: Backend.all.filter { $0 == .postgres })
    func hostileText(backend: Backend) async throws {
        try await withStorage(backend) { db in
            let sql = try #require(db as? SQLDatabase)
            #expect(BulkCopy.canCopy(sql))
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

    @Test("SQLite does not copy: its rows are inserted")
    func sqliteInserts() async throws {
        try await withStorage(.sqlite) { db in
            let sql = try #require(db as? SQLDatabase)
            #expect(!BulkCopy.canCopy(sql))
        }
    }
}
