import Foundation

/// Who reads a period's outputs, and so what they are shown. One rule for every page, download and API answer:
/// a return in progress is seen only by those who may open it (its editors, its reviewer, the PMO), and the assurance
/// findings, the PMO's working notes, only by the people who act on them unless the PMO published them with the period.
public struct Readership: Hashable, Sendable {
    public var isPMO: Bool
    /// Programmes whose returns this reader writes.
    public var editableProgrammes: Set<UUID>
    /// Projects whose returns this reader reviews (as SRO, or as the clinical lead of the programme).
    public var reviewedProjects: Set<UUID>

    public init(isPMO: Bool, editableProgrammes: Set<UUID> = [], reviewedProjects: Set<UUID> = []) {
        self.isPMO = isPMO
        self.editableProgrammes = editableProgrammes
        self.reviewedProjects = reviewedProjects
    }

    /// The PMO, and the command line that acts as it.
    public static let pmo = Readership(isPMO: true)
    /// A board member: reads what is published, and nothing in progress.
    public static let board = Readership(isPMO: false)

    /// The PMO, SROs, clinical leads and editors act on the findings; board members read the period.
    public var seesFindings: Bool { isPMO || !editableProgrammes.isEmpty || !reviewedProjects.isEmpty }

    /// Whether this reader may see a project's return while it is in progress (a draft, or returned for changes).
    public func maySeeInProgress(_ project: ProjectInfo) -> Bool {
        isPMO || editableProgrammes.contains(project.programmeID) || reviewedProjects.contains(project.id)
            || project.parentID.map(reviewedProjects.contains) == true
    }
}

public extension ReturnState {
    /// Being written or corrected: not yet put forward by its lead, so not for anyone else to read.
    var isInProgress: Bool { self == .draft || self == .returnedForChanges || self == .notStarted }
}

public extension Flag.Kind {
    /// Facts of the period that every reader is told (a missing or carried-forward return), unlike the findings.
    var isBoardFact: Bool { self == .noReturn || self == .notUpdated }
}

public extension PeriodData {
    /// The data with every return in progress that `reader` may not see left out: for them the project has no return yet.
    func withholdingReturnsInProgress(from reader: Readership) -> PeriodData {
        guard !reader.isPMO else { return self }
        var data = self
        let projects = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        data.returns = returns.filter { id, ret in
            guard ret.state?.isInProgress == true, let project = projects[id] else { return true }
            return reader.maySeeInProgress(project)
        }
        return data
    }
}

public extension PeriodReport {
    /// Whether the PMO published the findings with the period for every reader.
    var findingsPublished: Bool { period.findingsAreForEveryone }

    /// Whether this period's outputs are not yet final: everything shown of it carries `PeriodReport.provisionalNotice`.
    var isProvisional: Bool { period.status != .published }

    static let provisionalNotice = "Provisional: not yet published; includes returns not yet approved"

    /// The report as `reader` is shown it: the findings left out unless the reader acts on them or the PMO published
    /// them; the facts of the period (missing and carried-forward returns) always kept.
    func shown(to reader: Readership) -> PeriodReport {
        guard !reader.seesFindings, !findingsPublished else { return self }
        return PeriodReport(
            portfolio: portfolio, period: period, previousPeriodKey: previousPeriodKey,
            programmes: programmes.map {
                ProgrammeReport(
                    programme: $0.programme,
                    projects: $0.projects.map { $0.shown(to: reader, in: period) },
                    counts: $0.counts, worst: $0.worst)
            },
            counts: counts, worst: worst)
    }
}

public extension ProjectRow {
    /// The row as `reader` is shown it in `period`: the rule of `PeriodReport.shown(to:)`, for a page that reads one
    /// project's rows.
    func shown(to reader: Readership, in period: PeriodInfo) -> ProjectRow {
        guard !reader.seesFindings, !period.findingsAreForEveryone else { return self }
        var row = self
        row.flags = row.flags.filter(\.kind.isBoardFact)
        row.children = row.children.map { $0.shown(to: reader, in: period) }
        return row
    }
}

public extension PeriodInfo {
    /// Whether the PMO published the findings with the period for every reader.
    var findingsAreForEveryone: Bool { status == .published && findingsPublished == true }
}
