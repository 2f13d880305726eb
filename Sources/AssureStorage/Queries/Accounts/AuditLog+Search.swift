import AssureCore
import FluentKit
import Foundation

/// What the PMO narrows the audit log to: who, what kind of thing, and between which days (UTC, inclusive).
public struct AuditFilter: Sendable, Hashable {
    public var actor: String?
    public var entity: String?
    public var from: CalendarDate?
    public var to: CalendarDate?

    public init(actor: String? = nil, entity: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil) {
        self.actor = actor
        self.entity = entity
        self.from = from
        self.to = to
    }
}

public extension AuditLog {
    /// One page of the log, newest first, and how many entries the filter finds in all.
    static func search(
        _ db: Database, _ filter: AuditFilter, offset: Int, limit: Int
    ) async throws -> (entries: [AuditEntry], total: Int) {
        // A typed offset is bounded before use, so that offset + limit cannot overflow (as the project list does).
        guard (0...Int(Int32.max)).contains(offset), (1...1_000).contains(limit) else {
            throw DomainError.invalid(["offset": "Give an offset from 0 to \(Int32.max)."])
        }
        var query = AuditRecord.query(on: db)
        if let actor = filter.actor { query = query.filter(\.$actor == actor) }
        if let entity = filter.entity { query = query.filter(\.$entity == entity) }
        if let from = filter.from { query = query.filter(\.$at >= from.startOfDayUTC) }
        if let to = filter.to { query = query.filter(\.$at < to.adding(days: 1).startOfDayUTC) }
        let total = try await query.copy().count()
        let records = try await query.sort(\.$at, .descending).sort(\.$id).range(offset..<(offset + limit)).all()
        return (
            records.map(\.auditEntry), total
        )
    }

    /// Who has written to the log, and the kinds of thing changed: the filters' choices.
    static func choices(_ db: Database) async throws -> (actors: [String], entities: [String]) {
        let actors = try await AuditRecord.query(on: db).unique().all(\.$actor)
        let entities = try await AuditRecord.query(on: db).unique().all(\.$entity)
        return (Set(actors).sorted(), Set(entities).sorted())
    }
}
