import AssureCore
import Testing

/// Compares a table Assure builds with a paper's, reporting each differing cell by row and column name.
func expectTable(_ table: ReportTable, equals paper: [[String]], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(table.rows.count == paper.count, "row count", sourceLocation: sourceLocation)
    for (index, (ours, theirs)) in zip(table.textRows, paper).enumerated() {
        for (column, (a, b)) in zip(ours, theirs).enumerated() where a != b {
            Issue.record(
                "row \(index + 1), \(table.columns[column]): Assure “\(a)”, paper “\(b)”",
                sourceLocation: sourceLocation)
        }
    }
}
