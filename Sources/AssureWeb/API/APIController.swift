import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// The same data as the pages, as JSON under /api/v1. Reading needs a signed-in session.
struct APIController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.openAPI) { _ in
            Response(
                status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: OpenAPIDocument.json))
        }
        routes.get(.apiPortfolios, use: portfolios)
        routes.get(.apiPeriod, use: period)
        for kind in ReportKind.allCases {
            routes.get(kind.apiRoute) { req in
                let periodID = try req.uuid("period")
                return try await req.respondingToPublished(periodID: periodID) {
                    let programme = try req.queryID("programme")
                    if programme == nil, let streamed = try await req.streamedDashboard(kind, periodID: periodID) {
                        return streamed
                    }
                    return try JSONOutput.response(
                        APIDashboard(kind, try await req.report(periodID: periodID, programme: programme)))
                }
            }
        }
        routes.get(.apiProjects, use: projects)
        routes.get(.apiProject, use: project)
        routes.get(.apiReturns, use: returns)
        routes.get(.apiSlipForecasts, use: slipForecasts)
    }

    /// `?likely=true`: only those at 50% or more. Every signed-in reader may see them, as they may see the dashboards.
    func slipForecasts(req: Request) async throws -> Response {
        let portfolio = try await Catalogue.portfolio(req.db, id: try req.uuid("portfolio"))
        let likely = try req.query.get(Bool?.self, at: "likely") ?? false
        return try JSONOutput.response(
            APISlipForecasts(
                portfolio, try await SlipForecasts.latest(req.db, portfolio: portfolio, likelyOnly: likely)))
    }

    /// Addresses are for the PMO only.
    func returns(req: Request) async throws -> Response {
        let tracking = try await Returns.tracking(req.db, periodID: try req.uuid("period"))
        return try JSONOutput.response(
            APIReturnTracking(tracking, showAddresses: try req.requireActor().canManagePortfolio))
    }

    func portfolios(req: Request) async throws -> Response {
        try JSONOutput.response(try await Catalogue.portfolios(req.db).map(APIPortfolio.init))
    }

    func period(req: Request) async throws -> Response {
        try APIItem(APIPeriod(try await Catalogue.period(req.db, id: try req.uuid("period")))).response()
    }

    /// `?offset=0&limit=100` (at most 1,000 a page), in display order, with each rating from the latest published period.
    /// The next page's address is in `next` and in a `Link` header (`rel="next"`), absent on the last page.
    func projects(req: Request) async throws -> Response {
        let offset = try req.query.get(Int?.self, at: "offset") ?? 0
        let limit = try req.query.get(Int?.self, at: "limit") ?? 100
        let portfolioID = try req.uuid("portfolio")
        var list = APIProjectList(
            try await ProjectList.page(req.db, portfolioID: portfolioID, offset: offset, limit: limit))
        if list.offset + list.projects.count < list.total, !list.projects.isEmpty {
            list.next = Link.apiProjects(portfolio: portfolioID).path(
                query: "offset=\(list.offset + list.projects.count)&limit=\(list.limit)")
        }
        let response = try JSONOutput.response(list)
        if let next = list.next { response.headers.replaceOrAdd(name: .link, value: "<\(next)>; rel=\"next\"") }
        return response
    }

    func project(req: Request) async throws -> Response {
        try await Self.projectItem(req, id: try req.uuid("project")).response()
    }

    /// A project with its history as the reader may see it, and its ETag.
    static func projectItem(_ req: Request, id: UUID) async throws -> APIItem<APIProject> {
        try await projectItem(req, try await Structure.project(req.db, id: id))
    }

    static func projectItem(
        _ req: Request, _ detail: ProjectDetail, on db: (any Database)? = nil
    ) async throws
        -> APIItem<APIProject>
    {
        let id = detail.project.id
        let history = try await Reports.history(db ?? req.db, projectID: id, for: try await req.readership())
        return try APIItem(
            APIProject(
                id: id, reference: detail.project.reference, title: detail.project.title,
                programmeID: detail.programme.id, programme: detail.programme.name, portfolio: detail.portfolio.name,
                sro: detail.project.sro, lead: detail.project.lead, projectPlan: detail.project.projectPlan,
                hasProjectPlan: detail.project.hasProjectPlan,
                periods: history.map { APIProjectPeriod(period: $0.period, row: $0.row) }))
    }

}
