import AssureCore
import Crypto
import FluentKit
import Foundation
import SQLKit

/// The audit log as a hash chain: SHA-256 over the previous hash and every field of the entry.
public enum AuditChain {
    struct Head: Sendable { var sequence: Int64; var hash: String }

    static let genesis = String(repeating: "0", count: 64)

    /// Whole milliseconds since 1970: what the hash covers, so a time read back from either database hashes the same.
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    static func digest(_ entry: AuditRecord, sequence: Int64, previous: String) -> String {
        let fields: [String] =
            [
                String(sequence), previous, String(milliseconds(entry.at)), entry.userID?.uuidString ?? "", entry.actor,
                entry.action, entry.entity, entry.entityID ?? "", entry.before ?? "", entry.after ?? "",
            ]
            // The address (M037) only when there is one, so every entry written before it hashes as it did.
            + (entry.clientAddress.map { [$0] } ?? [])
        // Each field's length first, so no two different entries can join into the same text.
        let text = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256.hash(data: Data(text.utf8)).hexadecimal
    }

    /// Gives the entry its place after `head` and returns the new head.
    static func link(_ entry: AuditRecord, after head: Head) -> Head {
        entry.at = Date(timeIntervalSince1970: Double(milliseconds(entry.at)) / 1000)
        let sequence = head.sequence + 1
        entry.sequence = sequence
        entry.previousHash = head.hash
        entry.hash = digest(entry, sequence: sequence, previous: head.hash)
        return Head(sequence: sequence, hash: entry.hash!)
    }

    /// Links and inserts entries at the head of the chain, holding the head's row for the rest of the transaction
    /// (FOR UPDATE on PostgreSQL; SQLite has one writer at a time).
    package static func append(_ db: Database, _ entries: [AuditRecord]) async throws {
        guard !entries.isEmpty else { return }
        try await db.transaction { db in
            guard let sql = db as? SQLDatabase else {
                throw DomainError.invalid(["database": "the audit log needs an SQL database"])
            }
            struct Row: Decodable { let id: RowUUID; let sequence: Int64; let hash: String }
            let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
            guard
                let row = try await sql.raw("SELECT id, sequence, hash FROM audit_chain_head\(lock)").first(
                    decoding: Row.self)
            else {
                throw DomainError.invalid(["audit": "The audit chain has no head: run the migrations."])
            }
            var head = Head(sequence: row.sequence, hash: row.hash)
            for entry in entries { head = link(entry, after: head) }
            try await entries.insert(on: db)
            try await sql.update("audit_chain_head").set("sequence", to: head.sequence).set("hash", to: head.hash)
                .where("id", .equal, row.id.value).run()
        }
    }

    public struct Verification: Sendable, Equatable {
        public var entries: Int
        /// The first entry that does not fit the chain, and why; nil when the whole chain holds.
        public var broken: (sequence: Int64, reason: String)?

        public static func == (a: Verification, b: Verification) -> Bool {
            a.entries == b.entries && a.broken?.sequence == b.broken?.sequence && a.broken?.reason == b.broken?.reason
        }
    }

    /// Recomputes every entry's hash in order: a changed entry, a removed one, or a head that does not match the last
    /// entry is reported with the sequence where the chain breaks.
    public static func verify(_ db: Database) async throws -> Verification {
        var expected = Head(sequence: 0, hash: genesis)
        var count = 0
        let pageSize = 5000
        while true {
            let page = try await AuditRecord.query(on: db).filter(\.$sequence > expected.sequence).sort(\.$sequence)
                .limit(pageSize).all()
            for entry in page {
                count += 1
                let sequence = entry.sequence ?? -1
                guard sequence == expected.sequence + 1 else {
                    return Verification(
                        entries: count, broken: (expected.sequence + 1, "entry \(expected.sequence + 1) is missing"))
                }
                guard entry.previousHash == expected.hash else {
                    return Verification(
                        entries: count,
                        broken: (sequence, "entry \(sequence) does not follow entry \(expected.sequence)"))
                }
                let hash = digest(entry, sequence: sequence, previous: expected.hash)
                guard hash == entry.hash else {
                    return Verification(
                        entries: count, broken: (sequence, "entry \(sequence) was changed after it was written"))
                }
                expected = Head(sequence: sequence, hash: hash)
            }
            if page.count < pageSize { break }
        }
        if let head = try await AuditChainHeadRecord.query(on: db).first(),
            head.sequence != expected.sequence || head.hash != expected.hash
        {
            return Verification(
                entries: count,
                broken: (
                    expected.sequence + 1,
                    "the log ends at entry \(expected.sequence) but the chain's head is entry \(head.sequence): later entries were removed"
                ))
        }
        return Verification(entries: count, broken: nil)
    }
}
