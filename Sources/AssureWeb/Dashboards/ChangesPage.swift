import AssureCore
import AssureOutput
import Foundation
import Plot

struct ChangesPageModel: Sendable {
    /// The portfolio's periods, for choosing the two to compare.
    let periods: [PeriodInfo]
    let comparison: ChangesReport.Comparison
    /// The PMO may ask for the board paper's progress section drafted from these two periods.
    var mayDraft = false
    var narrative: ProgressNarrative? = nil

    var portfolio: PortfolioInfo { comparison.portfolio }
    var from: PeriodInfo { comparison.from }
    var to: PeriodInfo { comparison.to }
}

/// What changed between two periods: counts first, then each change. A plain GET form picks the periods (no script).
enum ChangesPage {
    static func render(_ model: ChangesPageModel, _ context: PageContext) -> String {
        var context = context
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path),
            (model.portfolio.name, Link.portfolio(portfolio: model.portfolio.id).path),
        ]
        let keys = model.periods.map(\.key)
        let chooser = el(
            "form",
            [
                ("method", "get"), ("action", Link.changes(portfolio: model.portfolio.id).path),
                ("class", "actions no-print"),
            ],
            [
                FormViews.select("from", label: "From", options: keys, selected: model.from.key, errors: [:]),
                FormViews.select("to", label: "To", options: keys, selected: model.to.key, errors: [:]),
                button("Compare", class: "button secondary"),
                downloadLinks(
                    Link.changes(portfolio: model.portfolio.id).path(
                        query: "from=\(model.from.key)&to=\(model.to.key)")
                ),
            ])
        return Layout.render(context, heading(model) + [chooser] + draft(model) + body(model, links: true))
    }

    static func standalone(_ model: ChangesPageModel) -> String {
        Layout.render(
            PageContext(actor: nil, csrf: "", title: "\(model.portfolio.name): what changed"),
            heading(model) + body(model, links: false))
    }

    static func heading(_ model: ChangesPageModel) -> [HTMLNode] {
        [
            el(
                "h1",
                text:
                    "\(model.portfolio.name): what changed from \(model.from.label) to \(model.to.label)"),
            el(
                "p", [("class", "lede")],
                text: "Ratings as each period stands (published periods as they were published)."),
        ]
    }

    /// The drafted progress section, or for the PMO the way to ask for it.
    static func draft(_ model: ChangesPageModel) -> [HTMLNode] {
        let address = Link.changes(portfolio: model.portfolio.id)
        guard let narrative = model.narrative else {
            guard model.mayDraft else { return [] }
            return [
                el(
                    "p", [("class", "no-print")],
                    [
                        el(
                            "a",
                            [
                                (
                                    "href",
                                    address.path(query: "from=\(model.from.key)&to=\(model.to.key)&draft=progress")
                                )
                            ], text: "Draft the board paper's progress section from these two periods")
                    ])
            ]
        }
        return [
            el(
                "section", [("id", "progress-draft"), ("class", "progress-draft")],
                [
                    el("h2", text: "Portfolio progress: a draft from \(narrative.from.label) to \(narrative.to.label)"),
                    el(
                        "p", [("class", "hint")],
                        text: "Drafted from the two periods' data for the PMO to edit: each project named links to "
                            + "its page. Nothing here is published until it is put in the paper."),
                ]
                    + paragraphs(narrative))
        ]
    }

    /// Each programme's drafted sentences under its name, each project named linked to its page.
    static func paragraphs(_ narrative: ProgressNarrative) -> [HTMLNode] {
        narrative.paragraphs.flatMap { paragraph in
            [el("h3", text: paragraph.programme), el("ul", [], paragraph.sentences.map(sentence))]
        }
    }

    /// A drafted sentence with each project it names linked to its page.
    static func sentence(_ sentence: ProgressNarrative.Sentence) -> HTMLNode {
        el(
            "li", [("data-topic", sentence.topic.rawValue)],
            sentence.segments.map { segment in
                segment.project.map { el("a", [("href", Link.project(project: $0.id).path)], text: segment.text) }
                    ?? txt(segment.text)
            })
    }

    static func body(_ model: ChangesPageModel, links: Bool) -> [HTMLNode] {
        let projectLink: (String) -> String? = { id in
            links ? UUID(uuidString: id).map { Link.project(project: $0).path } : nil
        }
        return ChangesReport.tables(model.comparison).map {
            ReportTableView.render($0, projectLink: projectLink)
        }
    }
}
