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
            // The return's own level (`ReturnInfo.ownLevel`) from the ratings just read, not read again.
            let ownLevel = ret.flatMap { _ in ([reported] + milestones.map(\.rating)).compactMap { $0?.level }.worst }
            let effective = [ownLevel, childWorst].compactMap { $0 }.worst
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
        RatingCount.tally(rows.lazy.map { (level: $0.effective, notUpdated: $0.isNotUpdated) }, on: scale)
    }
}

extension RatingCount {
    /// Counts per level of `scale` in its order, then "Not rated", in one pass over the rows (a row whose level is on
    /// no scale is in none, as before).
    static func tally(
        _ rows: some Sequence<(level: RatingLevel?, notUpdated: Bool)>, on scale: RatingScale
    )
        -> [RatingCount]
    {
        var counts = Array(repeating: (count: 0, notUpdated: 0), count: scale.levels.count + 1)
        for row in rows {
            let index = row.level.map { scale.levels.firstIndex(of: $0) } ?? .some(scale.levels.count)
            guard let index else { continue }
            counts[index].count += 1
            if row.notUpdated { counts[index].notUpdated += 1 }
        }
        let labels = scale.levels.map { ($0.label, Optional($0)) } + [("Not rated", nil)]
        return zip(labels, counts).map { label, counted in
            RatingCount(label: label.0, level: label.1, count: counted.count, notUpdated: counted.notUpdated)
        }
    }
}

public extension PeriodReport {
    /// The counts a board will read once the period is published with the `carried` projects' returns carried
    /// forward: those projects at the rating last published for them, and counted as not updated.
    func counts(carryingForward carried: Set<UUID>, lastPublished: [UUID: RatingLevel]) -> [RatingCount] {
        let rows = allRows.lazy.map { row in
            (
                level: carried.contains(row.project.id) ? lastPublished[row.project.id] : row.effective,
                notUpdated: carried.contains(row.project.id) || row.isNotUpdated
            )
        }
        return RatingCount.tally(rows, on: portfolio.scale)
    }
}
