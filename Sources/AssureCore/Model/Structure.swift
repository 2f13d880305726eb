import Foundation

/// The values a period's reports are built from. Storage loads them; the core never does I/O.
public struct PortfolioInfo: Codable, Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var scale: RatingScale

    public init(id: UUID, name: String, scale: RatingScale) {
        self.id = id
        self.name = name
        self.scale = scale
    }
}

public enum PeriodFrequency: String, Codable, Sendable, CaseIterable { case monthly, quarterly }

public enum PeriodStatus: String, Codable, Sendable, CaseIterable {
    case draft, open, closed, published
}

public struct PeriodInfo: Codable, Hashable, Sendable {
    public var id: UUID
    /// "2016-06": the month the period reports on.
    public var key: String
    public var label: String
    public var frequency: PeriodFrequency
    public var asAt: CalendarDate
    public var publishOn: CalendarDate?
    public var status: PeriodStatus
    public var isIllustrative: Bool
    /// Whether the PMO published the assurance findings with the period for board readers (nil in older snapshots:
    /// not published).
    public var findingsPublished: Bool?

    public init(
        id: UUID, key: String, label: String, frequency: PeriodFrequency, asAt: CalendarDate,
        publishOn: CalendarDate?, status: PeriodStatus, isIllustrative: Bool = false, findingsPublished: Bool = false
    ) {
        self.id = id
        self.key = key
        self.label = label
        self.frequency = frequency
        self.asAt = asAt
        self.publishOn = publishOn
        self.status = status
        self.isIllustrative = isIllustrative
        self.findingsPublished = findingsPublished
    }
}

public enum ProgrammeKind: String, Codable, Sendable, CaseIterable {
    case programme
    /// A clinical delivery group, led by a clinical lead and a head of service.
    case clinicalDeliveryGroup = "clinical-delivery-group"
}

public struct ProgrammeInfo: Codable, Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var kind: ProgrammeKind
    public var clinicalLead: String?
    public var headOfService: String?
    /// The second lead's title as the paper prints it ("Head of Service", "Programme Manager").
    public var headOfServiceTitle: String?

    public init(
        id: UUID, name: String, kind: ProgrammeKind, clinicalLead: String? = nil,
        headOfService: String? = nil, headOfServiceTitle: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.clinicalLead = clinicalLead
        self.headOfService = headOfService
        self.headOfServiceTitle = headOfServiceTitle
    }
}

public struct ProjectInfo: Codable, Hashable, Sendable {
    public var id: UUID
    public var programmeID: UUID
    /// Set for a sub-item a), b), c) of a project.
    public var parentID: UUID?
    public var reference: String?
    public var title: String
    public var description: String?
    public var sro: String?
    public var lead: String?
    public var commencement: String?
    /// As written ("Y", "Y - through Acute Vanguard", "N/A").
    public var projectPlan: String?
    public var projectTimescale: String?

    public init(
        id: UUID, programmeID: UUID, parentID: UUID? = nil, reference: String? = nil, title: String,
        description: String? = nil, sro: String? = nil, lead: String? = nil, commencement: String? = nil,
        projectPlan: String? = nil, projectTimescale: String? = nil
    ) {
        self.id = id
        self.programmeID = programmeID
        self.parentID = parentID
        self.reference = reference
        self.title = title
        self.description = description
        self.sro = sro
        self.lead = lead
        self.commencement = commencement
        self.projectPlan = projectPlan
        self.projectTimescale = projectTimescale
    }

    /// Y, N, or nil where the text says neither.
    public var hasProjectPlan: Bool? {
        guard let first = projectPlan?.trimmingCharacters(in: .whitespaces).uppercased().first else { return nil }
        if first == "Y" { return true }
        if first == "N", projectPlan?.uppercased().hasPrefix("N/A") == false { return false }
        return nil
    }
}

/// A milestone as reported in one period's return.
public struct MilestoneLine: Codable, Hashable, Sendable {
    public var title: String
    public var date: String
    public var rating: String?

