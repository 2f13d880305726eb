/// Writes JSON text as `JSONEncoder` with `.sortedKeys` writes it, byte for byte, for a writer that gives each object's
/// fields in sorted order itself: publishing 100,000 rows spent a third of its time in `JSONEncoder`'s containers.
public struct JSONTextWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next field or element is its container's first (no comma before it).
    private var first = true

    /// `capacity`: the bytes expected, so that a row's text is not copied as it grows.
    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }

    public mutating func object(_ body: (inout JSONTextWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        first = true
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    public mutating func array<S: Sequence>(_ elements: S, _ write: (inout JSONTextWriter, S.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        first = true
        for element in elements {
            separate()
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// A field of the object being written; fields must come in sorted order.
    public mutating func field(_ key: StaticString, _ value: (inout JSONTextWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        value(&self)
    }

    /// A field left out when nil, as `Codable` leaves out an optional.
    public mutating func field<T>(_ key: StaticString, _ value: T?, _ write: (inout JSONTextWriter, T) -> Void) {
        guard let value else { return }
        field(key) { write(&$0, value) }
    }

    public mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    public mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    /// A string escaped as `JSONEncoder` escapes it: quote, backslash and slash, and control characters. Most strings
    /// need none of it and are copied whole.
    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        if value.utf8.contains(where: Self.needsEscape) {
            for byte in value.utf8 { escaped(byte) }
        } else {
            bytes.append(contentsOf: value.utf8)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/")
    }

    private mutating func escaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
            bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
        case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        default: bytes.append(byte)
        }
    }
}
