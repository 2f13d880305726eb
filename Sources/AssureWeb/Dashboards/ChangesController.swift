import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// What changed between two periods of a portfolio, as a page (or CSV) and as JSON.
struct ChangesController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.changes, use: page)
        routes.get(.apiChanges) { req in
            let (comparison, _) = try await compare(req)
            return Response(
                status: .ok, headers: ["Content-Type": OutputFormat.json.contentType],
                body: .init(string: try ReportOutput.renderChanges(comparison, format: .json)))
        }
    }

    func page(req: Request) async throws -> Response {
        let (comparison, portfolio) = try await compare(req)
        if let format = try req.requestedDownload() {
            return try req.download(
                ChangesReport.tables(comparison), as: format,
                name: "changes-\(comparison.from.key)-\(comparison.to.key)")
        }
        var model = ChangesPageModel(periods: portfolio.periods, comparison: comparison)
        if try req.requireActor().canManagePortfolio {
            model.mayDraft = true
            // The PMO asks for the draft of the board paper's progress section: built from the later period as the
            // PMO reads it, so nothing a board reader may not see is left out of the PMO's own draft.
            if (try? req.query.get(String.self, at: "draft")) == "progress" {
                model.narrative = try await ProgressNarrative.drafted(
                    req.db, try await req.report(periodID: comparison.to.id), changes: comparison)
            }
        }
        return req.html(ChangesPage.render(model, req.page("What changed")))
    }

    /// ?from=YYYY-MM&to=YYYY-MM; by default the current period against the published one before it.
    private func compare(_ req: Request) async throws -> (ChangesReport.Comparison, PortfolioSummary) {
        let portfolio = try await Catalogue.portfolio(req.db, id: try req.uuid("portfolio"))
        let periods = portfolio.periods
        func find(_ key: String?) throws -> PeriodInfo? {
            guard let key else { return nil }
            guard let period = periods.first(where: { $0.key == key }) else {
                throw Abort(.notFound, reason: "\(portfolio.info.name) has no period \(key).")
            }
            return period
        }
        let landing = portfolio.landing(for: try await req.readership())
        guard let to = try find(try req.query.get(String?.self, at: "to")) ?? landing else {
            throw Abort(.notFound, reason: "\(portfolio.info.name) has no periods yet.")
        }
        guard
            let from = try find(try req.query.get(String?.self, at: "from"))
                ?? portfolio.published(before: to) ?? periods.first
        else {
            throw Abort(.notFound, reason: "\(portfolio.info.name) has no earlier period.")
        }
        let comparison = try await PeriodComparisons.comparison(
            req.db, from: from.id, to: to.id, for: try await req.readership())
        return (comparison, portfolio)
    }
}
