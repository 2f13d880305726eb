import AssureCore
import Foundation
import Testing

@Suite("Bytes as hexadecimal")
struct HexadecimalTests {
    @Test("Two lower-case digits a byte, leading zeros kept, as String(format: \"%02x\") wrote them")
    func twoDigitsAByte() {
        let bytes: [UInt8] = [0x00, 0x0f, 0xa5, 0xff, 0x10]
        #expect(bytes.hexadecimal == "000fa5ff10")
        #expect([UInt8]().hexadecimal == "")
        let every = (0...255).map { UInt8($0) }
        #expect(
            every.hexadecimal
                == every.map { byte in
                    String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
                }.joined())
    }
}

@Suite("Ids written as text")
struct UUIDTextTests {
    @Test("An id's text is Foundation's, character for character, for every byte value in every position")
    func sameAsFoundation() {
        var ids = [
            UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
            UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)),
        ]
        for byte in 0...255 {
            let bytes = (0..<16).map { UInt8(truncatingIfNeeded: byte + $0) }
            ids.append(NSUUID(uuidBytes: bytes) as UUID)
        }
        ids += (0..<1000).map { _ in UUID() }
        for id in ids { #expect(id.upperText == id.uuidString) }
    }
}
