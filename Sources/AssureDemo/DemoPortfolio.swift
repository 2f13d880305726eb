import AssureCore

/// A portfolio as the seed papers describe it, entered as data. Storage writes it into a database;
/// tests build reports from it directly.
public struct DemoPortfolio: Sendable {
    public var name: String
    public var scale: RatingScaleKind
    public var programmes: [DemoProgramme]
    public var periods: [DemoPeriod]
    /// Checks that do not fit how this portfolio reports (seed 004 names SROs, not leads; seed 000 the reverse).
    public var disabledChecks: Set<Flag.Kind> = []
}

public struct DemoProgramme: Sendable {
    public var name: String
    public var kind: ProgrammeKind = .programme
    public var clinicalLead: String? = nil
    public var headOfService: String? = nil
    public var headOfServiceTitle: String? = nil
    public var projects: [DemoProject]
}

public struct DemoProject: Sendable {
    public var reference: String? = nil
    public var title: String
    public var description: String? = nil
    public var sro: String? = nil
    public var lead: String? = nil
    public var commencement: String? = nil
    public var projectPlan: String? = nil
    public var projectTimescale: String? = nil
    public var children: [DemoProject] = []

    /// How returns name the project: its reference, else its title.
    public var key: String { reference ?? title }
}

public struct DemoReturn: Sendable {
    public var project: String
    public var rating: String?
    public var trend: Trend? = nil
    public var update: String = ""
    public var mitigation: String = ""
    public var milestones: [MilestoneLine] = []
    public var submittedBy: String? = nil
}

public struct DemoPeriod: Sendable {
    public var key: String
    public var label: String
    public var asAt: CalendarDate
    public var publishOn: CalendarDate?
    public var status: PeriodStatus
    public var isIllustrative: Bool = false
    public var returns: [DemoReturn]
}

public enum Demo {
    public static let organisation = "NHS Dorset Clinical Commissioning Group"
    public static let portfolios: [DemoPortfolio] = [
        TransformationDashboard2016.portfolio, CDGPriorities2016.portfolio, GoverningBody2018.portfolio,
    ]

    /// People named in the seeds, with the job titles the papers give them.
    public static let people: [(name: String, jobTitle: String)] = [
        ("Phil Richardson", "Director of Design and Transformation"), ("Mike Wood", "Deputy Director"),
        ("Charles Summers", "Director of Engagement and Development"), ("Paul Vater", "Chief Finance Officer"),
        ("Kelly Spiller", "PMO"), ("Marc Gorman", "PMO Assurance Lead"), ("Tim Goodson", "Chief Officer"),
        ("Karen Kirkham", "Clinical Lead"), ("Jane Brennan", "Head of Service"),
        ("Sally Sandcraft", "Programme Manager"),
        ("Christian Verrinder", "Clinical Lead"), ("Cindy Shaw-Fletcher", "Head of Service"),
        ("Simon Watkins", "Clinical Lead"), ("Hazel Thorp", "Head of Service"),
        ("Paul French", "Clinical Lead"), ("Kath Florey Saunders", "Head of Service"),
    ]
}

extension CalendarDate {
    /// For literals in demo data, which are known to be valid.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)!
    }
}
