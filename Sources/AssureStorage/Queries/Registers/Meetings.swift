import AssureCore
import FluentKit
import Foundation

/// Committees and their meetings: agendas, outcomes with resolutions, actions, and the forward plan.
public enum Meetings {
    public static func committees(_ db: Database) async throws -> [String] {
        try await CommitteeRecord.query(on: db).sort(\.$name).all().map(\.name)
    }

    /// One meeting with its items and actions, read by its id.
    public static func find(_ db: Database, id: UUID) async throws -> Meeting? {
        try await all(db, only: id).first
    }

    /// The meeting an agenda item is on.
    public static func find(_ db: Database, containingItem itemID: UUID) async throws -> Meeting? {
        guard let item = try await AgendaItemRecord.find(itemID, on: db) else { return nil }
        return try await find(db, id: item.$meeting.id)
    }

    /// Every meeting, or (`only`) one, with its items and actions.
    public static func all(_ db: Database, only meetingID: UUID? = nil) async throws -> [Meeting] {
        let committees = Dictionary(
            uniqueKeysWithValues: try await CommitteeRecord.query(on: db).all().map { (try $0.requireID(), $0.name) })
        let itemQuery = AgendaItemRecord.query(on: db).sort(\.$position)
        let actionQuery = MeetingActionRecord.query(on: db).sort(\.$position)
        let meetingQuery = MeetingRecord.query(on: db).sort(\.$date)
        if let meetingID {
            itemQuery.filter(\.$meeting.$id == meetingID)
            actionQuery.filter(\.$meeting.$id == meetingID)
            meetingQuery.filter(\.$id == meetingID)
        }
        let items = Dictionary(grouping: try await itemQuery.all(), by: { $0.$meeting.id })
        let actions = Dictionary(grouping: try await actionQuery.all(), by: { $0.$meeting.id })
        let decoder = JSONDecoder()
        return try await meetingQuery.all().map { record in
            Meeting(
                id: try record.requireID(), committee: committees[record.$committee.id] ?? "",
                date: CalendarDate(iso: record.date)!,
                time: record.time, venue: record.venue,
                members: try decoder.decode([String].self, from: Data(record.membersJSON.utf8)),
                items: try (items[record.requireID()] ?? []).map { item in
                    AgendaItem(
                        id: try item.requireID(), number: item.number, title: item.title,
                        organisation: item.organisation,
                        format: try item.format.map { try AgendaFormat(stored: $0, "agenda_items.format") },
                        purpose: try AgendaPurpose(stored: item.purpose, "agenda_items.purpose"),
                        raisedBy: item.raisedBy, pages: item.pages, note: item.note, outcome: item.outcome,
                        resolutions: try decoder.decode([String].self, from: Data(item.resolutionsJSON.utf8)))
                },
                actions: try (actions[try record.requireID()] ?? []).map {
                    MeetingAction(
                        id: try $0.requireID(), description: $0.description, owner: $0.owner,
                        due: $0.due.flatMap(CalendarDate.init(iso:)), done: $0.done)
                }, version: record.version, portfolioID: record.$portfolio.id)
        }
    }

    package static func requirePMO(_ actor: Actor) throws {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) keeps committees' meetings")
        }
    }

    @discardableResult
    package static func write(_ db: Database, _ meeting: Meeting) async throws -> UUID {
        let committee =
            try await CommitteeRecord.query(on: db).filter(\.$name == meeting.committee).first()
            ?? {
                let record = CommitteeRecord()
                record.name = meeting.committee
                return record
            }()
        if committee.id == nil { try await committee.create(on: db) }
        let record = MeetingRecord()
        record.$committee.id = try committee.requireID()
        record.date = meeting.date.iso
        record.time = meeting.time
        record.venue = meeting.venue
        record.membersJSON = try StoredJSON.text(meeting.members)
        record.version = 1
        record.$portfolio.id = meeting.portfolioID
        try await record.create(on: db)
        for (position, item) in meeting.items.enumerated() {
            try await write(db, item, meetingID: record.requireID(), position: position + 1)
        }
        for (position, action) in meeting.actions.enumerated() {
            try await write(db, action, meetingID: record.requireID(), position: position + 1)
        }
        return try record.requireID()
    }

    @discardableResult
    package static func write(_ db: Database, _ item: AgendaItem, meetingID: UUID, position: Int) async throws -> UUID {
        let record = AgendaItemRecord()
        record.$meeting.id = meetingID
        record.position = position
        record.number = item.number
        record.title = item.title
        record.organisation = item.organisation
        record.format = item.format?.rawValue
        record.purpose = item.purpose.rawValue
        record.raisedBy = item.raisedBy
        record.pages = item.pages
        record.note = item.note
        record.outcome = item.outcome
        record.resolutionsJSON = try StoredJSON.text(item.resolutions)
        try await record.create(on: db)
        return try record.requireID()
    }

    package static func write(_ db: Database, _ action: MeetingAction, meetingID: UUID, position: Int) async throws {
        let record = MeetingActionRecord()
        record.$meeting.id = meetingID
        record.position = position
        record.description = action.description
        record.owner = action.owner
        record.due = action.due?.iso
        record.done = action.done
        try await record.create(on: db)
    }

    package static func load(_ db: Database, committees: [String], meetings: [Meeting], portfolioID: UUID?) async throws
    {
        for name in committees {
            let record = CommitteeRecord()
            record.name = name
            try await record.create(on: db)
        }
        for var meeting in meetings {
            meeting.portfolioID = portfolioID
            try await write(db, meeting)
        }
    }
}
