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
    /// Reads the 8-4-4-4-12 hexadecimal form, in either case.
    init?(hexText text: String) {
        var bytes = [UInt8](repeating: 0, count: 16)
        var index = 0, high: UInt8? = nil, position = 0
        for unit in text.utf8 {
            defer { position += 1 }
            if unit == UInt8(ascii: "-") {
                switch position {
                case 8, 13, 18, 23: continue
                default: return nil
                }
            }
            let nibble: UInt8
            switch unit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = unit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = unit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = unit - UInt8(ascii: "A") + 10
            default: return nil
            }
            guard index < 16 else { return nil }
            if let first = high {
                bytes[index] = first << 4 | nibble
                index += 1
                high = nil
            } else {
                high = nibble
            }
        }
        guard index == 16, high == nil, position == 36 else { return nil }
        self.init(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
