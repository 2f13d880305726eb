import AssureCore
import AssureDemo
import Testing

/// A large report's programmes are built side by side on every core. The report must be the one built in turn.
@Suite("Reports built on every core")
struct ParallelBuildTests {
    @Test(
        "Given each demo period, when its programmes are built side by side, then the report is the one built in turn")
    func sameReport() throws {
        var built = 0
        for portfolio in Demo.portfolios {
            for period in portfolio.periods {
                let data = try #require(portfolio.periodData(period.key))
                let inTurn = PeriodReportBuilder.build(data, parallelFrom: .max)
                let sideBySide = PeriodReportBuilder.build(data, parallelFrom: 0)
                #expect(sideBySide == inTurn, "\(portfolio.name) \(period.key)")
                built += 1
            }
        }
        #expect(built >= 5)
    }
}
