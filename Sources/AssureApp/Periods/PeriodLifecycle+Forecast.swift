import AssureCore
import AssureStorage
import Fluent
import Foundation

extension PeriodLifecycle {
    /// Refits the slip forecast on the published periods up to this one and keeps its open milestones' forecasts with
    /// it; how many, or nil when the period is not published or too little is known. Called once a publication has
    /// committed (the web server does it in the background): it reads up to a year of periods, seconds at 10,000
    /// projects, which would otherwise hold the publication's write lock. Until it is done the period shows no forecast.
    @discardableResult
    public static func refitForecast(_ db: Database, periodID: UUID) async throws -> Int? {
        guard let published = try await SlipForecasts.PublishedMilestones.read(db, periodID: periodID) else {
            return nil
        }
        var learner = SlipForecast.Learner()
        try await SlipForecasts.eachPeriod(db, upTo: published) { learner.add($0) }
        let forecasts = learner.forecasts() ?? []
        return try await db.writeTransaction { db in
            // Re-opened while the forecast was fitted: it belongs to no published period.
            guard try await Catalogue.period(db, id: periodID).status == .published else { return nil }
            try await SlipForecasts.replace(db, periodID: periodID, forecasts)
            return forecasts.isEmpty ? nil : forecasts.count
        }
    }

    /// After an import that published its period as history: that period's forecast, as after a publication.
    @discardableResult
    public static func refitForecast(
        _ db: Database, after outcome: ImportOutcome, portfolioID: UUID
    ) async throws
        -> Int?
    {
        guard outcome.published, let key = outcome.periodKey,
            let period = try await Catalogue.portfolio(db, id: portfolioID).periods.first(where: { $0.key == key })
        else { return nil }
        return try await refitForecast(db, periodID: period.id)
    }
}
