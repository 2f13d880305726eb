import AssureCore
import FluentKit
import Foundation

/// A return as its form shows it: the project, the period, and the values to edit.
public struct ReturnSheet: Sendable {
    public let project: ProjectInfo
    public let programme: ProgrammeInfo
    public let period: PeriodInfo
    public let scale: RatingScale
    public let form: ReturnForm
    /// True when the values come from the previous period because nothing was entered yet.
    public let isPrefilled: Bool
    public let submittedBy: String?
    public let submittedAt: Date?
    public let state: ReturnState
    public let version: Int
    public let savedBy: String?
    public let savedAt: Date?
    public let reviewedBy: String?
    /// What the SRO or PMO asked to change, when returned for changes.
    public let reviewComment: String?
    /// The project's return in the latest earlier period, and that period's label: what a reviewer compares with.
    public var previous: (form: ReturnForm, periodLabel: String)? = nil

    /// This return beside the last period's.
    public var comparison: ReturnComparison {
        ReturnComparison(current: form, previous: previous?.form, previousPeriod: previous?.periodLabel, scale: scale)
    }
}

public enum Returns {
    public static func sheet(_ db: Database, periodID: UUID, projectID: UUID) async throws -> ReturnSheet {
        guard let period = try await PeriodRecord.find(periodID, on: db) else {
            throw DomainError.notFound("reporting period")
        }
        guard let project = try await ProjectRecord.find(projectID, on: db),
            let programme = try await ProgrammeRecord.find(project.$programme.id, on: db),
            programme.$portfolio.id == period.$portfolio.id,
            let portfolio = try await PortfolioRecord.find(period.$portfolio.id, on: db)
        else {
            throw DomainError.notFound("project in this period's portfolio")
        }
        let names = try await People.names(db)
        let existing = try await ReturnRecord.query(on: db).filter(\.$period.$id == periodID)
            .filter(\.$project.$id == projectID).with(\.$milestones).first()
        let earlier = try await latestEarlierWithPeriod(db, before: period, projects: [projectID])[projectID]
        // With nothing entered yet, prefill from the project's latest earlier return, so a lead edits, not retypes.
        let info = try existing.map { try $0.info(milestones: $0.milestones) } ?? earlier?.info
        let form = ReturnForm(
            rating: info?.rating ?? "", update: existing == nil ? "" : info?.update ?? "",
            mitigation: existing == nil ? "" : info?.mitigation ?? "",
            milestones: info?.milestones ?? [], baseVersion: existing?.version ?? 0)
        return ReturnSheet(
            project: try project.info(names: names), programme: try programme.info(names: names),
            period: try period.info, scale: try portfolio.info.scale, form: form,
            isPrefilled: existing == nil && info != nil,
            submittedBy: existing?.submittedBy, submittedAt: existing?.submittedAt,
            state: try existing?.returnState ?? .notStarted, version: existing?.version ?? 0,
            savedBy: existing?.savedBy, savedAt: existing?.savedAt, reviewedBy: existing?.reviewedBy,
            reviewComment: existing?.reviewComment,
            previous: earlier.map { earlier in
                (
                    ReturnForm(
                        rating: earlier.info.rating ?? "", update: earlier.info.update,
                        mitigation: earlier.info.mitigation, milestones: earlier.info.milestones, baseVersion: 0),
                    PeriodKey(earlier.periodKey)?.label ?? earlier.periodKey
                )
            })
    }

}

package extension ReturnMilestoneRecord {
    convenience init(returnID: UUID, position: Int, line: MilestoneLine) {
        self.init()
        self.$parentReturn.id = returnID
        self.position = position
        self.title = line.title
        self.dateText = line.date
        let parsed = DateText(line.date).parsed
        self.dueBy = parsed?.dueBy.iso
        self.precision = parsed?.precision.rawValue
        self.rating = line.rating
    }
}

package extension Returns {
    /// Each project's latest return in an earlier period of the same portfolio: two queries.
    static func latestEarlier(
        _ db: Database, before period: PeriodRecord,
        projects: [UUID]
    ) async throws -> [UUID: ReturnInfo] {
        try await latestEarlierWithPeriod(db, before: period, projects: projects).mapValues(\.info)
    }

    /// Each project's latest return before `period`, with the key of the period it was reported in.
    static func latestEarlierWithPeriod(
        _ db: Database, before period: PeriodRecord,
        projects: [UUID]
    ) async throws -> [UUID: (info: ReturnInfo, periodKey: String)] {
        let earlier = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == period.$portfolio.id)
            .filter(\.$asAt < period.asAt).sort(\.$asAt, .descending).all()
        guard !earlier.isEmpty, !projects.isEmpty else { return [:] }
        let order = Dictionary(
            uniqueKeysWithValues: try earlier.enumerated().map { (try $1.requireID(), (rank: $0, key: $1.key)) })
        let candidates = try await ReturnRecord.query(on: db).filter(\.$project.$id ~~ projects)
            .filter(\.$period.$id ~~ earlier.compactMap(\.id)).with(\.$milestones).all()
        var result: [UUID: (rank: Int, info: ReturnInfo, periodKey: String)] = [:]
        for ret in candidates {
            guard let (rank, key) = order[ret.$period.id] else { continue }
            if rank < result[ret.$project.id]?.rank ?? .max {
                result[ret.$project.id] = (rank, try ret.info(milestones: ret.milestones), key)
            }
        }
        return result.mapValues { ($0.info, $0.periodKey) }
    }
}
