import AssureCore
import FluentKit
import Foundation

/// A person named in the portfolios (SRO, lead, clinical lead), with the address chasers and alerts go to.
public struct PersonContact: Codable, Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var jobTitle: String?
    public var email: String?

    package init(id: UUID, name: String, jobTitle: String?, email: String?) {
        self.id = id
        self.name = name
        self.jobTitle = jobTitle
        self.email = email
    }
}

/// The people the PMO reaches. A user signing in with the same email is that person (so an SRO can approve).
public enum Directory {
    public static func people(_ db: Database) async throws -> [PersonContact] {
        try await PersonRecord.query(on: db).sort(\.$name).all().map {
            PersonContact(id: try $0.requireID(), name: $0.name, jobTitle: $0.jobTitle, email: $0.email)
        }
    }

    public static func find(_ db: Database, name: String) async throws -> PersonContact? {
        try await people(db).first { $0.name.lowercased() == name.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}
