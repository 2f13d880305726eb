import AssureCore
import AssureDemo
@testable import AssureWeb
import Foundation
import Testing

/// Pages are pure functions of their models: rendered from the seed data in memory (no database), they must
/// match the reviewed snapshot byte for byte. ASSURE_RECORD_SNAPSHOTS=1 rewrites the snapshots after a deliberate change.
@Suite("View snapshots")
struct ViewSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    @Test("Printable dashboards", arguments: [
        ("programme-dashboard-2016-06", "Transformation Programme", "2016-06", ReportKind.programmeDashboard),
        ("priorities-2016-09", "CDG Priorities", "2016-09", ReportKind.priorities),
    ])
    func dashboard(name: String, portfolio: String, period: String, kind: ReportKind) throws {
        let demo = try #require(Demo.portfolios.first { $0.name == portfolio })
        let report = PeriodReportBuilder.build(try #require(demo.periodData(period)))
        let html = DashboardPage.standalone(DashboardPageModel(kind: kind, report: report, periods: [], canManage: false))
        try Self.assertSnapshot(html, named: name)
    }

    static func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent("\(name).html")
        // One element per line, so a snapshot diff reads like a review.
        let readable = actual.replacingOccurrences(of: "><", with: ">\n<")
        if ProcessInfo.processInfo.environment["ASSURE_RECORD_SNAPSHOTS"] == "1" || !FileManager.default.fileExists(atPath: file.path) {
            try readable.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded snapshot \(file.lastPathComponent): review it and run again.", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        if expected != readable {
            let line = zip(expected.split(separator: "\n"), readable.split(separator: "\n")).enumerated().first { $1.0 != $1.1 }
            Issue.record("Snapshot \(name) differs at line \((line?.offset ?? 0) + 1): expected «\(line?.element.0 ?? "")», got «\(line?.element.1 ?? "")»",
                         sourceLocation: sourceLocation)
        }
    }
}
