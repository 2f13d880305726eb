import AssureCore
import FluentKit
import Foundation

/// The governing-body paper: its texts per period and meeting, and the paper assembled from a published period.
public enum Papers {
    public struct Contents: Sendable {
        public let paper: GoverningBodyPaper
        public let texts: PaperTexts
        public let version: Int
        /// The portfolio's meetings, for choosing another.
        public let meetings: [Meeting]
        /// The period's report the paper was assembled from: what the progress is drafted from, not read again.
        public let report: PeriodReport
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
        let report = try await Reports.report(db, periodID: periodID)
        let paper = GoverningBodyPaper.build(
            report: report, meeting: meeting, texts: texts,
            prioritisations: registers.prioritisations, funding: registers.funding,
            glossary: try await GlossaryEntries.all(db).map(\.entry))
        return Contents(
            paper: paper, texts: texts, version: stored?.version ?? 0, meetings: meetings, report: report)
    }

}
