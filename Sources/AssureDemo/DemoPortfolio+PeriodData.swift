import AssureCore
import Foundation

public extension DemoPortfolio {
    /// The period's report inputs, built in memory. Previous ratings come from building the previous
    /// published period's report, exactly as storage does.
    func periodData(_ key: String) -> PeriodData? {
        guard let index = periods.firstIndex(where: { $0.key == key }) else { return nil }
        let period = periods[index]
        let portfolioInfo = PortfolioInfo(id: stableID("portfolio", name), name: name, scale: .standard(scale))
        var programmeInfos: [ProgrammeInfo] = []
        var projectInfos: [ProjectInfo] = []
        var idsByKey: [String: UUID] = [:]
        for programme in programmes {
            let programmeID = stableID("programme", name, programme.name)
            programmeInfos.append(
                ProgrammeInfo(
                    id: programmeID, name: programme.name, kind: programme.kind,
                    clinicalLead: programme.clinicalLead, headOfService: programme.headOfService,
                    headOfServiceTitle: programme.headOfServiceTitle))
            for project in programme.projects {
                let projectID = stableID("project", name, project.key)
                idsByKey[project.key] = projectID
                projectInfos.append(project.info(id: projectID, programmeID: programmeID, parentID: nil))
                for (childIndex, child) in project.children.enumerated() {
                    let childKey = project.childKey(childIndex)
                    let childID = stableID("project", name, childKey)
                    idsByKey[childKey] = childID
                    projectInfos.append(child.info(id: childID, programmeID: programmeID, parentID: projectID))
                }
            }
        }
        func returns(of period: DemoPeriod) -> [UUID: ReturnInfo] {
            var result: [UUID: ReturnInfo] = [:]
            for ret in period.returns {
                guard let id = idsByKey[ret.project] else { continue }
                result[id] = ReturnInfo(
                    projectID: id, rating: ret.rating, reportedTrend: ret.trend, update: ret.update,
                    mitigation: ret.mitigation, milestones: ret.milestones, submittedBy: ret.submittedBy)
            }
            return result
        }
        let previous = periods[..<index].last { $0.status == .published }
        let previousReport = previous.flatMap { periodData($0.key) }.map { PeriodReportBuilder.build($0) }
        return PeriodData(
            portfolio: portfolioInfo,
            period: PeriodInfo(
                id: stableID("period", name, period.key), key: period.key, label: period.label,
                frequency: .monthly, asAt: period.asAt, publishOn: period.publishOn, status: period.status,
                isIllustrative: period.isIllustrative),
            programmes: programmeInfos, projects: projectInfos, returns: returns(of: period),
            previousPeriodKey: previous?.key,
            previousRatings: previousReport?.effectiveRatings ?? [:],
            previousReturns: previous.map(returns(of:)) ?? [:], disabledChecks: disabledChecks)
    }

}

public extension DemoProject {
    /// Sub-items are named in returns as "ICS001 a)".
    func childKey(_ index: Int) -> String { "\(key) \(PeriodReportBuilder.itemLabel(index))" }

    func info(id: UUID, programmeID: UUID, parentID: UUID?) -> ProjectInfo {
        ProjectInfo(
            id: id, programmeID: programmeID, parentID: parentID, reference: reference, title: title,
            description: description, sro: sro, lead: lead, commencement: commencement,
            projectPlan: projectPlan, projectTimescale: projectTimescale)
    }
}

/// A UUID derived from names, so demo identities are the same on every run.
func stableID(_ parts: String...) -> UUID {
    var bytes = [UInt8](repeating: 0, count: 16)
    var hash: UInt64 = 0xcbf29ce484222325
    for (i, byte) in parts.joined(separator: "\u{1F}").utf8.enumerated() {
        hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        bytes[i % 16] ^= UInt8(truncatingIfNeeded: hash >> 24)
    }
    for i in 0..<16 { hash = (hash ^ UInt64(i)) &* 0x100000001b3; bytes[i] ^= UInt8(truncatingIfNeeded: hash >> 32) }
    bytes[6] = (bytes[6] & 0x0F) | 0x50
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    return UUID(
        uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
}
