import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

extension Request {
    /// What the signed-in person is shown of a period (the core's rule, read once per request).
    func readership() async throws -> Readership {
        if let known = storage[ReadershipKey.self] { return known }
        let reader = try await Readerships.of(db, try requireActor())
        storage[ReadershipKey.self] = reader
        return reader
    }

    /// The period's report as the signed-in person is shown it.
    func report(periodID: UUID, programme: UUID? = nil) async throws -> PeriodReport {
        try await Reports.report(db, periodID: periodID, programme: programme, for: try await readership())
    }
}

private struct ReadershipKey: StorageKey {
    typealias Value = Readership
}

extension PortfolioSummary {
    /// The period a reader lands on: the open one for the people who work on returns, the latest published for
    /// everyone else, so that a board member is never first shown a month still in progress.
    func landing(for reader: Readership) -> PeriodInfo? {
        reader.seesFindings ? current : latestPublished
    }
}
