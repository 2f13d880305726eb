import AssureCore
import Fluent
import Foundation

/// The governing-body paper: its texts per period and meeting, and the paper assembled from a published period.
public enum Papers {
    public struct Contents: Sendable {
        public let paper: GoverningBodyPaper
        public let texts: PaperTexts
        public let version: Int
        /// The portfolio's meetings, for choosing another.
        public let meetings: [Meeting]
        /// Cover-sheet fields still empty: "[To be completed]" in the paper, listed for the PMO.
        public var missing: [String] { PaperRules.missingCoverFields(texts) }
    }

    /// Why no paper could be assembled unasked: the period, and the portfolio's meetings to choose from.
    public struct NoMeeting: Error, Sendable {
        public let reason: String
        public let period: PeriodInfo
        public let portfolio: PortfolioInfo
        public let meetings: [Meeting]
    }

    /// A first draft for a paper with no texts yet: the PMO edits it before the meeting.
    static func template(_ period: PeriodInfo) -> PaperTexts {
        PaperTexts(
            title: "PORTFOLIO DELIVERY UPDATE", author: "", sponsor: "",
            purpose: "To provide an update on progress of the portfolio for \(period.label).",
            recommendation: "The Governing Body is asked to note the report.", stakeholderEngagement: "",
            previousCommittees: "N/A",
            strategicPrinciples: [], checklist: [], initials: "", introduction: [], discussionItems: [],
            decisionItems: [],
            financeIntroduction: [], engagement: [], conclusion: ["The Governing Body is asked to note the report."])
    }

    public static func build(_ db: Database, periodID: UUID, meetingID: UUID? = nil) async throws -> Contents {
        guard let record = try await PeriodRecord.find(periodID, on: db),
            let portfolio = try await PortfolioRecord.find(record.$portfolio.id, on: db)?.info
        else { throw DomainError.notFound("reporting period") }
        let period = try record.info
        guard period.status == .published else {
            throw DomainError.invalid([
                "period": "\(period.label) is \(period.status.rawValue): a board paper is made from a published period."
            ])
        }
        let all = try await Meetings.all(db)
        let meetings = all.filter { $0.portfolioID == portfolio.id }
        let meeting: Meeting
        switch PaperRules.meeting(all, chosen: meetingID, portfolio: portfolio, period: period) {
        case .success(let found): meeting = found
        case .failure(let refusal):
            if meetingID != nil { throw DomainError.invalid(["meeting": refusal.reason]) }
            throw NoMeeting(reason: refusal.reason, period: period, portfolio: portfolio, meetings: meetings)
        }
        let registers = PaperRules.registers(
            prioritisations: try await Prioritisations.all(db), funding: try await FundingRounds.all(db),
            portfolioID: portfolio.id)
        let stored = try await PaperTextsRecord.query(on: db).filter(\.$period.$id == periodID).filter(
            \.$meeting.$id == meeting.id
        ).first()
        let texts =
            try stored.map { try JSONDecoder().decode(PaperTexts.self, from: Data($0.textsJSON.utf8)) }
            ?? template(period)
        let paper = GoverningBodyPaper.build(
            report: try await Reports.report(db, periodID: periodID), meeting: meeting, texts: texts,
            prioritisations: registers.prioritisations, funding: registers.funding,
            glossary: try await GlossaryEntries.all(db).map(\.entry))
        return Contents(paper: paper, texts: texts, version: stored?.version ?? 0, meetings: meetings)
    }

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