    public init(title: String, date: String, rating: String? = nil) {
        self.title = title
        self.date = date
        self.rating = rating
    }
}

/// One project's monthly return for one period.
public struct ReturnInfo: Codable, Hashable, Sendable {
    public var projectID: UUID
    public var rating: String?
    /// An arrow printed on a legacy paper; new returns leave it empty, as arrows are derived.
    public var reportedTrend: Trend?
    public var update: String
    public var mitigation: String
    public var milestones: [MilestoneLine]
    public var submittedBy: String?
    public var submittedAt: Date?
    /// Nil for returns loaded from legacy papers, which count as submitted.
    public var state: ReturnState?
    /// Set on a return carried forward at publication: the period its values come from.
    public var carriedForward: CarriedForward?

    public init(
        projectID: UUID, rating: String?, reportedTrend: Trend? = nil, update: String = "", mitigation: String = "",
        milestones: [MilestoneLine] = [], submittedBy: String? = nil, submittedAt: Date? = nil,
        state: ReturnState? = nil, carriedForward: CarriedForward? = nil
    ) {
        self.projectID = projectID
        self.rating = rating
        self.reportedTrend = reportedTrend
        self.update = update
        self.mitigation = mitigation
        self.milestones = milestones
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
        self.state = state
        self.carriedForward = carriedForward
    }
}

public extension ReturnInfo {
    /// Whether the return names a milestone title more than once (its lines of that title fold in order).
    var repeatsATitle: Bool { Set(milestones.map(\.title)).count < milestones.count }
}

/// A milestone date as reported in one earlier published period: the baseline is the first of these.
public struct ReportedDate: Codable, Hashable, Sendable {
    public var periodKey: String
    public var date: String
    /// The day the text was read as due by, as stored when it was reported: history is not parsed again.
    public var dueBy: CalendarDate?

    public init(periodKey: String, date: String, dueBy: CalendarDate?) {
        self.periodKey = periodKey
        self.date = date
        self.dueBy = dueBy
    }

    /// Reads the text now, for callers that have no stored reading.
    public static func reading(_ periodKey: String, _ date: String) -> ReportedDate {
        ReportedDate(periodKey: periodKey, date: date, dueBy: DateText(date).parsed?.dueBy)
    }
}

/// Everything a period's dashboards are made from. Projects are in display order, parents before their sub-items.
public struct PeriodData: Sendable {
    public var portfolio: PortfolioInfo
    public var period: PeriodInfo
    public var programmes: [ProgrammeInfo]
    public var projects: [ProjectInfo]
    public var returns: [UUID: ReturnInfo]
    /// The previous published period, if any, and each project's effective rating in it.
    public var previousPeriodKey: String?
    public var previousRatings: [UUID: RatingLevel]
    /// The previous published period's returns, for the checks that compare (narrative, milestone dates).
    public var previousReturns: [UUID: ReturnInfo]
    /// Assurance checks this portfolio has switched off.
    public var disabledChecks: Set<Flag.Kind>
    /// Each project's milestones as reported in the earlier published periods, by title: slippage is measured against
    /// the first readable date (the baseline) and its moves counted across all of them.
    public var milestoneBaselines: [UUID: [String: MilestoneBaseline]]

    public init(
        portfolio: PortfolioInfo, period: PeriodInfo, programmes: [ProgrammeInfo], projects: [ProjectInfo],
        returns: [UUID: ReturnInfo], previousPeriodKey: String? = nil, previousRatings: [UUID: RatingLevel] = [:],
        previousReturns: [UUID: ReturnInfo] = [:], disabledChecks: Set<Flag.Kind> = [],
        milestoneBaselines: [UUID: [String: MilestoneBaseline]] = [:]
    ) {
        self.portfolio = portfolio
        self.period = period
        self.programmes = programmes
        self.projects = projects
        self.returns = returns
        self.previousPeriodKey = previousPeriodKey
        self.previousRatings = previousRatings
        self.previousReturns = previousReturns
        self.disabledChecks = disabledChecks
        self.milestoneBaselines = milestoneBaselines
    }
}
