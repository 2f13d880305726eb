import Foundation

/// A body that could not be read, in plain words naming the field: never Swift's own description of the error.
enum DecodingProblem {
    /// The field ("baseVersion", "milestones[1].date") and what is wrong with it; an empty field means the whole body.
    static func describe(_ error: any Error) -> (field: String, message: String) {
        guard let error = error as? DecodingError else { return ("", "The body must be a JSON object.") }
        switch error {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "is required")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "must be \(words(for: type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "must be \(words(for: type)), not null")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return (field, field.isEmpty ? "The body is not valid JSON." : "is not a valid value")
        @unknown default:
            return ("", "The body could not be read.")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }

    static func words(for type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
