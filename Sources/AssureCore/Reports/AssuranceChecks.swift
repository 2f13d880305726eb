import Foundation

/// The checks a PMO makes of every return before a board sees it. Pure: each rule is unit-tested with seed data.
public enum AssuranceChecks {
    /// A return submitted more than this many days before the as-at date is stale.
    public static let staleAfterDays = 30

    /// One project's (or sub-item's) return, with what the checks compare it against.
    public struct Subject: Sendable {
        public var project: ProjectInfo
        public var isSubItem: Bool
        public var current: ReturnInfo?
        public var previous: ReturnInfo?
        public var reported: RecordedRating?
        public var milestones: [MilestoneRow]
        public var effective: RatingLevel?
        /// For an unrated sub-item, the rating its project carries.
        public var parentLevel: RatingLevel?
        public var trend: TrendCell
        public var period: PeriodInfo
        public var previousPeriodKey: String?
        public var scale: RatingScale
        /// Each milestone's baseline and moves in the earlier published periods, by title.
        public var milestoneBaselines: [String: MilestoneBaseline] = [:]
    }

    public static func run(_ s: Subject) -> [Flag] {
        guard s.current != nil || s.isSubItem else { return [Flag(.noReturn, "No return for this period.")] }
        if s.current?.state == .carriedForward {
            // The narrative is last period's by design, and its age is the point: one flag says so.
            let notUpdated = Flag(
                .notUpdated,
                "Not updated this period: the last return (rating, update and milestones) is carried forward.")
            return [notUpdated] + offScale(s) + rollUp(s) + overdue(s) + unreadable(s) + accountable(s)
        }
        return notSubmitted(s) + offScale(s) + rollUp(s) + overdue(s) + slipped(s) + repeated(s) + unreadable(s)
            + accountable(s) + arrows(s) + stale(s)
    }

    /// A return still being written (or sent back) is not in: the exceptions page counts it with the missing ones, as
    /// the returns page does, though the PMO can already read the draft.
    static func notSubmitted(_ s: Subject) -> [Flag] {
        guard !s.isSubItem, let state = s.current?.state, state.isInProgress else { return [] }
        let words = state == .returnedForChanges ? "was returned for changes" : "is still a draft"
        return [Flag(.noReturn, "Not submitted: the return \(words).")]
    }

    static func offScale(_ s: Subject) -> [Flag] {
        let words = s.scale.levels.map(\.label).joined(separator: ", ")
        var flags: [Flag] = []
        if let reported = s.reported, !reported.isOnScale {
            flags.append(
                Flag(.ratingOffScale, "Rating “\(reported.written)” is not on the scale (\(words)); kept as written."))
        }
        for milestone in s.milestones {
            if let rating = milestone.rating, !rating.isOnScale {
                flags.append(
                    Flag(
                        .ratingOffScale,
                        "Milestone “\(milestone.title)” is rated “\(rating.written)”, which is not on the scale (\(words)); kept as written."
                    ))
            }
        }
        return flags
    }

    static func rollUp(_ s: Subject) -> [Flag] {
        guard let reported = s.reported?.level, let worst = s.milestones.compactMap({ $0.rating?.level }).worst,
            worst.rank > reported.rank
        else { return [] }
        return [
            Flag(
                .rollUpContradiction,
                "Reported \(reported.label), but a milestone is rated \(worst.label): by the roll-up rule the project carries \(worst.label)."
            )
        ]
    }

    /// Rated as if on track (anything but Red or Complete) while a milestone's date has passed and it is not complete.
    static func overdue(_ s: Subject) -> [Flag] {
        guard let level = s.effective ?? s.parentLevel, level.code != "red", level.code != "complete" else { return [] }
        return s.milestones.compactMap { milestone in
            guard let due = milestone.date.parsed, due.dueBy < s.period.asAt, !isComplete(milestone) else { return nil }
            let days = due.dueBy.days(until: s.period.asAt)
            return Flag(
                .overdueMilestone,
                "Rated \(level.label), but “\(milestone.title)” was due \(milestone.date.written) (\(days) days before the as-at date) and is not marked complete."
            )
        }
    }

    static func isComplete(_ milestone: MilestoneRow) -> Bool {
        milestone.rating?.level?.code == "complete"
            || milestone.date.parsed?.qualifier?.lowercased().contains("complete") == true
    }

