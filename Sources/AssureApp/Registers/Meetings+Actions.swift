import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Meetings {
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

    /// Adds an agenda item (or a planned item of a future meeting), answering its id.
    @discardableResult
    public static func addItem(
        _ db: Database, _ actor: Actor, meetingID: UUID, item: AgendaItem
    ) async throws -> UUID {
        try requirePMO(actor)
        if item.title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw DomainError.invalid(["title": "Give the item a title."])
        }
        return try await db.writeTransaction { db in
            guard try await MeetingRecord.find(meetingID, on: db) != nil else { throw DomainError.notFound("meeting") }
            let position =
                (try await AgendaItemRecord.query(on: db).filter(\.$meeting.$id == meetingID).max(\.$position) ?? 0) + 1
            let id = try await write(db, item, meetingID: meetingID, position: position)
            try await AuditLog.record(
                db, actor, "add-item", entity: "meeting", id: meetingID,
                after: ["item": id.uuidString, "title": item.title])
            return id
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
}
