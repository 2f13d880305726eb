import AssureCore
import AssureOutput
import Foundation
import Plot

/// A seed-style table, with ratings as coloured words, arrows with their meaning, and flags beside the cell.
enum ReportTableView {
    static func render(_ table: ReportTable, projectLink: (String) -> String?, updateColumn: String? = nil) -> HTMLNode
    {
        let head = el("thead", [], [el("tr", [], table.columns.map { el("th", [("scope", "col")], text: $0) })])
        let rows = table.rows.map { row -> HTMLNode in
            let startsGroup = !(row.first?.text.isEmpty ?? true)
            return el(
                "tr", [("class", startsGroup ? "group-start" : nil)],
                zip(table.columns, row).map { column, cell in
                    el(
                        "td", [("class", column == updateColumn || column.hasPrefix("Progress") ? "update" : nil)],
                        content(cell, projectLink))
                })
        }
        var nodes: [HTMLNode] = [el("caption", text: table.title)]
        nodes += [head, el("tbody", [], rows)]
        return el("table", [("class", "report")], nodes)
    }

    private static func content(_ cell: ReportTable.Cell, _ projectLink: (String) -> String?) -> [HTMLNode] {
        var nodes: [HTMLNode]
        if cell.trend != nil {
            nodes = [RatingViews.trend(cell.trend, reported: cell.trendIsReported)]
        } else if cell.isRating {
            nodes = [RatingViews.badge(cell.text, level: cell.rating)]
        } else if let id = cell.projectID, let href = projectLink(id), !cell.text.isEmpty {
            nodes = [link(href, cell.text)]
        } else if cell.text.contains("\n") {
            nodes = [paragraphs(cell.text)]
        } else {
            nodes = [txt(cell.text)]
        }
        if let notice = cell.notice {
            nodes.append(
                el(
                    "span", [("class", "row-notice")],
                    notice.split(separator: "\n").map { el("strong", text: String($0)) }))
        }
        nodes.append(RatingViews.flags(cell.flags))
        return nodes
    }

    static func key(_ scale: RatingScale) -> HTMLNode {
        el(
            "div", [("class", "key")],
            [
                el("h3", text: "Key"),
                el(
                    "ul", [("class", "counts")],
                    scale.levels.map { el("li", [], [RatingViews.badge($0.label, level: $0), txt(" \($0.meaning)")]) }
                        + Trend.allCases.map { el("li", [], [txt("\($0.symbol) \($0.words)")]) }
                        + [
                            el(
                                "li", [],
                                [
                                    el("sup", text: "r"),
                                    txt(" arrow as reported on the paper (no earlier rating in Assure)"),
                                ])
                        ]),
            ])
    }
}