    /// A milestone of the same name whose date moved since the previous period.
    /// A date moved since the last period, or (where it has not moved since) still later or earlier than first reported.
    static func slipped(_ s: Subject) -> [Flag] {
        s.milestones.compactMap { milestone in
            guard let now = milestone.date.parsed else { return nil }
            let history = s.milestoneBaselines[milestone.title]
            let previousLine = s.previous?.milestones.first { $0.title == milestone.title }
            let moves = history?.moves(reportingNow: now.dueBy) ?? 0
            let baseline = history.flatMap { track in track.baseline.dueBy.map { (track.baseline, $0) } }
            var sentences: [String] = []
            if let previousLine, let then = DateText(previousLine.date).parsed, then.dueBy != now.dueBy {
                sentences.append(
                    "“\(milestone.title)” moved from \(previousLine.date) to \(milestone.date.written) (\(phrase(then.dueBy.days(until: now.dueBy)))) since \(s.previousPeriodKey ?? "the last report")."
                )
            }
            if let baseline, baseline.1 != now.dueBy, baseline.0.date != previousLine?.date || sentences.isEmpty {
                let lead = sentences.isEmpty ? "“\(milestone.title)” is due \(milestone.date.written), " : "That is "
                sentences.append(
                    lead
                        + "\(phrase(baseline.1.days(until: now.dueBy))) than first reported (\(baseline.0.date) in \(baseline.0.periodKey)); moved \(moves) time\(moves == 1 ? "" : "s")."
                )
            }
            return sentences.isEmpty ? nil : Flag(.milestoneSlipped, sentences.joined(separator: " "))
        }
    }

    private static func phrase(_ days: Int) -> String { days > 0 ? "\(days) days later" : "\(-days) days earlier" }

    static func repeated(_ s: Subject) -> [Flag] {
        // `trimmed`, not Foundation's `trimmingCharacters`: this runs for every project on every dashboard, and the
        // bridge to NSString was a fifth of building one.
        let now = (s.current?.update ?? "").trimmed(newlines: true)
        let then = (s.previous?.update ?? "").trimmed(newlines: true)
        guard !now.isEmpty, now == then else { return [] }
        return [
            Flag(
                .repeatedNarrative,
                "The update is word for word the one given for \(s.previousPeriodKey ?? "the last report").")
        ]
    }

    static func unreadable(_ s: Subject) -> [Flag] {
        s.milestones.compactMap { milestone in
            milestone.date.problem.map {
                Flag(.unreadableDate, "Milestone date “\(milestone.date.written)” could not be read: \($0).")
            }
        }
    }

    static func accountable(_ s: Subject) -> [Flag] {
        guard !s.isSubItem else { return [] }
        var flags: [Flag] = []
        if (s.project.sro ?? "").isEmpty { flags.append(Flag(.noSRO, "No senior responsible owner is named.")) }
        if (s.project.lead ?? "").isEmpty { flags.append(Flag(.noLead, "No project lead is named.")) }
        return flags
    }

    static func arrows(_ s: Subject) -> [Flag] {
        var flags: [Flag] = []
        if let derived = s.trend.derived, derived != .new, let reported = s.trend.reported, reported != derived {
            flags.append(
                Flag(
                    .trendDisagrees,
                    "The paper shows \(reported.symbol) but the ratings give \(derived.symbol) since \(s.previousPeriodKey ?? "the last report")."
                ))
        }
        // A sub-item's arrow speaks under its project's rating.
        if let reported = s.trend.reported, s.effective == nil, s.parentLevel == nil {
            flags.append(
                Flag(.arrowWithoutRating, "An arrow (\(reported.symbol)) is reported with no rating on the scale."))
        }
        return flags
    }

    static func stale(_ s: Subject) -> [Flag] {
        guard let submitted = s.current?.submittedAt,
            let asAt = Calendar(identifier: .gregorian).date(
                from: DateComponents(
                    timeZone: TimeZone(identifier: "UTC"),
                    year: s.period.asAt.year, month: s.period.asAt.month, day: s.period.asAt.day))
        else { return [] }
        let days = Int(asAt.timeIntervalSince(submitted) / 86_400)
        guard days > staleAfterDays else { return [] }
        return [Flag(.staleReturn, "Submitted \(days) days before the as-at date: check it is still current.")]
    }
}
