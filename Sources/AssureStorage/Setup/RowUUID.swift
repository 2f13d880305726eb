import Foundation

/// A UUID column read as its text. Foundation on Linux parses `UUID(uuidString:)` with sscanf, which was a quarter of
/// the time spent reading a large period's rows; SQLite keeps UUIDs as text and PostgreSQL hands them over as text on
/// request, so both come through this one parser.
package struct RowUUID: Decodable, Hashable, Sendable {
    package let value: UUID

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = UUID(hexText: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not a UUID")
        }
        self.value = value
    }
}

package extension UUID {
    /// Reads the 8-4-4-4-12 hexadecimal form, in either case. Every id of every row read goes through here, so it
    /// reads the text's bytes in place into the 16 bytes, with no array or other allocation.
    init?(hexText text: String) {
        var text = text
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let read = text.withUTF8 { utf8 in
            withUnsafeMutableBytes(of: &bytes) { out in
                let dash = UInt8(ascii: "-")
                guard utf8.count == 36, utf8[8] == dash, utf8[13] == dash, utf8[18] == dash, utf8[23] == dash else {
                    return false
                }
                var position = 0
                for index in 0..<16 {
                    if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
                    guard let high = Self.nibble(utf8[position]), let low = Self.nibble(utf8[position + 1]) else {
                        return false
                    }
                    out[index] = high << 4 | low
                    position += 2
                }
                return true
            }
        }
        guard read else { return nil }
        self.init(uuid: bytes)
    }

    private static func nibble(_ unit: UInt8) -> UInt8? {
        switch unit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): unit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): unit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): unit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
