import OpenAPIKit

/// What a type's `Decodable` conformance cannot say about a property: its format, its choices, its bounds, and what
/// it means. Kept beside the type (or, for another module's types, in `OutputSchemas`), keyed by property name; the
/// recorder refuses a key that is not a property, so a renamed property cannot leave its refinement behind.
struct Refinement: Sendable {
    var description: String? = nil
    var format: JSONTypeFormat.StringFormat? = nil
    var choices: [String]? = nil
    var minLength: Int? = nil
    var maxLength: Int? = nil
    var pattern: String? = nil
    var minimum: (value: Double, exclusive: Bool)? = nil
    var maximum: Double? = nil
    var minItems: Int? = nil
    var maxItems: Int? = nil
    /// For an array, its items; for a map, its values.
    var elements: [Refinement] = []

    static let date = Refinement(description: "ISO 8601, e.g. 2017-03-31", format: .date)
    static let dateTime = Refinement(format: .dateTime)
    static func described(_ text: String) -> Refinement { Refinement(description: text) }
    static func oneOf(_ choices: [String]) -> Refinement { Refinement(choices: choices) }
    /// The words the API's `choice` reads for an enumeration: all its raw values.
    static func oneOf<Choice: CaseIterable & RawRepresentable>(_ type: Choice.Type) -> Refinement
    where Choice.RawValue == String { oneOf(type.allCases.map(\.rawValue)) }
    static func length(_ range: ClosedRange<Int>) -> Refinement {
        Refinement(minLength: range.lowerBound, maxLength: range.upperBound)
    }
    /// Text that may not be blank. Lengths beyond the body's limit (413) are not stated where no server keeps one.
    static let required = Refinement(minLength: 1)
    static func each(_ element: Refinement) -> Refinement { Refinement(elements: [element]) }

    func described(_ text: String) -> Refinement {
        var refined = self
        refined.description = text
        return refined
    }

    /// The schema read off the type, refined. The schema is always a plain one (required, not nullable): the recorder
    /// applies optionality after this.
    func apply(to schema: JSONSchema) -> JSONSchema {
        var refined: JSONSchema
        switch schema.value {
        case .string(let core, _):
            refined = .string(
                format: format ?? core.format, minLength: minLength, maxLength: maxLength, pattern: pattern,
                allowedValues: choices?.map { AnyCodable($0) })
        case .integer:
            refined = .integer(
                maximum: maximum.map { (Int($0), exclusive: false) },
                minimum: minimum.map { (Int($0.value), exclusive: $0.exclusive) })
        case .number:
            refined = .number(
                maximum: maximum.map { ($0, exclusive: false) }, minimum: minimum.map { ($0.value, $0.exclusive) })
        case .array(_, let array):
            refined = .array(
                minItems: minItems, maxItems: maxItems,
                items: array.items.map { items in elements.first?.apply(to: items) ?? items })
        case .object(_, let object):
            if case .b(let values)? = object.additionalProperties, let element = elements.first {
                refined = .object(additionalProperties: .b(element.apply(to: values)))
            } else {
                refined = schema
            }
        default:
            refined = schema
        }
        if let description { refined = refined.with(description: description) }
        return refined
    }
}

/// A type whose properties have refinements.
protocol SchemaRefined {
    static var refinements: [String: Refinement] { get }
}
