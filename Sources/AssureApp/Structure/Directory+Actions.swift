import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Directory {
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
}
