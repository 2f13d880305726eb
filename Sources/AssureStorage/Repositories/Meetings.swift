import AssureCore
import Fluent
import Foundation

/// Committees and their meetings: agendas, outcomes with resolutions, actions, and the forward plan.
public enum Meetings {
    public static func committees(_ db: Database) async throws -> [String] {
        try await CommitteeRecord.query(on: db).sort(\.$name).all().map(\.name)
    }

    public static func all(_ db: Database) async throws -> [Meeting] {
        let committees = Dictionary(
            uniqueKeysWithValues: try await CommitteeRecord.query(on: db).all().map { (try $0.requireID(), $0.name) })
        let items = Dictionary(
            grouping: try await AgendaItemRecord.query(on: db).sort(\.$position).all(), by: { $0.$meeting.id })
        let actions = Dictionary(
            grouping: try await MeetingActionRecord.query(on: db).sort(\.$position).all(), by: { $0.$meeting.id })
        let decoder = JSONDecoder()
        return try await MeetingRecord.query(on: db).sort(\.$date).all().map { record in
            Meeting(
                id: try record.requireID(), committee: committees[record.$committee.id] ?? "",
                date: CalendarDate(iso: record.date)!,
                time: record.time, venue: record.venue,
                members: try decoder.decode([String].self, from: Data(record.membersJSON.utf8)),
                items: try (items[record.requireID()] ?? []).map { item in
                    AgendaItem(
                        id: try item.requireID(), number: item.number, title: item.title,
                        organisation: item.organisation,
                        format: item.format.flatMap(AgendaFormat.init(rawValue:)),
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

    static func requirePMO(_ actor: Actor) throws {
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) keeps committees' meetings")
        }
    }

    /// A meeting of a committee (created if new). For the forward plan, a date already past is refused.
    /// `portfolioID` names the portfolio whose board papers the meeting takes (nil: none yet, never in a paper).
    public static func create(
        _ db: Database, _ actor: Actor, committee: String, date: String, time: String, venue: String,
        members: [String], forwardPlan: Bool, today: CalendarDate, portfolioID: UUID? = nil
    ) async throws -> Meeting {
        try requirePMO(actor)
        let errors = Meeting.validate(committee: committee, date: date, today: today, forwardPlan: forwardPlan)
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let meeting = Meeting(
            committee: committee.trimmingCharacters(in: .whitespaces),
            date: CalendarDate(iso: date.trimmingCharacters(in: .whitespaces))!,
            time: time.trimmingCharacters(in: .whitespaces), venue: venue.trimmingCharacters(in: .whitespaces),
            members: members,
            portfolioID: portfolioID)
        return try await db.writeTransaction { db in
            if let portfolioID, try await PortfolioRecord.find(portfolioID, on: db) == nil {
                throw DomainError.notFound("portfolio")
            }
            let id = try await write(db, meeting)
            try await AuditLog.record(db, actor, "create", entity: "meeting", id: id, after: meeting)
            return try await all(db).first { $0.id == id }!
        }
    }

    /// Adds an agenda item (or a planned item of a future meeting).
    public static func addItem(_ db: Database, _ actor: Actor, meetingID: UUID, item: AgendaItem) async throws {
        try requirePMO(actor)
        if item.title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw DomainError.invalid(["title": "Give the item a title."])
        }
        try await db.writeTransaction { db in
            guard try await MeetingRecord.find(meetingID, on: db) != nil else { throw DomainError.notFound("meeting") }
            let position =
                (try await AgendaItemRecord.query(on: db).filter(\.$meeting.$id == meetingID).max(\.$position) ?? 0) + 1
            let id = try await write(db, item, meetingID: meetingID, position: position)
            try await AuditLog.record(
                db, actor, "add-item", entity: "meeting", id: meetingID,
                after: ["item": id.uuidString, "title": item.title])
        }
    }

    /// Records what the meeting decided on an item: "Noted", or "Resolved" with its numbered resolutions.
    public static func recordOutcome(
        _ db: Database, _ actor: Actor, itemID: UUID, outcome: String, resolutions: [String]
    ) async throws {
        try requirePMO(actor)
        let outcome = outcome.trimmingCharacters(in: .whitespaces)
        if outcome.isEmpty { throw DomainError.invalid(["outcome": "Say what was decided, e.g. Noted or Resolved."]) }
        try await db.writeTransaction { db in
            guard let item = try await AgendaItemRecord.find(itemID, on: db) else {
                throw DomainError.notFound("agenda item")
            }
            let before = ["outcome": item.outcome, "resolutions": item.resolutionsJSON]
            item.outcome = outcome
            item.resolutionsJSON = try StoredJSON.text(resolutions)
            try await item.save(on: db)
            try await AuditLog.record(
                db, actor, "record-outcome", entity: "agenda-item", id: itemID, before: before,
                after: ["outcome": outcome, "resolutions": item.resolutionsJSON])
        }
    }

    public static func addAction(
        _ db: Database, _ actor: Actor, meetingID: UUID, description: String, owner: String, due: String
    ) async throws {
        try requirePMO(actor)
        var errors: [String: String] = [:]
        if description.trimmingCharacters(in: .whitespaces).isEmpty {
            errors["description"] = "Say what is to be done."
        }
        if owner.trimmingCharacters(in: .whitespaces).isEmpty { errors["owner"] = "Name who will do it." }
        if !due.isEmpty, CalendarDate(iso: due) == nil { errors["due"] = "Give the due date as a date." }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        try await db.writeTransaction { db in
            guard try await MeetingRecord.find(meetingID, on: db) != nil else { throw DomainError.notFound("meeting") }
            let action = MeetingAction(
                description: description.trimmingCharacters(in: .whitespaces),
                owner: owner.trimmingCharacters(in: .whitespaces),
                due: CalendarDate(iso: due))
            let position =
                (try await MeetingActionRecord.query(on: db).filter(\.$meeting.$id == meetingID).max(\.$position) ?? 0)
                + 1
            try await write(db, action, meetingID: meetingID, position: position)
            try await AuditLog.record(db, actor, "add-action", entity: "meeting", id: meetingID, after: action)
        }
    }

    @discardableResult
    static func write(_ db: Database, _ meeting: Meeting) async throws -> UUID {
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
    static func write(_ db: Database, _ item: AgendaItem, meetingID: UUID, position: Int) async throws -> UUID {
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

    static func write(_ db: Database, _ action: MeetingAction, meetingID: UUID, position: Int) async throws {
        let record = MeetingActionRecord()
        record.$meeting.id = meetingID
        record.position = position
        record.description = action.description
        record.owner = action.owner
        record.due = action.due?.iso
        record.done = action.done
        try await record.create(on: db)
    }

    static func load(_ db: Database, committees: [String], meetings: [Meeting], portfolioID: UUID?) async throws {
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
