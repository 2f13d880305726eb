/// What went wrong, in words a user can act on. Routes turn these into pages and status codes.
public enum StorageError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case forbidden(String)
    /// The period is published: nothing in it may change.
    case frozen(String)
    /// Someone else saved first.
    case conflict(String)
    /// Field name → message.
    case invalid([String: String])

    public var description: String {
        switch self {
        case .notFound(let what): "Not found: \(what)."
        case .forbidden(let why): "Not allowed: \(why)."
        case .frozen(let what): "\(what) is published and frozen: it cannot be changed."
        case .conflict(let what): what
        case .invalid(let errors): errors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        }
    }
}
