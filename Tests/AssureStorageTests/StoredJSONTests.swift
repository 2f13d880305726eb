import AssureApp
import AssureDemo
import AssureStorage
import AssureTestSupport
import Foundation
import SQLKit
import Testing

@testable import AssureCore

/// Published rows are read from their stored JSON by a hand-written reader (`ProjectRow(storedJSON:)`), several times
/// faster than `JSONDecoder`. It must read every row exactly as `JSONDecoder` reads it.
@Suite("Published rows read from their stored JSON")
struct StoredJSONTests {
    @Test(
        "Given every row the demo and a generated portfolio publish, when read by hand, then each equals JSONDecoder's reading",
        arguments: Backend.all)
    func sameAsJSONDecoder(backend: Backend) async throws {
        try await withStorage(backend) { db in
            // given the demo (sub-items, off-scale ratings, unreadable dates, carried-forward returns) and a generated
            // portfolio (slips, missing returns), published
            try await DemoLoader.load(db, cost: testBcryptCost)
            try await SyntheticLoader.load(
                db, SyntheticPortfolio(projects: 30, milestonesPerProject: 3, periods: 3, seed: 3))
            let sql = try #require(db as? SQLDatabase)
            struct Stored: Decodable { let row_json: String }
            let stored = try await sql.raw("SELECT row_json FROM published_rows").all(decoding: Stored.self)
            #expect(stored.count > 150)
            // when each is read by hand, then it is what JSONDecoder reads, and nothing fell back to it
            var kinds = Set<String>()
            for text in stored.map(\.row_json) {
                let expected = try Reports.decoder.decode(ProjectRow.self, from: Data(text.utf8))
                #expect(try ProjectRow(storedJSON: text) == expected)
                // and written by hand, it is the text JSONEncoder writes, byte for byte
                #expect(expected.storedJSON == String(decoding: try Reports.encoder.encode(expected), as: UTF8.self))
                for milestone in expected.milestones {
                    kinds.insert(String(describing: milestone.date.reading).prefix(5).description)
                }
                if expected.carriedForward != nil { kinds.insert("carried") }
                if !expected.flags.isEmpty { kinds.insert("flags") }
            }
            // and the rows held every shape the reader must know
            #expect(kinds.isSuperset(of: ["date(", "notAD", "blank", "flags"]), "\(kinds)")
        }
    }

    @Test(
        "Text with quotes, escapes, controls and characters beyond the BMP is written as JSONEncoder writes it and reads back"
    )
    func escapes() throws {
        let texts = [
            "plain", "“curly” & <angle> / slash \\ back", "line\nbreak\ttab\r", "\u{0}\u{1}\u{1F}\u{7F}",
            "emoji 🏥 and 𝔘 beyond the BMP", "\u{2028}\u{2029} separators", "", "é 漢字 \"quoted\"",
        ]
        for text in texts {
            let row = Self.row(title: text, update: text + text)
            let json = String(decoding: try Reports.encoder.encode(row), as: UTF8.self)
            #expect(try ProjectRow(storedJSON: json) == row, "\(text.debugDescription)")
            #expect(row.storedJSON == json, "\(text.debugDescription) written by hand")
        }
        // and a string escaped as \u pairs, as another writer might, reads the same
        let escaped = #"{"code":"x","label":"\ud83c\udfe5 \u00e9\/","rank":1,"meaning":""}"#
        let level = try JSONPullReader.read(escaped) { try RatingLevel(&$0) }
        #expect(level.label == "🏥 é/")
    }

    @Test("What the reader does not take is refused, so the row is read by JSONDecoder instead")
    func refusals() throws {
        let json = String(decoding: try Reports.encoder.encode(Self.row(title: "T", update: "U")), as: UTF8.self)
        // a fraction where an integer belongs, a document cut short, a missing field, text after the end
        for bad in [
            json.replacingOccurrences(of: #""rank":2"#, with: #""rank":2.5"#), String(json.dropLast()),
            json.replacingOccurrences(of: #""hasReturn":true,"#, with: ""), json + "x",
        ] {
            #expect(throws: (any Error).self) { try ProjectRow(storedJSON: bad) }
        }
        // an unknown key is ignored, as JSONDecoder ignores it
        let extra = json.replacingOccurrences(of: #"{"children""#, with: #"{"added":{"a":[1,null,true]},"children""#)
        #expect(try ProjectRow(storedJSON: extra) == Reports.decoder.decode(ProjectRow.self, from: Data(extra.utf8)))
    }

    private static func row(title: String, update: String) -> ProjectRow {
        let amber = RatingLevel(code: "amber", label: "Amber", rank: 2, meaning: "Potential to miss target")
        return ProjectRow(
            project: ProjectInfo(id: UUID(), programmeID: UUID(), reference: "R1", title: title, sro: "S"),
            itemLabel: nil, hasReturn: true, reportedRating: RecordedRating(written: "Amber", level: amber),
            effective: amber, trend: TrendCell(derived: .new, reported: nil), update: update, mitigation: title,
            milestones: [
                MilestoneRow(title: title, date: DateText("Mar-17"), rating: nil),
                MilestoneRow(title: "unread", date: DateText("when ready"), rating: nil),
            ],
            children: [], flags: [Flag(.noSRO, title)], submittedBy: nil,
            carriedForward: CarriedForward(fromKey: "2016-09", periods: 2))
    }
}
