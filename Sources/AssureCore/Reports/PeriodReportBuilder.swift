import Foundation

/// Builds a period's report: roll-up, derived arrows and flags. Pure, so every rule is unit-tested.
public enum PeriodReportBuilder {
    /// Programmes are built side by side on every core from `parallelFrom` projects (the same report either way).
    public static func build(_ data: PeriodData, parallelFrom: Int = 2_000) -> PeriodReport {
        let scale = data.portfolio.scale
        let childrenByParent = Dictionary(grouping: data.projects.filter { $0.parentID != nil }, by: { $0.parentID! })

        func row(for project: ProjectInfo, itemIndex: Int?, parentLevel: RatingLevel? = nil) -> ProjectRow {
            let ret = data.returns[project.id]
            let reported = RecordedRating(ret?.rating, on: scale)
            let children = (childrenByParent[project.id] ?? []).enumerated().map {
                row(for: $1, itemIndex: $0, parentLevel: reported?.level ?? parentLevel)
            }
            let milestones = (ret?.milestones ?? []).map {
                MilestoneRow(title: $0.title, date: DateText($0.date), rating: RecordedRating($0.rating, on: scale))
            }
            let childWorst = children.compactMap(\.effective).worst
            let effective = [ret?.ownLevel(on: scale), childWorst].compactMap { $0 }.worst
            let derived: Trend? = effective.map { current in
                Trend.derive(current: current, previous: data.previousRatings[project.id])!
            }
            let trend = TrendCell(derived: derived, reported: ret?.reportedTrend)
            let subject = AssuranceChecks.Subject(
                project: project, isSubItem: project.parentID != nil, current: ret,
                previous: data.previousReturns[project.id],
                reported: reported, milestones: milestones, effective: effective, parentLevel: parentLevel,
                trend: trend,
                period: data.period, previousPeriodKey: data.previousPeriodKey, scale: scale,
                milestoneBaselines: data.milestoneBaselines[project.id] ?? [:])
            let flags = AssuranceChecks.run(subject).filter { !data.disabledChecks.contains($0.kind) }
            return ProjectRow(
                project: project, itemLabel: itemIndex.map(Self.itemLabel), hasReturn: ret != nil,
                reportedRating: reported, effective: effective, trend: trend, update: ret?.update ?? "",
                mitigation: ret?.mitigation ?? "", milestones: milestones, children: children,
                flags: flags, submittedBy: ret?.submittedBy,
                carriedForward: ret?.state == .carriedForward
                    ? ret?.carriedForward ?? CarriedForward(fromKey: data.previousPeriodKey) : nil)
        }

        // Grouped once: filtering every project for each programme made 2,500 programmes × 100,000 projects.
        let topLevel = Dictionary(grouping: data.projects.filter { $0.parentID == nil }, by: \.programmeID)
        let programmes = data.programmes.concurrentMap(inParallel: data.projects.count >= parallelFrom) { programme in
            let rows = (topLevel[programme.id] ?? []).map { row(for: $0, itemIndex: nil) }
            return ProgrammeReport(
                programme: programme, projects: rows, counts: counts(rows, scale: scale),
                worst: rows.compactMap(\.effective).worst)
        }
        let all = programmes.flatMap(\.projects)
        return PeriodReport(
            portfolio: data.portfolio, period: data.period, previousPeriodKey: data.previousPeriodKey,
            programmes: programmes, counts: counts(all, scale: scale), worst: all.compactMap(\.effective).worst)
    }

    /// "a)", "b)", … as the papers letter sub-items.
    public static func itemLabel(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "\(letters[index % letters.count]))"
    }

    /// Counts per level in scale order, then any not rated.
    static func counts(_ rows: [ProjectRow], scale: RatingScale) -> [RatingCount] {
        func count(_ label: String, _ level: RatingLevel?) -> RatingCount {
            let matching = rows.filter { $0.effective == level }
            return RatingCount(
                label: label, level: level, count: matching.count,
                notUpdated: matching.filter { $0.notUpdatedWords != nil }.count)
        }
        return scale.levels.map { count($0.label, $0) } + [count("Not rated", nil)]
    }
}

public extension PeriodReport {
    /// The counts a board will read once the period is published with the `carried` projects' returns carried
    /// forward: those projects at the rating last published for them, and counted as not updated.
    func counts(carryingForward carried: Set<UUID>, lastPublished: [UUID: RatingLevel]) -> [RatingCount] {
        let rows = allRows.map { row in
            (
                level: carried.contains(row.project.id) ? lastPublished[row.project.id] : row.effective,
                notUpdated: carried.contains(row.project.id) || row.notUpdatedWords != nil
            )
        }
        func count(_ label: String, _ level: RatingLevel?) -> RatingCount {
            let matching = rows.filter { $0.level == level }
            return RatingCount(
                label: label, level: level, count: matching.count, notUpdated: matching.filter(\.notUpdated).count)
        }
        return portfolio.scale.levels.map { count($0.label, $0) } + [count("Not rated", nil)]
    }
}
