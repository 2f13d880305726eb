/// Builds a period's report: roll-up, derived arrows and flags. Pure, so every rule is unit-tested.
public enum PeriodReportBuilder {
    public static func build(_ data: PeriodData) -> PeriodReport {
        let scale = data.portfolio.scale
        let childrenByParent = Dictionary(grouping: data.projects.filter { $0.parentID != nil }, by: { $0.parentID! })

        func row(for project: ProjectInfo, itemIndex: Int?) -> ProjectRow {
            let children = (childrenByParent[project.id] ?? []).enumerated().map { row(for: $1, itemIndex: $0) }
            let ret = data.returns[project.id]
            let reported = RecordedRating(ret?.rating, on: scale)
            let milestones = (ret?.milestones ?? []).map {
                MilestoneRow(title: $0.title, date: DateText($0.date), rating: RecordedRating($0.rating, on: scale))
            }
            let milestoneWorst = milestones.compactMap { $0.rating?.level }.worst
            let childWorst = children.compactMap(\.effective).worst
            let effective = [reported?.level, milestoneWorst, childWorst].compactMap { $0 }.worst

            let derived: Trend? = effective.map { current in
                Trend.derive(current: current, previous: data.previousRatings[project.id])!
            }
            let trend = TrendCell(derived: derived, reported: ret?.reportedTrend)
            var flags = ratingFlags(reported: reported, milestones: milestones, scale: scale)
            if let reportedLevel = reported?.level, let worst = milestoneWorst, worst.rank > reportedLevel.rank {
                flags.append(Flag(.rollUpContradiction,
                    "Reported \(reportedLevel.label), but a milestone is rated \(worst.label): by the roll-up rule the project carries \(worst.label)."))
            }
            if let derived, derived != .new, let reportedTrend = ret?.reportedTrend, reportedTrend != derived {
                flags.append(Flag(.trendDisagrees,
                    "The paper shows \(reportedTrend.symbol) but the ratings give \(derived.symbol) since \(data.previousPeriodKey ?? "the last report")."))
            }
            if ret?.reportedTrend != nil, effective == nil {
                flags.append(Flag(.arrowWithoutRating, "An arrow (\(ret!.reportedTrend!.symbol)) is reported with no rating on the scale."))
            }
            for milestone in milestones {
                if let problem = milestone.date.problem {
                    flags.append(Flag(.unreadableDate, "Milestone date “\(milestone.date.written)” could not be read: \(problem)."))
                }
            }
            if ret == nil, project.parentID == nil {
                flags.append(Flag(.noReturn, "No return for this period."))
            }
            return ProjectRow(project: project, itemLabel: itemIndex.map(Self.itemLabel), hasReturn: ret != nil,
                              reportedRating: reported, effective: effective, trend: trend, update: ret?.update ?? "",
                              mitigation: ret?.mitigation ?? "", milestones: milestones, children: children,
                              flags: flags, submittedBy: ret?.submittedBy)
        }

        let topLevel = data.projects.filter { $0.parentID == nil }
        let programmes = data.programmes.map { programme in
            let rows = topLevel.filter { $0.programmeID == programme.id }.map { row(for: $0, itemIndex: nil) }
            return ProgrammeReport(programme: programme, projects: rows, counts: counts(rows, scale: scale),
                                   worst: rows.compactMap(\.effective).worst)
        }
        let all = programmes.flatMap(\.projects)
        return PeriodReport(portfolio: data.portfolio, period: data.period, previousPeriodKey: data.previousPeriodKey,
                            programmes: programmes, counts: counts(all, scale: scale), worst: all.compactMap(\.effective).worst)
    }

    /// "a)", "b)", … as the papers letter sub-items.
    public static func itemLabel(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "\(letters[index % letters.count]))"
    }

    static func ratingFlags(reported: RecordedRating?, milestones: [MilestoneRow], scale: RatingScale) -> [Flag] {
        let scaleWords = scale.levels.map(\.label).joined(separator: ", ")
        var flags: [Flag] = []
        if let reported, !reported.isOnScale {
            flags.append(Flag(.ratingOffScale, "Rating “\(reported.written)” is not on the scale (\(scaleWords)); kept as written."))
        }
        for milestone in milestones {
            if let rating = milestone.rating, !rating.isOnScale {
                flags.append(Flag(.ratingOffScale,
                    "Milestone “\(milestone.title)” is rated “\(rating.written)”, which is not on the scale (\(scaleWords)); kept as written."))
            }
        }
        return flags
    }

    /// Counts per level in scale order, then any not rated.
    static func counts(_ rows: [ProjectRow], scale: RatingScale) -> [RatingCount] {
        var result = scale.levels.map { level in
            RatingCount(label: level.label, level: level, count: rows.filter { $0.effective == level }.count)
        }
        let unrated = rows.filter { $0.effective == nil }.count
        result.append(RatingCount(label: "Not rated", level: nil, count: unrated))
        return result
    }
}
