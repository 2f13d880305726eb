import AssureCore
import FluentKit
import Foundation

/// A file uploaded (or a table pasted) for an import, kept so the user can change the mapping without uploading again.
public struct ImportDraft: Sendable {
    public let owner: UUID?
    public let portfolioID: UUID
    public let filename: String?
    public let data: Data
    public let isPasted: Bool
    public let created: Date

    public init(owner: UUID?, portfolioID: UUID, filename: String?, data: Data, isPasted: Bool, created: Date) {
        self.owner = owner
        self.portfolioID = portfolioID
        self.filename = filename
        self.data = data
        self.isPasted = isPasted
        self.created = created
    }
}

/// Drafts are kept in the database, so that whichever server takes the next request finds them: for an hour, and no
/// more than 256 MB of them (the oldest go first).
public enum ImportDrafts {
    public static let lifetime: TimeInterval = 60 * 60
    public static let totalBytes = 256 * 1024 * 1024

    /// Keeps a draft and returns the token that finds it again (for its owner only). Older drafts are forgotten to
    /// keep all of them within `limit` bytes.
    public static func keep(_ db: Database, _ draft: ImportDraft, limit: Int = totalBytes) async throws -> String {
        let id = UUID.random()
        try await db.writeTransaction { db in
            try await forgetExpired(db, now: draft.created)
            let kept = try await ImportDraftRecord.query(on: db).field(\.$id).field(\.$byteCount)
                .sort(\.$createdAt).all()
            var bytes = kept.reduce(0) { $0 + $1.byteCount } + draft.data.count
            var oldestFirst = kept[...]
            var dropped: [UUID] = []
            while bytes > limit, let oldest = oldestFirst.popFirst() {
                bytes -= oldest.byteCount
                dropped.append(try oldest.requireID())
            }
            if !dropped.isEmpty { try await ImportDraftRecord.query(on: db).filter(\.$id ~~ dropped).delete() }
            let record = ImportDraftRecord()
            record.id = id
            record.ownerID = draft.owner
            record.portfolioID = draft.portfolioID
            record.filename = draft.filename
            record.isPasted = draft.isPasted
            record.content = draft.data
            record.byteCount = draft.data.count
            record.createdAt = draft.created
            try await record.create(on: db)
        }
        return id.uuidString
    }

    /// The draft under `token`, if it is this owner's, for this portfolio, and not expired.
    public static func draft(
        _ db: Database, token: String, owner: UUID?, portfolioID: UUID, now: Date
    ) async throws -> ImportDraft? {
        guard let id = UUID(uuidString: token), let record = try await ImportDraftRecord.find(id, on: db),
            record.ownerID == owner, record.portfolioID == portfolioID,
            now.timeIntervalSince(record.createdAt) < lifetime
        else { return nil }
        return ImportDraft(
            owner: record.ownerID, portfolioID: record.portfolioID, filename: record.filename, data: record.content,
            isPasted: record.isPasted, created: record.createdAt)
    }

    public static func forget(_ db: Database, token: String) async throws {
        guard let id = UUID(uuidString: token) else { return }
        try await ImportDraftRecord.query(on: db).filter(\.$id == id).delete()
    }

    public static func forgetExpired(_ db: Database, now: Date) async throws {
        try await ImportDraftRecord.query(on: db).filter(\.$createdAt <= now.addingTimeInterval(-lifetime)).delete()
    }
}
