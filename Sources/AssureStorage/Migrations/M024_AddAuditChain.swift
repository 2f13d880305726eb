import FluentKit
import Foundation

/// Chains the audit log: each entry carries its sequence number, the previous entry's hash and its own, so an entry
/// changed or removed in the database is detected (`assure audit verify`). The head of the chain is one row, locked by
/// each write so concurrent transactions cannot fork it. Existing entries are chained in the order they were made.
struct M024_AddAuditChain: AsyncMigration {
    func prepare(on database: Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema("audit_entries").field("sequence", .int64).update()
        try await database.schema("audit_entries").field("previous_hash", .string).update()
        try await database.schema("audit_entries").field("hash", .string).update()
        try await database.schema("audit_chain_head")
            .id()
            .field("sequence", .int64, .required)
            .field("hash", .string, .required)
            .create()
        var head = AuditChain.Head(sequence: 0, hash: AuditChain.genesis)
        // Only the columns that exist at this point: the model has gained some since (M037's client address).
        let entries = try await AuditRecord.query(on: database)
            .field(\.$id).field(\.$at).field(\.$userID).field(\.$actor).field(\.$action).field(\.$entity)
            .field(\.$entityID).field(\.$before).field(\.$after).field(\.$sequence).field(\.$previousHash)
            .field(\.$hash)
            .sort(\.$at).sort(\.$id).all()
        for entry in entries {
            head = AuditChain.link(entry, after: head)
            try await entry.save(on: database)
        }
        let record = AuditChainHeadRecord()
        record.sequence = head.sequence
        record.hash = head.hash
        try await record.create(on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema("audit_chain_head").delete()
        for field in ["sequence", "previous_hash", "hash"] {
            try await database.schema("audit_entries").deleteField(.string(field)).update()
        }
    }
}
