import AssureCore
import FluentKit
import Foundation

/// A portfolio's dependencies with what puts each at risk, judged on the latest published dates and slip forecasts;
/// for those who work on this month's returns, on the dates of the returns submitted since, marked provisional.
public struct DependencyPicture: Sendable {
    /// A dependency at risk, and whether that rests on a date not yet published.
    public struct AtRisk: Sendable {
        public let item: StoredDependency
        public let risk: DependencyRisk
        public let provisional: Bool
    }

    public let stored: [StoredDependency]
    public let graph: DependencyGraph
    public let risks: [DependencyEnd: [DependencyRisk]]
    public let riskByID: [UUID: DependencyRisk]
    /// Ends put at risk down a chain from a dependency at risk.
    public let knockOns: [DependencyEnd: DependencyKnockOn]
    /// The dependencies whose standing rests on a date from a return submitted since the latest publication.
    public var provisional: Set<UUID> = []

    /// Whether a risk (a knock-on's origin, say) rests on a date not yet published.
    public func isProvisional(_ risk: DependencyRisk) -> Bool {
        stored.contains { provisional.contains($0.id) && $0.dependency == risk.dependency }
    }

    /// The stored dependencies at risk, in the order they were added.
    public var atRisk: [AtRisk] {
        stored.compactMap { item in
            riskByID[item.id].map { AtRisk(item: item, risk: $0, provisional: provisional.contains(item.id)) }
        }
    }

    /// Each project at an end of a dependency, as readers name it.
    public var names: [UUID: String] {
        var names: [UUID: String] = [:]
        for item in stored {
            names[item.dependency.dependant.projectID] = item.dependantName
            names[item.dependency.upstream.projectID] = item.upstreamName
        }
        return names
    }

    /// "MAT001 Maternity: Business case", or "MAT001 Maternity (the project as a whole)".
    public func name(_ end: DependencyEnd) -> String {
        Self.name(end, names: names)
    }

    public static func name(_ end: DependencyEnd, names: [UUID: String]) -> String {
        let project = names[end.projectID] ?? "?"
        return end.milestone.map { "\(project): \($0)" } ?? "\(project) (the project as a whole)"
    }

    /// `likely`: the portfolio's forecasts at 50% or more, when the caller has read them already. `includingOpen`:
    /// judged on the dates of returns submitted or approved in an open period since the latest publication where
    /// there are any (for the PMO and those who write and review returns, never a board reader), each standing that
    /// rests on one marked provisional.
    public static func read(
        _ db: Database, portfolio: PortfolioSummary, likely: [ShownSlipForecast]? = nil, includingOpen: Bool = false
    ) async throws -> DependencyPicture {
        let stored = try await MilestoneDependencies.all(db, portfolioID: portfolio.info.id)
        let graph = DependencyGraph(stored.map(\.dependency))
        guard !stored.isEmpty else {
            return DependencyPicture(stored: [], graph: graph, risks: [:], riskByID: [:], knockOns: [:])
        }
        let projects = Set(stored.flatMap { [$0.dependency.dependant.projectID, $0.dependency.upstream.projectID] })
        var dates = try await MilestoneDependencies.publishedDates(
            db, portfolioID: portfolio.info.id, projects: projects)
        var newer: Set<DependencyEnd> = []
        if includingOpen {
            for (end, date) in try await MilestoneDependencies.openDates(db, portfolio: portfolio, projects: projects)
            where dates[end] != date {
                dates[end] = date
                newer.insert(end)
            }
        }
        var forecasts: [DependencyEnd: Int] = [:]
        var forecastsRead = likely ?? []
        if likely == nil {
            forecastsRead = try await SlipForecasts.latest(db, portfolio: portfolio, likelyOnly: true)
        }
        for forecast in forecastsRead
        where projects.contains(forecast.projectID) {
            forecasts[DependencyEnd(projectID: forecast.projectID, milestone: forecast.milestone)] = forecast.percent
        }
        let risks = graph.risks(due: dates, forecasts: forecasts)
        var byID: [UUID: DependencyRisk] = [:]
        let idOf = Dictionary(stored.map { ($0.dependency, $0.id) }) { first, _ in first }
        for risk in risks { if let id = idOf[risk.dependency] { byID[id] = risk } }
        var picture = DependencyPicture(
            stored: stored, graph: graph, risks: Dictionary(grouping: risks, by: \.dependency.dependant),
            riskByID: byID, knockOns: graph.knockOns(of: risks))
        // A project as a whole is judged on its earliest milestone, so any newer date of its own counts.
        picture.provisional = Set(
            stored.filter { item in
                let ends = [item.dependency.upstream, item.dependency.dependant]
                return newer.contains { end in
                    ends.contains(end)
                        || (item.dependency.dependant.milestone == nil
                            && end.projectID == item.dependency.dependant.projectID)
                }
            }.map(\.id))
        return picture
    }
}
