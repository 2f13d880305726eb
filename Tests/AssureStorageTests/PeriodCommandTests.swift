import AssureApp
import AssureCore
import AssureStorage
import AssureTestSupport
import Foundation
import Testing

@Suite("Periods from the command line", .serialized)
struct PeriodCommandTests {
    @Test(
        "assure period create names every option that does not read in one message, and creates nothing",
        arguments: [Backend.sqlite])
    func badOptions(backend: Backend) async throws {
        try await withDatabaseTarget(backend) { target in
            try await Child.run(["demo"], target)
            let refused = try await Child.capture(
                [
                    "period", "create", "--portfolio", "CDG Priorities", "--period", "2016-12",
                    "--frequency", "weekly", "--as-at", "31/12/2016",
                ], target)
            #expect(refused.status != 0)
            #expect(refused.errors.contains("--as-at 31/12/2016: Write the as-at date as YYYY-MM-DD"))
            #expect(refused.errors.contains("--frequency weekly: Choose monthly or quarterly."))
            let made = try await Child.capture(
                [
                    "period", "create", "--portfolio", "CDG Priorities", "--period", "2016-12",
                    "--as-at", "2016-12-31",
                ], target)
            #expect(made.status == 0, "\(made.errors)")
            #expect(made.output.contains("as at 2016-12-31"))
        }
    }
}
