import AssureCore
import Foundation
import Testing

@Suite("Ids made from the system's secure generator")
struct RandomUUIDTests {
    @Test("Given 100,000 new ids, each is a version 4 RFC 4122 UUID, all differ, and each reads back from its text")
    func versionFour() {
        var seen = Set<UUID>()
        for _ in 0..<100_000 {
            let id = UUID.random()
            let text = id.uuidString
            // version nibble 4; variant 10xx (8, 9, A or B)
            #expect(text[text.index(text.startIndex, offsetBy: 14)] == "4")
            #expect("89AB".contains(text[text.index(text.startIndex, offsetBy: 19)]))
            #expect(UUID(uuidString: text) == id)
            seen.insert(id)
        }
        #expect(seen.count == 100_000)
    }

    @Test("The 122 random bits are not stuck: each bit position is set in some ids and clear in others")
    func bitsVary() {
        var ones = [Int](repeating: 0, count: 128)
        let count = 2_000
        for _ in 0..<count {
            withUnsafeBytes(of: UUID.random().uuid) { raw in
                for bit in 0..<128 where raw[bit / 8] & (1 << (7 - bit % 8)) != 0 { ones[bit] += 1 }
            }
        }
        let fixed: Set<Int> = [48, 49, 50, 51, 64, 65]  // the version's four bits and the variant's two
        for bit in 0..<128 where !fixed.contains(bit) {
            #expect((count / 4...count * 3 / 4).contains(ones[bit]), "bit \(bit) set in \(ones[bit]) of \(count)")
        }
        #expect(fixed.allSatisfy { [0, count].contains(ones[$0]) })
    }
}
