import Foundation

/// A text field as a browser sends it: a field left out of the form reads as empty, as an empty field does. Decoding
/// anything but text is refused, so a draft never silently takes a default for a value it could not read.
@propertyWrapper
public struct FormText: Codable, Hashable, Sendable {
    public var wrappedValue: String

    public init(wrappedValue: String = "") { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// An absent `FormText` field is empty (the synthesised decoding of a draft calls this for each such field).
    public func decode(_ type: FormText.Type, forKey key: Key) throws -> FormText {
        try decodeIfPresent(type, forKey: key) ?? FormText()
    }
}

/// Lines of a text area, each trimmed, blank ones left out: members of a committee, resolutions.
public func nonBlankLines(_ text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// The version a form was opened at (a hidden field), or `missing` when the form did not carry one.
public func formVersion(_ text: String?, missing: Int) -> Int { Int(text ?? "") ?? missing }

/// A form's field by its name, for drafts whose fields are named by data (`rating-<criterion>`, `on-<check>`).
struct FormFieldKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
