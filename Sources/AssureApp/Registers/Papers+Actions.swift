import AssureCore
import AssureStorage
import Fluent
import Foundation

extension Papers {
    /// Saves the paper's texts; a save from a version someone has since changed is a conflict.
    public static func saveTexts(
        _ db: Database, _ actor: Actor, periodID: UUID, meetingID: UUID, texts: PaperTexts, baseVersion: Int
    ) async throws {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) writes board papers") }
        let errors = texts.validate()
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        try await db.writeTransaction { db in
            guard try await MeetingRecord.find(meetingID, on: db) != nil else { throw DomainError.notFound("meeting") }
            let existing = try await PaperTextsRecord.query(on: db).filter(\.$period.$id == periodID).filter(
                \.$meeting.$id == meetingID
            ).first()
            guard (existing?.version ?? 0) == baseVersion else {
                throw DomainError.conflict(
                    "Someone else changed this paper while you were editing it; their version is shown.")
            }
            let record = existing ?? PaperTextsRecord()
            let before = existing?.textsJSON
            record.$period.id = periodID
            record.$meeting.id = meetingID
            record.textsJSON = try StoredJSON.text(texts)
            record.version = (existing?.version ?? 0) + 1
            try await record.save(on: db)
            try await AuditLog.record(
                db, actor, before == nil ? "create" : "update", entity: "paper", id: record.id, before: before,
                after: record.textsJSON)
        }
    }

    /// The demo's paper texts for seed 002's period and meeting.
    static func loadDemo(
        _ db: Database, portfolio: String, periodKey: String, committee: String, day: CalendarDate, texts: PaperTexts
    ) async throws {
        let (_, period) = try await Catalogue.findPeriod(db, key: periodKey, portfolio: portfolio)
        guard let meeting = try await Meetings.all(db).first(where: { $0.committee == committee && $0.date == day })
        else { return }
        let record = PaperTextsRecord()
        record.$period.id = period.id
        record.$meeting.id = meeting.id
        record.textsJSON = try StoredJSON.text(texts)
        record.version = 1
        try await record.create(on: db)
    }
}
