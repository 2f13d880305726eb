import AssureCore
import AssureOutput
import Foundation
import Plot

/// All of a portfolio's projects with their latest published rating and custom attributes, a page at a time.
struct ProjectsPageModel: Sendable {
    let portfolio: PortfolioInfo
    let table: ReportTable
    let total: Int
    let offset: Int
    let limit: Int
}

enum ProjectsPage {
    static func render(_ model: ProjectsPageModel, _ context: PageContext) -> String {
        var context = context
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path),
            (model.portfolio.name, Link.portfolio(portfolio: model.portfolio.id).path),
        ]
        let base = Link.projectList(portfolio: model.portfolio.id).path
        var paging: [HTMLNode] = []
        if model.offset > 0 {
            paging.append(link(base + "?offset=\(max(0, model.offset - model.limit))", "Previous \(model.limit)"))
        }
        if model.offset + model.limit < model.total {
            paging.append(link(base + "?offset=\(model.offset + model.limit)", "Next \(model.limit)"))
        }
        let shown =
            model.total == 0
            ? "No projects yet."
            : "Projects \(model.offset + 1)–\(min(model.total, model.offset + model.limit)) of \(model.total)."
        return Layout.render(
            context,
            [
                el("h1", text: "\(model.portfolio.name): all projects"),
                el(
                    "p", [("class", "lede")],
                    text:
                        "\(shown) Ratings are from the latest published period; custom attributes come from imported spreadsheets."
                ),
                el("p", [("class", "actions no-print")], [downloadLinks(base)] + paging),
                ReportTableView.render(
                    model.table, projectLink: { UUID(uuidString: $0).map { Link.project(project: $0).path } }),
            ])
    }
}
