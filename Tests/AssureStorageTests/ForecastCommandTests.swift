import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Foundation
import Testing

@Suite("The slip forecast's backtest from the command line", .serialized)
struct ForecastCommandTests {
    @Test(
        "assure forecast backtest reads a portfolio's published periods from the database, or says there are too few",
        arguments: Backend.all)
    func backtest(backend: Backend) async throws {
        try await withDatabaseTarget(backend) { target in
            // given a generated portfolio of 14 months, and the demo's Transformation Programme of two
            try await Child.run(["demo"], target)
            try await Child.run(
                ["demo", "generate", "--projects", "120", "--milestones-per-project", "3", "--periods", "14"], target)
            // when the backtest runs on each
            let generated = try await Child.capture(
                ["forecast", "backtest", "--portfolio", "Synthetic portfolio (120 projects, seed 2016)"], target)
            let short = try await Child.capture(
                ["forecast", "backtest", "--portfolio", "Transformation Programme"], target)
            // then the generated one is scored beside both baselines, from its 13 published months
            #expect(generated.status == 0, "\(generated.errors)")
            #expect(generated.output.contains("13 published periods"))
            for name in ["slip forecast", "base rate", "slipped before"] {
                #expect(generated.output.contains("| \(name) | 0."), "\(generated.output)")
            }
            // and the demo's two months are too few to forecast from, which it says
            #expect(short.status == 0)
            #expect(short.output.contains("Too few periods to backtest"))
        }
    }
}
