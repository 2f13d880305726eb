import AssureCore
import AssureOutput
import Plot

/// Ratings are always written as words beside their colour, so print and screen readers lose nothing.
enum RatingViews {
    static func cssClass(_ level: RatingLevel?) -> String {
        guard let level else { return "rag rag-off" }
        return "rag rag-\(level.code)"
    }

    static func badge(_ text: String, level: RatingLevel?) -> HTMLNode {
        guard !text.isEmpty else { return txt("") }
        let title = level.map { "\($0.label): \($0.meaning)" } ?? "Not on this portfolio's scale: kept as written"
        return el("span", [("class", cssClass(level)), ("title", title)], text: text)
    }

    static func trend(_ trend: Trend?, reported: Bool) -> HTMLNode {
        guard let trend else { return txt("") }
        let label = trend.words + (reported ? " (as reported on the paper)" : "")
        return el(
            "span",
            [("class", "trend trend-\(trend.rawValue)" + (reported ? " trend-reported" : "")), ("title", label)],
            [
                el("span", [("aria-hidden", "true")], text: trend.symbol),
                el("span", [("class", "visually-hidden")], text: label),
                reported ? el("sup", [("class", "reported-mark")], text: "r") : txt(""),
            ])
    }

    static func flags(_ flags: [Flag]) -> HTMLNode {
        guard !flags.isEmpty else { return txt("") }
        return el(
            "ul", [("class", "flags")],
            flags.map { el("li", [("class", "flag flag-\($0.kind.rawValue)")], text: $0.message) })
    }

    static func counts(_ counts: [RatingCount]) -> HTMLNode {
        el(
            "ul", [("class", "counts")],
            counts.filter { $0.count > 0 }.map { count in
                el(
                    "li", [],
                    [
                        count.level == nil ? notRated(count.label) : badge(count.label, level: count.level),
                        txt(" \(count.count)"),
                        (count.notUpdated ?? 0) > 0
                            ? el(
                                "span", [("class", "not-updated")], text: ", of which \(count.notUpdated!) not updated")
                            : txt(""),
                    ])
            })
    }

    /// No rating yet (no return, or no rating given): neutral, unlike a value off the scale.
    static func notRated(_ text: String = "Not rated") -> HTMLNode {
        el("span", [("class", "rag rag-none"), ("title", "No rating on the scale this period")], text: text)
    }
}
