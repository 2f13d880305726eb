import AssureCore
import Fluent
import Foundation

/// A person named in the portfolios (SRO, lead, clinical lead), with the address chasers and alerts go to.
public struct PersonContact: Codable, Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var jobTitle: String?
    public var email: String?
}

/// The people the PMO reaches. A user signing in with the same email is that person (so an SRO can approve).
public enum Directory {
    public static func people(_ db: Database) async throws -> [PersonContact] {
        try await PersonRecord.query(on: db).sort(\.$name).all().map {
            PersonContact(id: try $0.requireID(), name: $0.name, jobTitle: $0.jobTitle, email: $0.email)
        }
    }

    public static func setEmail(
        _ db: Database, _ actor: Actor, personID: UUID, email: String
    ) async throws -> PersonContact {
        guard actor.canManageUsers else {
            throw DomainError.forbidden("only the PMO (admin) records people's addresses")
        }
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        if !email.isEmpty, !Users.looksLikeEmail(email) {
            throw DomainError.invalid(["email": "“\(email)” is not an email address (name@organisation.nhs.uk)."])
        }
        return try await db.writeTransaction { db in
            guard let person = try await PersonRecord.find(personID, on: db) else {
                throw DomainError.notFound("person")
            }
            let before = person.email
            person.email = email.isEmpty ? nil : email
            try await person.save(on: db)
            try await AuditLog.record(
                db, actor, "set-email", entity: "person", id: personID, before: before, after: person.email)
            return PersonContact(id: personID, name: person.name, jobTitle: person.jobTitle, email: person.email)
        }
    }

    public static func find(_ db: Database, name: String) async throws -> PersonContact? {
        try await people(db).first { $0.name.lowercased() == name.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}
