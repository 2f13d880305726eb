import Foundation
import OpenAPIKit

/// Reads a JSON Schema off a type's own `Decodable` conformance, so the document cannot drift from what the API reads
/// and writes. It decodes the type from a `Decoder` that has no data: each property the synthesised `init(from:)`
/// asks for is recorded with its type, as required (`decode`) or optional (`decodeIfPresent`, which Swift uses for an
/// optional property, and which it leaves out when encoding nil). Leaves (text, numbers, ids, choices, lists and maps)
/// answer a placeholder value and their schema; a type named in `names` becomes a `$ref` to its component.
struct SchemaRecorder {
    /// An answer leaves an optional property out; a request may also send it as null, which Swift reads as absent, so
    /// the schema says so rather than have a client's null refused by one reader and taken by another.
    enum Use { case answer, request }

    enum Failure: Error, CustomStringConvertible {
        case unknownRefinements(type: String, keys: [String])
        case unsupported(type: String, what: String)

        var description: String {
            switch self {
            case .unknownRefinements(let type, let keys):
                "\(type) refines \(keys.joined(separator: ", ")), which it does not have"
            case .unsupported(let type, let what): "\(type): \(what) cannot be read off its Decodable conformance"
            }
        }
    }

    let names: [ObjectIdentifier: String]

    /// The schema of a component: the type itself, never a reference to it.
    func component(_ type: any Decodable.Type, use: Use) throws -> JSONSchema {
        try Walk(names: names, use: use).schema(type, inline: true)
    }
}

/// A type that answers its own placeholder and schema rather than being decoded property by property.
protocol SchemaLeaf {
    static func leaf(_ walk: SchemaRecorder.Walk) throws -> (value: Self, schema: JSONSchema)
}

extension SchemaRecorder {
    final class Walk {
        let names: [ObjectIdentifier: String]
        let use: Use

        init(names: [ObjectIdentifier: String], use: Use) {
            self.names = names
            self.use = use
        }

        func schema(_ type: any Decodable.Type, inline: Bool = false) throws -> JSONSchema {
            try walk(type, inline: inline).schema
        }

        /// A placeholder of the type, and its schema.
        func walk<T: Decodable>(_ type: T.Type, inline: Bool = false) throws -> (value: T, schema: JSONSchema) {
            if let leaf = T.self as? any SchemaLeaf.Type {
                let (value, schema) = try leaf.leaf(self)
                return (value as! T, schema)
            }
            let object = Object(type: T.self)
            let value = try T(from: Recording(walk: self, object: object))
            if !inline, let name = names[ObjectIdentifier(T.self)] {
                return (value, .reference(.component(named: name)))
            }
            return (value, try object.schema(use: use))
        }
    }

    /// The properties one type asked for, in the order it asked.
    final class Object {
        let type: Any.Type
        var properties: [(key: String, schema: JSONSchema, required: Bool)] = []

        init(type: Any.Type) { self.type = type }

        func schema(use: Use) throws -> JSONSchema {
            let refinements = (type as? any SchemaRefined.Type)?.refinements ?? [:]
            let unknown = Set(refinements.keys).subtracting(properties.map(\.key))
            guard unknown.isEmpty else {
                throw Failure.unknownRefinements(type: String(describing: type), keys: unknown.sorted())
            }
            var shaped = OrderedDictionary<String, JSONSchema>()
            for property in properties {
                var schema = refinements[property.key]?.apply(to: property.schema) ?? property.schema
                if !property.required {
                    if use == .request { schema = Self.nullable(schema) }
                    schema = schema.optionalSchemaObject()
                }
                shaped[property.key] = schema
            }
            return .object(properties: shaped)
        }

        static func nullable(_ schema: JSONSchema) -> JSONSchema {
            switch schema.value {
            case .reference, .any, .one, .all: return .any(of: [schema, .null()])
            default:
                let nullable = schema.nullableSchemaObject()
                guard let values = schema.allowedValues else { return nullable }
                return nullable.with(allowedValues: values + [AnyCodable(Optional<String>.none)])
            }
        }
    }

    /// A decoder with no data, recording what is asked of it.
    struct Recording: Decoder {
        let walk: Walk
        let object: Object
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Keyed<Key>(walk: walk, object: object))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw Failure.unsupported(type: String(describing: object.type), what: "a custom list decoding")
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            throw Failure.unsupported(type: String(describing: object.type), what: "a custom single-value decoding")
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let walk: Walk
        let object: Object
        var codingPath: [any CodingKey] = []
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }

        private func record<T: Decodable>(_ type: T.Type, _ key: Key, required: Bool) throws -> T {
            let (value, schema) = try walk.walk(type)
            object.properties.append((key.stringValue, schema, required))
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try record(type, key, required: true)
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try record(type, key, required: false)
        }
        // Swift's containers have an overload per primitive; each is recorded as the generic one.
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try record(type, key, required: true) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try record(type, key, required: true) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try record(type, key, required: true) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try record(type, key, required: true) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
            try record(type, key, required: false)
        }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            try record(type, key, required: false)
        }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
            try record(type, key, required: false)
        }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            try record(type, key, required: false)
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw Failure.unsupported(type: String(describing: object.type), what: "a nested container")
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw Failure.unsupported(type: String(describing: object.type), what: "a nested list")
        }
        func superDecoder() throws -> any Decoder { Recording(walk: walk, object: object) }
        func superDecoder(forKey key: Key) throws -> any Decoder { Recording(walk: walk, object: object) }
    }
}

// The leaves: what JSON carries directly, and the containers whose element is walked in turn.

extension String: SchemaLeaf {
    static func leaf(_ walk: SchemaRecorder.Walk) -> (value: String, schema: JSONSchema) { ("", .string) }
}

extension Int: SchemaLeaf {
    static func leaf(_ walk: SchemaRecorder.Walk) -> (value: Int, schema: JSONSchema) { (0, .integer) }
}

extension Double: SchemaLeaf {
    static func leaf(_ walk: SchemaRecorder.Walk) -> (value: Double, schema: JSONSchema) { (0, .number) }
}

extension Bool: SchemaLeaf {
    static func leaf(_ walk: SchemaRecorder.Walk) -> (value: Bool, schema: JSONSchema) { (false, .boolean) }
}

extension UUID: SchemaLeaf {
    static func leaf(_ walk: SchemaRecorder.Walk) -> (value: UUID, schema: JSONSchema) {
        (UUID.random(), .string(format: .uuid))
    }
}

extension Array: SchemaLeaf where Element: Decodable {
    static func leaf(_ walk: SchemaRecorder.Walk) throws -> (value: [Element], schema: JSONSchema) {
        let element = try walk.walk(Element.self)
        return ([element.value], .array(items: element.schema))
    }
}

extension Dictionary: SchemaLeaf where Key == String, Value: Decodable {
    static func leaf(_ walk: SchemaRecorder.Walk) throws -> (value: [String: Value], schema: JSONSchema) {
        let value = try walk.walk(Value.self)
        return ([:], .object(additionalProperties: .b(value.schema)))
    }
}

/// A choice of words, as its raw values.
protocol SchemaChoices: SchemaLeaf, CaseIterable, RawRepresentable where RawValue == String {}

extension SchemaChoices {
    static func leaf(_ walk: SchemaRecorder.Walk) throws -> (value: Self, schema: JSONSchema) {
        guard let first = allCases.first else {
            throw SchemaRecorder.Failure.unsupported(type: String(describing: Self.self), what: "a choice of nothing")
        }
        return (first, .string(allowedValues: allCases.map { AnyCodable($0.rawValue) }))
    }
}
