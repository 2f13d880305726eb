import Foundation

/// Text files as Excel and Word save them: UTF-8 with or without a byte-order mark, UTF-16 with one, or
/// Windows-1252 (Excel's "CSV" on Windows), recognised because it is not valid UTF-8.
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", utf16 = "UTF-16", windows1252 = "Windows-1252" }

    public static func decode(_ data: Data) -> (text: String, encoding: Encoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                let pair =
                    littleEndian
                    ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                    : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                units.append(pair)
                index += 2
            }
            return (String(decoding: units, as: UTF16.self), .utf16)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return (windows1252(bytes), .windows1252)
    }

    /// 0x80–0x9F are Windows-1252's own (curly quotes, dashes, €); the rest is Latin-1.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let scalar = Unicode.Scalar(upperHalf[Int(byte) - 0x80]) {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let upperHalf: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
        0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD,
        0x017E, 0x0178,
    ]
}
