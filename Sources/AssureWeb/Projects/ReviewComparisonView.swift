import AssureCore
import Foundation
import Plot

/// What a reviewer reads before approving: the new rating beside last period's with the arrow in words, each
/// milestone with what moved and by how many days, the update against last month's, and the checks' findings.
enum ReviewComparisonView {
    static func render(_ comparison: ReturnComparison, scale: RatingScale, findings: [Flag]) -> [HTMLNode] {
        let rating = comparison.rating
        var badges: [HTMLNode] = []
        if let previous = rating.previous {
            badges += [
                RatingViews.badge(previous.label, level: previous), el("span", [("aria-hidden", "true")], text: "→"),
            ]
        }
        badges += [
            rating.current.map { RatingViews.badge($0.label, level: $0) }
                ?? (rating.written.isEmpty
                    ? el("span", text: "Not rated") : RatingViews.badge(rating.written, level: nil)),
            el("strong", [("id", "rating-change")], text: rating.words),
        ]
        let since = comparison.previousPeriod.map { "since \($0)" } ?? "(no earlier return)"
        var nodes: [HTMLNode] = [
            el("h2", text: "Rating \(since)"),
            el("p", [("class", "compare")], badges),
            el("h2", text: "Milestones"),
            milestones(comparison, scale: scale),
            el("h2", text: "Update"),
        ]
        nodes.append(
            narrative(
                "Update", now: comparison.current.update, before: comparison.previousUpdate,
                repeated: comparison.updateRepeated, period: comparison.previousPeriod))
        nodes.append(el("h2", text: "Mitigation"))
        nodes.append(
            narrative(
                "Mitigation", now: comparison.current.mitigation, before: comparison.previousMitigation,
                repeated: comparison.mitigationRepeated, period: comparison.previousPeriod))
        nodes.append(el("h2", text: "Assurance findings (\(findings.count))"))
        nodes.append(
            findings.isEmpty ? el("p", text: "The checks found nothing to query.") : RatingViews.flags(findings))
        return nodes
    }

    static func milestones(_ comparison: ReturnComparison, scale: RatingScale) -> HTMLNode {
        guard !comparison.milestones.isEmpty || !comparison.dropped.isEmpty else {
            return el("p", text: "No milestones.")
        }
        return el(
            "table", [("class", "milestone-changes")],
            [
                el(
                    "thead", [],
                    [
                        el(
                            "tr", [],
                            ["Milestone", "Date", "RAG", "Since last period"].map { columnHeader($0) })
                    ]),
                el(
                    "tbody", [],
                    comparison.milestones.map { milestone in
                        el(
                            "tr", [],
                            [
                                el("td", text: milestone.title), el("td", text: milestone.date),
                                el(
                                    "td", [],
                                    [
                                        milestone.rating.map { RatingViews.badge($0, level: scale.level(for: $0)) }
                                            ?? txt("Not rated")
                                    ]),
                                el(
                                    "td", [("class", (milestone.daysMoved ?? 0) > 0 ? "moved-later" : nil)],
                                    text: milestone.movement),
                            ])
                    }
                        + comparison.dropped.map { title in
                            el(
                                "tr", [],
                                [
                                    el("td", text: title), el("td", text: ""), el("td", text: ""),
                                    el("td", text: "Removed this period"),
                                ])
                        }),
            ])
    }

    static func narrative(_ name: String, now: String, before: String?, repeated: Bool, period: String?) -> HTMLNode {
        guard let before, let period else { return paragraphs(now.isEmpty ? "None given." : now) }
        if repeated {
            return .group([
                el("p", [("class", "flag")], text: "The same as \(period), word for word."),
                paragraphs(now),
            ])
        }
        return el(
            "div", [("class", "side-by-side")],
            [
                el("div", [], [el("h3", text: "This period")] + [paragraphs(now.isEmpty ? "None given." : now)]),
                el("div", [], [el("h3", text: period)] + [paragraphs(before.isEmpty ? "None given." : before)]),
            ])
    }
}
