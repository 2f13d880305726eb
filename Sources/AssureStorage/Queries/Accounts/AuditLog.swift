import AssureCore
import FluentKit
import Foundation

/// One change, as the audit log shows it.
public struct AuditEntry: Codable, Sendable, Hashable {
    public let at: Date
    public let actor: String
    public let action: String
    public let entity: String
    public let entityID: String?
    public let before: String?
    public let after: String?
    /// Where it was made from: the client's address, nil from the command line.
    public let address: String?
}

extension AuditRecord {
    var auditEntry: AuditEntry {
        AuditEntry(
            at: at, actor: actor, action: action, entity: entity, entityID: entityID, before: before, after: after,
            address: clientAddress)
    }
}

/// Every write goes through here, in the same transaction as the write itself.
public enum AuditLog {
    /// The same stable encoding as the snapshots: sorted keys, ISO dates.
    static var encoder: JSONEncoder { Reports.encoder }

    package static func record<Before: Encodable, After: Encodable>(
        _ db: Database, _ actor: Actor, _ action: String, entity: String, id: UUID?, before: Before?, after: After?
    ) async throws {
        try await AuditChain.append(
            db, [try entry(actor, action, entity: entity, id: id, before: before, after: after)])
    }

    /// An entry not yet written, for writers that insert many at once (an import).
    package static func entry<Before: Encodable, After: Encodable>(
        _ actor: Actor, _ action: String, entity: String, id: UUID?, before: Before?, after: After?
    ) throws -> AuditRecord {
        let entry = AuditRecord()
        entry.at = WallClock.now()
        entry.userID = actor.userID
        entry.actor = actor.name
        entry.clientAddress = actor.address
        entry.action = action
        entry.entity = entity
        entry.entityID = id?.uuidString
        entry.before = try before.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        entry.after = try after.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        return entry
    }

    package static func record<After: Encodable>(
        _ db: Database, _ actor: Actor, _ action: String, entity: String, id: UUID?,
        after: After?
    ) async throws {
        try await record(db, actor, action, entity: entity, id: id, before: String?.none, after: after)
    }

    public static func recent(_ db: Database, limit: Int = 200, entity: String? = nil) async throws -> [AuditEntry] {
        var query = AuditRecord.query(on: db).sort(\.$at, .descending).limit(limit)
        if let entity { query = query.filter(\.$entity == entity) }
        return try await query.all().map(\.auditEntry)
    }
}
