/// Values kept or sent as text that must be one Assure knows. An unknown one is never replaced by a default: read
/// back from the database it is an error naming the column (the row was written by something else, or by a newer
/// Assure); sent in a form it is the field's error.
public extension RawRepresentable where RawValue == String {
    /// A value read from the database; `column` names where ("risks.status").
    init(stored raw: String, _ column: String) throws(DomainError) {
        guard let value = Self(rawValue: raw) else {
            throw DomainError.unreadable("\(column) holds “\(raw.prefix(40))”, which this version of Assure does not know")
        }
        self = value
    }

    /// A choice sent in a form: missing or unknown is the field's error, `message`.
    init(chosen raw: String?, field: String, _ message: String) throws(DomainError) {
        guard let raw, let value = Self(rawValue: raw) else { throw DomainError.invalid([field: message]) }
        self = value
    }
}
