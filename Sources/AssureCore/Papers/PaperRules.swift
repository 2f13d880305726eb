import Foundation

/// What a board paper may be made of. A paper belongs to one portfolio's published period and one meeting, and draws
/// on that portfolio's registers only: nothing of another portfolio, another organisation or another year.
public enum PaperRules {
    /// Why a paper cannot be assembled as asked, in words for the PMO.
    public struct Refusal: Error, Equatable, Sendable {
        public let reason: String
    }

    /// The days a meeting must fall on to take a period's paper without being chosen: from the period's as-at day to
    /// one reporting cycle and a month later (two months for a monthly period, four for a quarterly one).
    public static func cycle(of period: PeriodInfo) -> ClosedRange<CalendarDate> {
        let months = period.frequency == .monthly ? 2 : 4
        var year = period.asAt.year, month = period.asAt.month + months
        while month > 12 { month -= 12; year += 1 }
        let day = min(period.asAt.day, CalendarDate.daysIn(month: month, year: year))
        return period.asAt...CalendarDate(year: year, month: month, day: day)!
    }

    /// The portfolio's meetings in the period's reporting cycle, earliest first: the ones a paper may go to unasked.
    public static func fitting(_ meetings: [Meeting], portfolioID: UUID, period: PeriodInfo) -> [Meeting] {
        let window = cycle(of: period)
        return meetings.filter { $0.portfolioID == portfolioID && window.contains($0.date) }.sorted {
            $0.date < $1.date
        }
    }

    /// The meeting a paper goes to: the one the PMO chose, if it is this portfolio's; else the first Governing Body
    /// meeting in the cycle, else the first meeting in it. Never another portfolio's, never one outside the cycle unchosen.
    public static func meeting(
        _ meetings: [Meeting], chosen: UUID?, portfolio: PortfolioInfo,
        period: PeriodInfo
    ) -> Result<Meeting, Refusal> {
        if let chosen {
            guard let meeting = meetings.first(where: { $0.id == chosen }) else {
                return .failure(Refusal(reason: "That meeting does not exist."))
            }
            guard meeting.portfolioID == portfolio.id else {
                return .failure(
                    Refusal(
                        reason:
                            "\(meeting.title) is not a meeting of \(portfolio.name): a paper for \(portfolio.name) goes to one of its own meetings."
                    ))
            }
            return .success(meeting)
        }
        let fitting = fitting(meetings, portfolioID: portfolio.id, period: period)
        guard let meeting = fitting.first(where: { $0.committee == "Governing Body" }) ?? fitting.first else {
            let window = cycle(of: period)
            return .failure(
                Refusal(
                    reason: "No meeting of \(portfolio.name) falls in \(period.label)'s reporting cycle "
                        + "(\(window.lowerBound.longDisplay) to \(window.upperBound.longDisplay)): choose one of its meetings, "
                        + "or add one on the Meetings page."))
        }
        return .success(meeting)
    }

    /// The registers a portfolio's paper shows: its own prioritisations and funding rounds, nothing unassigned.
    public static func registers(
        prioritisations: [CriteriaSet], funding: [FundingRound],
        portfolioID: UUID
    ) -> (prioritisations: [CriteriaSet], funding: [FundingRound]) {
        (prioritisations.filter { $0.portfolioID == portfolioID }, funding.filter { $0.portfolioID == portfolioID })
    }

    /// What a blank cover-sheet field says: the PMO sees it is missing; it never prints as a deliberate blank.
    public static let toBeCompleted = "[To be completed]"

    /// The cover-sheet fields the PMO has left empty, by their label on the cover sheet.
    public static func missingCoverFields(_ texts: PaperTexts) -> [String] {
        var missing = coverFields(texts).filter { $0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            .map(\.label)
        if texts.strategicPrinciples.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            missing.append("Strategic Principles")
        }
        return missing
    }

    /// The cover sheet's rows as printed: label and text, "[To be completed]" where empty.
    public static func coverFields(_ texts: PaperTexts) -> [(label: String, value: String)] {
        [
            ("Author", texts.author), ("Sponsoring Board member", texts.sponsor), ("Purpose of Report", texts.purpose),
            ("Recommendation", texts.recommendation), ("Stakeholder Engagement", texts.stakeholderEngagement),
            ("Previous GB / Committee/s, Dates", texts.previousCommittees),
        ]
    }

    /// A field's printed text.
    public static func printed(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? toBeCompleted : value
    }
}
