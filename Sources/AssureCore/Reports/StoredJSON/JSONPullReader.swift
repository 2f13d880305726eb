/// Reads JSON text value by value, as a hand-written decoder asks for it, building nothing in between.
///
/// Foundation's `JSONDecoder` goes through keyed containers, a coding path and generic metadata for every field: a
/// published row (about 1.7 KB) took 60 µs, and reading two periods of 100,000 projects spent most of its 20 s there.
/// Only what Assure writes needs reading: objects, arrays, strings, integers, booleans and null. Anything else (a
/// fraction, an exponent) is refused, and the caller falls back to `JSONDecoder`.
public struct JSONPullReader {
    public struct Unreadable: Error, CustomStringConvertible {
        public let offset: Int
        public let expected: String
        public var description: String { "stored JSON: expected \(expected) at byte \(offset)" }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Reads a whole document with `read`, which must take exactly one value.
    public static func read<T>(_ text: String, _ read: (inout JSONPullReader) throws -> T) throws -> T {
        var text = text
        return try text.withUTF8 { buffer in
            var reader = JSONPullReader(buffer)
            let value = try read(&reader)
            reader.skipWhitespace()
            guard reader.index == buffer.count else { throw reader.unreadable("the end") }
            return value
        }
    }

    private func unreadable(_ expected: String) -> Unreadable { Unreadable(offset: index, expected: expected) }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func peek() throws -> UInt8 {
        skipWhitespace()
        guard index < bytes.count else { throw unreadable("a value") }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8, _ name: String) throws {
        guard try peek() == byte else { throw unreadable(name) }
        index += 1
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw unreadable("\(word)") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw unreadable("\(word)") }
        index += count
    }

    /// An object: `field` is called with each key and must read that key's value.
    public mutating func object(_ field: (inout JSONPullReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"), "{")
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"), ":")
            try field(&self, key)
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw unreadable(", or }")
            }
        }
    }

    /// An array: `element` is called for each element and must read it.
    public mutating func array(_ element: (inout JSONPullReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["), "[")
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try element(&self)
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw unreadable(", or ]")
            }
        }
    }

    /// Whether the next value is null; if it is, it is read.
    public mutating func null() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// `read`'s value, or nil for null.
    public mutating func optional<T>(_ read: (inout JSONPullReader) throws -> T) throws -> T? {
        try null() ? nil : try read(&self)
    }

    public mutating func bool() throws -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        default: throw unreadable("true or false")
        }
    }

    /// An integer (a fraction or an exponent is refused).
    public mutating func int() throws -> Int {
        _ = try peek()
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var value = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAgain) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
            guard !overflow, !overflowAgain else { throw unreadable("a smaller integer") }
            value = sum
            index += 1
        }
        guard index > start else { throw unreadable("an integer") }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw unreadable("an integer")
        }
        return negative ? -value : value
    }

    public mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""), "a string")
        let start = index
        // Most strings have no escape: taken whole from the text.
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            case UInt8(ascii: "\\"):
                return try escapedString(from: start)
            default: index += 1
            }
        }
        throw unreadable("the end of a string")
    }

    private mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw unreadable("an escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape())
                default: throw unreadable("an escape")
                }
            default: utf8.append(byte)
            }
        }
        throw unreadable("the end of a string")
    }

    /// The scalar of `\uXXXX` (the `\u` read), with a surrogate pair's second half, as UTF-8.
    private mutating func unicodeEscape() throws -> [UInt8] {
        let first = try hex4()
        var scalar: Unicode.Scalar?
        if (0xD800..<0xDC00).contains(first) {
            guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw unreadable("the second half of a surrogate pair") }
            index += 2
            let second = try hex4()
            guard (0xDC00..<0xE000).contains(second) else { throw unreadable("a low surrogate") }
            scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        } else {
            scalar = Unicode.Scalar(first)
        }
        guard let scalar else { throw unreadable("a Unicode scalar") }
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw unreadable("four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexValue(bytes[index]) else { throw unreadable("a hex digit") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Reads and drops one value of any kind: a key the reader does not know, as `JSONDecoder` ignores it.
    public mutating func skip() throws {
        switch try peek() {
        case UInt8(ascii: "{"): try object { reader, _ in try reader.skip() }
        case UInt8(ascii: "["): try array { try $0.skip() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try int()
        }
    }
}
