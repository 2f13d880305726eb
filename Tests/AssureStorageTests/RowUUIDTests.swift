import AssureApp
import Foundation
import Testing

@testable import AssureStorage

@Suite("UUID columns read from their text")
struct RowUUIDTests {
    @Test("Any UUID's text, in either case, reads back as Foundation reads it")
    func roundTrip() {
        for _ in 0..<1_000 {
            let id = UUID()
            #expect(UUID(hexText: id.uuidString) == id)
            #expect(UUID(hexText: id.uuidString.lowercased()) == id)
        }
        // and a dash where a digit belongs is refused (Foundation's own reader takes this one as "…E9F8")
        #expect(UUID(hexText: "EBDD885D-C479-48A1-8DC5-ADA5D572E9-8") == nil)
    }

    @Test(
        "Text that is not a UUID is refused",
        arguments: [
            "", "not-a-uuid", "EBDD885D-C479-48A1-8DC5-ADA5D572E94", "EBDD885D-C479-48A1-8DC5-ADA5D572E9488",
            "EBDD885DC479-48A1-8DC5-ADA5D572E948-", "EBDD885D-C479-48A1-8DC5-ADA5D572E94G",
            "EBDD885D-C479-48A1-8DC5+ADA5D572E948", "-EBDD885DC479-48A1-8DC5-ADA5D572E948",
            "EBDD885D-C479-48A1-8DC5-ADA5D572É48",
        ])
    func refused(text: String) {
        #expect(UUID(hexText: text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }
}
