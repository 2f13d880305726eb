/// What went wrong in a user's action, in words they can act on: the rules of the core, and storage and the
/// application layer, throw these; web, API and CLI turn them into pages, status codes and one line on stderr.
public enum DomainError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case forbidden(String)
    /// The period is published: nothing in it may change.
    case frozen(String)
    /// Someone else saved first.
    case conflict(String)
    /// Field name → message.
    case invalid([String: String])
    /// Stored data Assure cannot read (a value it does not know): a fault to report, never to paper over.
    case unreadable(String)

    /// The words ending in one full stop, whether or not they came with one.
    static func sentence(_ words: String) -> String { words.hasSuffix(".") ? words : words + "." }

    public var description: String {
        switch self {
        case .notFound(let what): "Not found: \(Self.sentence(what))"
        case .forbidden(let why): "Not allowed: \(Self.sentence(why))"
        case .frozen(let what): "\(what) is published and frozen: it cannot be changed."
        case .conflict(let what): what
        case .unreadable(let what): "The database holds something Assure cannot read: \(what)."
        case .invalid(let errors):
            errors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        }
    }
}
