import AssureCore
import Foundation

/// The monthly return as a workbook: an instructions sheet, then one row per project with last period's values
/// prefilled and the rating as a drop-down of the portfolio's scale. Read back, every cell is checked, and a problem
/// names its sheet, row and column.
public enum ReturnWorkbook {
    public static let sheetName = "Returns"
    static let fixedHeaders = [
        "Assure ID (do not change)", "Version (do not change)", "Programme", "Reference", "Project",
        "Last published rating", "Rating", "Update", "Mitigation",
    ]
    static let idColumn = 0, versionColumn = 1, ratingColumn = 6, updateColumn = 7, mitigationColumn = 8

    static func milestoneHeaders(_ count: Int) -> [String] {
        (1...count).flatMap { ["Milestone \($0)", "Milestone \($0) date", "Milestone \($0) rating"] }
    }

    public static func build(
        portfolio: PortfolioInfo, period: PeriodInfo, due: CalendarDate?, audience: String,
        rows: [WorkbookReturnRow]
    ) -> Workbook {
        let milestoneCount = max(3, rows.map(\.form.milestones.count).max() ?? 0)
        let headers = fixedHeaders + milestoneHeaders(milestoneCount)
        var cells: [[WorkbookCell]] = [headers.map { .text($0, style: .header) }]
        for row in rows {
            var line: [WorkbookCell] = [
                .text(row.projectID.uuidString), WorkbookCell(.number(Double(row.form.baseVersion))),
                .text(row.programme), .text(row.reference ?? ""), .text(row.title),
                .text(
                    row.lastRating ?? "",
                    style: .rating(code: row.lastRating.flatMap { portfolio.scale.level(for: $0)?.code })),
                .text(row.form.rating), .text(row.form.update, style: .wrapped),
                .text(row.form.mitigation, style: .wrapped),
            ]
            for index in 0..<milestoneCount {
                let milestone = row.form.milestones[safe: index]
                line.append(.text(milestone?.title ?? "", style: .wrapped))
                line.append(milestone.map { dateCell($0.date) } ?? .empty)
                line.append(.text(milestone?.rating ?? ""))
            }
            cells.append(line)
        }
        let widths: [Double] =
            [38, 8, 24, 12, 40, 14, 14, 60, 40] + Array(repeating: [36, 16, 12], count: milestoneCount).flatMap { $0 }
        let columns = widths.enumerated().map {
            WorkbookColumn(width: $0.element, isHidden: $0.offset <= versionColumn)
        }
        let labels = portfolio.scale.levels.map(\.label)
        let ratingColumns = [ratingColumn] + (0..<milestoneCount).map { fixedHeaders.count + 3 * $0 + 2 }
        let returns = WorkbookSheet(
            name: sheetName, columns: columns, rows: cells, frozenRows: 1,
            validations: rows.isEmpty
                ? []
                : ratingColumns.map {
                    ListValidation(
                        column: $0, rows: 2...(rows.count + 1), values: labels,
                        prompt: "Choose one of \(labels.joined(separator: ", ")).")
                })
        return Workbook(sheets: [
            instructions(portfolio: portfolio, period: period, due: due, audience: audience), returns,
        ])
    }

    static func instructions(
        portfolio: PortfolioInfo, period: PeriodInfo, due: CalendarDate?, audience: String
    ) -> WorkbookSheet {
        let lines = [
            "Monthly return: \(portfolio.name), \(period.label)",
            "For: \(audience)",
            due.map { "Returns are due by \($0.longDisplay)." } ?? "",
            "",
            "1. On the Returns sheet, each row is one project. Last period's values are filled in: change what has changed.",
            "2. Choose the rating from the drop-down (\(portfolio.scale.levels.map(\.label).joined(separator: ", "))). Every project needs one.",
            "3. Write the update and any mitigation. Milestone dates may be a day (20/07/2016) or words as in the papers (\"Mid December 2016\").",
            "4. Do not change the hidden Assure ID and Version columns, the headers, or the sheet's name.",
            "5. Upload the workbook on the period's Returns page. Nothing is saved unless every row is right; each problem is listed by sheet, row and column.",
            "If someone changes a return in Assure after you downloaded this workbook, that row is refused: download a fresh copy.",
        ]
        return WorkbookSheet(
            name: "Instructions", columns: [WorkbookColumn(width: 120)],
            rows: lines.enumerated().map { [.text($0.element, style: $0.offset == 0 ? .title : .plain)] })
    }

    /// A milestone date that names one day is written as a real date; anything else as the words.
    static func dateCell(_ text: String) -> WorkbookCell {
        if let parsed = DateText(text).parsed, parsed.precision == .day, parsed.qualifier == nil {
            return WorkbookCell(.date(parsed.dueBy))
        }
        return .text(text)
    }
}
