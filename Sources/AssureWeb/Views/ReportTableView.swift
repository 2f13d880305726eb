import AssureCore
import AssureOutput
import Foundation
import Plot

/// A seed-style table, with ratings as coloured words, arrows with their meaning, and flags beside the cell.
enum ReportTableView {
    static func render(_ table: ReportTable, projectLink: (String) -> String?, updateColumn: String? = nil) -> HTMLNode
    {
        let money = moneyColumns(table)
        // A table whose columns have no names (a paper's cover sheet) is a list of labelled facts: each row's first
        // cell heads its row. A single unnamed column (the checklist's questions) is named for screen readers.
        let unnamed = table.columns.allSatisfy(\.isEmpty)
        let head = el(
            "thead", [],
            [
                el(
                    "tr", [],
                    table.columns.enumerated().map { index, name in
                        el(
                            "th", [("scope", "col"), ("class", money.contains(index) ? "money" : nil)],
                            name.isEmpty ? [el("span", [("class", "visually-hidden")], text: "Item")] : [txt(name)])
                    })
            ])
        let rows = table.rows.map { row -> HTMLNode in
            let startsGroup = !(row.first?.text.isEmpty ?? true)
            let isTotal = row.first?.text == "Total"
            return el(
                "tr", [("class", isTotal ? "total" : startsGroup ? "group-start" : nil)],
                zip(table.columns, row).enumerated().map { index, pair in
                    let (column, cell) = pair
                    let kind =
                        money.contains(index)
                        ? "money" : column == updateColumn || column.hasPrefix("Progress") ? "update" : nil
                    if unnamed && index == 0 { return el("th", [("scope", "row")], content(cell, projectLink)) }
                    return el("td", [("class", kind)], content(cell, projectLink))
                })
        }
        var nodes: [HTMLNode] = [el("caption", text: table.title)]
        nodes += (unnamed ? [] : [head]) + [el("tbody", [], rows)]
        return el("table", [("class", "report")], nodes)
    }

    /// Columns whose every filled cell is an amount of money: right-aligned, so the pounds line up.
    static func moneyColumns(_ table: ReportTable) -> Set<Int> {
        Set(
            table.columns.indices.filter { index in
                let cells = table.rows.compactMap { $0[safe: index]?.text }.filter { !$0.isEmpty }
                return !cells.isEmpty && cells.allSatisfy { $0.contains("£") && Money(written: $0) != nil }
            })
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
