import Foundation

/// Small lists and records kept in a text column (criteria, ratings, references, members, paper texts), in the same
/// stable encoding as the snapshots and the audit log.
package enum StoredJSON {
    package static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try Reports.encoder.encode(value), as: UTF8.self)
    }
}
