import AssureCore
import AssureOutput
import Foundation
import Plot

struct DashboardPageModel: Sendable {
    let kind: ReportKind
    let report: PeriodReport
    /// The portfolio's periods, for showing the dashboard as at any of them.
    let periods: [PeriodInfo]
    let canManage: Bool
    /// Set when the page shows one programme only.
    var programme: UUID? = nil
    /// Whether the reader acts on the assurance findings (PMO, SROs, editors); board readers see them only where the
    /// PMO published them with the period.
    var seesFindings: Bool = true

    var showsFindings: Bool { seesFindings || report.findingsPublished }
}

/// Seeds 004 and 000 as pages: heading, counts, the paper's tables, the key, and what the PMO should check.
enum DashboardPage {
    static func render(_ model: DashboardPageModel, _ context: PageContext) -> String {
        let report = model.report
        var context = context
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path),
            (report.portfolio.name, Link.portfolio(portfolio: report.portfolio.id).path),
        ]
        return Layout.render(
            context, heading(model) + [periodSwitcher(model), actions(model)] + body(model, links: true))
    }

    static func standalone(_ model: DashboardPageModel) -> String {
        let context = PageContext(
            actor: nil, csrf: "",
            title: "\(model.report.portfolio.name): \(model.kind.title) — \(model.report.period.label)")
        return Layout.render(context, heading(model) + body(model, links: false))
    }

    static func heading(_ model: DashboardPageModel) -> [HTMLNode] {
        let period = model.report.period
        var facts = "As at \(period.asAt.longDisplay)"
        if let publishOn = period.publishOn { facts += " · publication date \(publishOn.longDisplay)" }
        facts += " · \(period.status == .published ? "Published" : period.status.rawValue.capitalized)"
        return [
            el("h1", text: "\(model.report.portfolio.name): \(model.kind.title) — \(period.label)"),
            el(
                "p", [("class", "lede")],
                [
                    txt(facts),
                    period.isIllustrative
                        ? el(
                            "span", [("class", "illustrative")], text: " Illustrative period, not from the seed papers")
                        : txt(""),
                ]),
            provisionalBanner(model.report),
        ]
    }

    /// Said at the top of every page and print of a period not yet published.
    static func provisionalBanner(_ report: PeriodReport) -> HTMLNode {
        guard report.isProvisional else { return txt("") }
        return el(
            "p", [("class", "provisional"), ("role", "note")], [el("strong", text: PeriodReport.provisionalNotice)])
    }

    static func body(_ model: DashboardPageModel, links: Bool) -> [HTMLNode] {
        let report = model.report
        let projectLink: (String) -> String? = { id in
            links ? UUID(uuidString: id).map { Link.project(project: $0).path } : nil
        }
        var nodes: [HTMLNode] = [
            el(
                "section", [("aria-label", "Counts")],
                [
                    el("h2", text: "Summary"),
                    el("div", [], [txt("Portfolio: "), RatingViews.counts(report.counts)]),
                    el(
                        "ul", [("class", "cards")],
                        report.programmes.map { programme in
                            el(
                                "li", [("class", "card")],
                                [
                                    el("h3", text: programme.programme.name), RatingViews.counts(programme.counts),
                                    el(
                                        "p", [],
                                        [
                                            txt("Worst: "),
                                            programme.worst.map { RatingViews.badge($0.label, level: $0) }
                                                ?? RatingViews.notRated(),
                                        ]),
                                ])
                        }),
                ])
        ]
        for table in model.kind.tables(report) {
            nodes.append(
                el(
                    "section", [],
                    table.subtitle.map { el("p", [("class", "lede")], text: $0) }
                        + [ReportTableView.render(table, projectLink: projectLink, updateColumn: "UPDATE/MITIGATION")]))
        }
        if model.kind != .exceptions {
            nodes.append(ReportTableView.key(report.portfolio.scale))
            if model.showsFindings { nodes.append(checks(report)) }
        }
        // The findings are working notes: left out of print unless the PMO published them with the period.
        return [el("div", [("class", report.findingsPublished ? "findings-published" : "working-copy")], nodes)]
    }

    static func checks(_ report: PeriodReport) -> HTMLNode {
        let flags = report.allFlags
        return el(
            "section", [("class", "checks")],
            [
                el("h2", text: "For the PMO to check (\(flags.count))"),
                flags.isEmpty
                    ? el("p", text: "Nothing to check.")
                    : el(
                        "ul", [],
                        flags.map {
                            el(
                                "li", [],
                                [
                                    el("strong", text: $0.project.reference ?? $0.project.title),
                                    txt(": \($0.flag.message)"),
                                ])
                        }),
            ])
    }

    static func periodSwitcher(_ model: DashboardPageModel) -> HTMLNode {
        guard model.periods.count > 1 else { return txt("") }
        return el(
            "nav", [("class", "actions no-print"), ("aria-label", "Periods")],
            [el("span", text: "Show as at:")]
                + model.periods.map { period in
                    period.id == model.report.period.id
                        ? el("strong", text: period.label)
                        : link(
                            model.kind.pageLink(period: period.id).path,
                            period.label + (period.status == .published ? "" : " (\(period.status.rawValue))"))
                })
    }

    static func actions(_ model: DashboardPageModel) -> HTMLNode {
        let id = model.report.period.id
        return el(
            "div", [("class", "actions no-print")],
            [
                downloadLinks(
                    model.kind.pageLink(period: id).path(query: model.programme.map { "programme=\($0.uuidString)" })),
                link(model.kind.apiLink(period: id).path, "JSON"),
                model.kind == .exceptions || !model.showsFindings
                    ? txt("")
                    : link(
                        Link.exceptions(period: id).path, "Assurance exceptions (\(model.report.allFlags.count))"),
            ] + programmeLinks(model))
    }

    /// One link per programme, so an SRO can read just theirs.
    static func programmeLinks(_ model: DashboardPageModel) -> [HTMLNode] {
        if model.programme != nil {
            return [link(model.kind.pageLink(period: model.report.period.id).path, "All programmes")]
        }
        if model.report.programmes.count < 2 { return [] }
        return [el("span", text: "Programme:")]
            + model.report.programmes.map { programme in
                link(
                    model.kind.pageLink(period: model.report.period.id).path(
                        query: "programme=\(programme.programme.id.uuidString)"),
                    programme.programme.name)
            }
    }

}
