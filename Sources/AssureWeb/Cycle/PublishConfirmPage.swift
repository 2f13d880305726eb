import AssureCore
import Foundation
import Plot

/// What publishing will do, to confirm before the period is frozen: the ratings the board will see, the returns
/// carried forward (or why it cannot be published yet), and whether the findings go with it.
struct PublishConfirmModel: Sendable {
    let tracking: ReturnTracking
    let policy: MissingReturnPolicy
    let publishesFindings: Bool
    let counts: [RatingCount]
}

enum PublishConfirmPage {
    static func render(_ model: PublishConfirmModel, _ context: PageContext) -> String {
        var context = context
        let tracking = model.tracking
        let period = tracking.period
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path),
            (tracking.portfolio.name, Link.portfolio(portfolio: tracking.portfolio.id).path),
            ("Returns for \(period.label)", Link.returnsTracking(period: period.id).path),
        ]
        let rows = tracking.rows
        let missing = tracking.missing
        let approved = rows.filter { $0.state == .approved }.count
        let unreviewed = rows.filter { $0.state == .submitted }.count
        var nodes: [HTMLNode] = [
            el("h1", text: "Publish \(period.label)?"),
            el(
                "p", [("class", "lede")],
                text: "\(tracking.portfolio.name). Once published the period is frozen: board members see it as final."),
            el("h2", text: "What the board will see"),
            RatingViews.counts(model.counts),
            model.policy == .carryForward && !missing.isEmpty
                ? el(
                    "p", [("class", "hint")],
                    text: "Returns carried forward are counted at the rating last published for them.")
                : txt(""),
            el(
                "ul", [],
                [
                    el(
                        "li",
                        text:
                            "\(rows.count - missing.count) of \(rows.count) returns in: \(approved) approved, \(unreviewed) submitted and not yet reviewed."
                    ),
                    el(
                        "li",
                        text: model.publishesFindings
                            ? "The assurance findings are published with the period."
                            : "The assurance findings stay with the PMO, SROs and leads."),
                ]),
        ]
        if missing.isEmpty {
            nodes.append(el("p", text: "Every return is in."))
        } else if model.policy == .block {
            nodes.append(
                el(
                    "div", [("class", "error-summary"), ("role", "alert")],
                    [
                        el("h2", text: "\(period.label) cannot be published yet"),
                        el(
                            "p",
                            text:
                                "You chose not to publish while any return is missing, and \(Wording.counted(missing.count, "return")) \(missing.count == 1 ? "is" : "are") not in:"
                        ),
                        el("ul", [("class", "missing-list")], missing.map(CockpitPage.missingItem)),
                    ]))
            nodes.append(el("p", [], [link(Link.returnsTracking(period: period.id).path, "Back to the returns")]))
            return Layout.render(context, nodes)
        } else {
            nodes.append(el("h2", text: "Carried forward (\(missing.count))"))
            nodes.append(
                el(
                    "p",
                    text:
                        "These returns are not in. Each will show last period's rating, update and milestones, marked “Not updated since …” in every output."
                ))
            nodes.append(el("ul", [("class", "missing-list")], missing.map(CockpitPage.missingItem)))
        }
        nodes.append(
            postForm(
                Link.publishPeriod(period: period.id).path, csrf: context.csrf,
                [
                    el("input", [("type", "hidden"), ("name", "missing"), ("value", model.policy.rawValue)]),
                    el(
                        "input",
                        [
                            ("type", "hidden"), ("name", "findings"),
                            ("value", model.publishesFindings ? "publish" : nil),
                        ]),
                    el(
                        "div", [("class", "actions")],
                        [
                            button("Publish and freeze"),
                            link(Link.returnsTracking(period: period.id).path, "Cancel"),
                        ]),
                ]))
        return Layout.render(context, nodes)
    }
}
