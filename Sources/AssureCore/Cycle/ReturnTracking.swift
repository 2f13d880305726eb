import Foundation

/// Every return an open period expects (one per project; sub-items are written inside their project's return),
/// where each stands, and who owes it.
public struct ReturnTracking: Sendable {
    public struct Row: Sendable {
        public var project: ProjectInfo
        public var state: ReturnState
        /// Who is chased for it: the project lead, else the programme's editors.
        public var owners: [Contact]
        public var savedBy: String?
        public var savedAt: Date?
        public var submittedAt: Date?
        public var reviewedBy: String?
        public var reviewComment: String?

        public init(
            project: ProjectInfo, state: ReturnState, owners: [Contact], savedBy: String? = nil,
            savedAt: Date? = nil, submittedAt: Date? = nil, reviewedBy: String? = nil, reviewComment: String? = nil
        ) {
            self.project = project
            self.state = state
            self.owners = owners
            self.savedBy = savedBy
            self.savedAt = savedAt
            self.submittedAt = submittedAt
            self.reviewedBy = reviewedBy
            self.reviewComment = reviewComment
        }
    }

    public struct Contact: Hashable, Sendable {
        public var name: String
        public var email: String?

        public init(name: String, email: String?) {
            self.name = name
            self.email = email
        }
    }

    public struct ProgrammeRows: Sendable {
        public var programme: ProgrammeInfo
        public var rows: [Row]
        public var counts: [ReturnState: Int] { Dictionary(grouping: rows, by: \.state).mapValues(\.count) }

        public init(programme: ProgrammeInfo, rows: [Row]) {
            self.programme = programme
            self.rows = rows
        }
    }

    public var portfolio: PortfolioInfo
    public var period: PeriodInfo
    public var returnsDue: CalendarDate?
    public var programmes: [ProgrammeRows]

    public init(portfolio: PortfolioInfo, period: PeriodInfo, returnsDue: CalendarDate?, programmes: [ProgrammeRows]) {
        self.portfolio = portfolio
        self.period = period
        self.returnsDue = returnsDue
        self.programmes = programmes
    }

    public var rows: [Row] { programmes.flatMap(\.rows) }
    public var counts: [ReturnState: Int] { Dictionary(grouping: rows, by: \.state).mapValues(\.count) }
    public var missing: [Row] { rows.filter { !$0.state.isIn } }
}
