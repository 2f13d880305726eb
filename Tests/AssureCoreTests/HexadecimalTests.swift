import AssureCore
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
