import AssureCore
import Foundation
import Testing

@Suite("The audit log read as changes")
struct AuditChangeTests {
    @Test("Only the fields that moved are listed, in key order, with dates as a person writes them")
    func changedFields() {
        // given a return's rating and update changed, its version unchanged, and a date stored as its parts
        let before = #"{"rating":"Green","update":"On track.","version":3,"due":{"year":2016,"month":11,"day":4}}"#
        let after = #"{"rating":"Amber","update":"Delayed.","version":3,"due":{"year":2016,"month":12,"day":2}}"#
        // when read
        let changes = AuditChange.changes(before: before, after: after)
        // then
        #expect(
            changes == [
                AuditChange(field: "due", before: "4 Nov 2016", after: "2 Dec 2016"),
                AuditChange(field: "rating", before: "Green", after: "Amber"),
                AuditChange(field: "update", before: "On track.", after: "Delayed."),
            ])
    }

    @Test("A creation lists what was set; flags, lists and empty values read as words; long values are cut")
    func creation() {
        let after =
            #"{"disabled":false,"programmes":["Maternity","Mental Health"],"note":null,"text":"\#(String(repeating: "x", count: 300))"}"#
        let changes = AuditChange.changes(before: nil, after: after)
        #expect(changes.map(\.field) == ["disabled", "note", "programmes", "text"])
        #expect(
            changes.map(\.after) == [
                "no", "none", "Maternity, Mental Health", String(repeating: "x", count: 160) + "…",
            ])
        #expect(changes.allSatisfy { $0.before == nil })
    }

    @Test("Text that is not JSON is shown as written; identical values show no change")
    func notJSON() {
        #expect(
            AuditChange.changes(before: "old words", after: "new words") == [
                AuditChange(field: "value", before: "old words", after: "new words")
            ])
        #expect(AuditChange.changes(before: #"{"a":1}"#, after: #"{"a":1}"#).isEmpty)
    }
}
