import AssureCore
import FluentKit
import Foundation

/// Programmes' key deliverables by financial year.
public enum KeyDeliverables {
    /// One deliverable, read by its id.
    public static func find(_ db: Database, id: UUID) async throws -> Deliverable? {
        try await DeliverableRecord.find(id, on: db).map(deliverable)
    }

    public static func all(_ db: Database) async throws -> [Deliverable] {
        try await DeliverableRecord.query(on: db).sort(\.$position).all().map(deliverable)
    }

    package static func deliverable(_ record: DeliverableRecord) throws -> Deliverable {
        try Deliverable(
            id: record.requireID(), programme: record.programme, workstream: record.workstream, title: record.title,
            years: Set(record.years.split(separator: ",").compactMap { Int($0) }.map(FinancialYear.init(startingIn:))),
            status: try DeliverableStatus(stored: record.status, "deliverables.status"), version: record.version)
    }

    package static func apply(_ item: Deliverable, to record: DeliverableRecord) {
        record.programme = item.programme
        record.workstream = item.workstream
        record.title = item.title
        record.years = item.years.map(\.startYear).sorted().map(String.init).joined(separator: ",")
        record.status = item.status.rawValue
    }

    package static func load(_ db: Database, _ deliverables: [Deliverable]) async throws {
        for (position, item) in deliverables.enumerated() {
            let record = DeliverableRecord()
            apply(item, to: record)
            record.position = position + 1
            record.version = 1
            try await record.create(on: db)
        }
    }
}
