import Foundation

public extension UUID {
    /// The same text as `uuidString` (upper case, 8-4-4-4-12), written without `snprintf`, which Foundation's getter
    /// calls: publishing 10,000 projects writes some 90,000 ids as text (rows, their JSON, ratings), and `snprintf`
    /// was a twentieth of it.
    var upperText: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                let digits: StaticString = "0123456789ABCDEF"
                let hex = digits.utf8Start
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        out[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    out[position] = hex[Int(bytes[index] >> 4)]
                    out[position + 1] = hex[Int(bytes[index] & 0x0f)]
                    position += 2
                }
                return position
            }
        }
    }
}
