import AssureCore
import AssureStorage
import Fluent
import Vapor

/// Portfolios and the life of their reporting periods.
struct PortfolioController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(AppRoute.home.components, use: list)
        routes.get(AppRoute.portfolio.components, use: home)
        routes.post(AppRoute.createPeriod.components, use: createPeriod)
        routes.post(AppRoute.openPeriod.components) { try await move($0, PeriodLifecycle.open, "opened for returns") }
        routes.post(AppRoute.closePeriod.components) { try await move($0, PeriodLifecycle.close, "closed") }
        routes.post(AppRoute.publishPeriod.components) { try await move($0, PeriodLifecycle.publish, "published and frozen") }
    }

    func list(req: Request) async throws -> Response {
        req.html(PortfolioPages.list(try await Catalogue.portfolios(req.db), req.page("Portfolios")))
    }

    func home(req: Request) async throws -> Response {
        let portfolio = try await Catalogue.portfolio(req.db, id: try req.uuid("portfolio"))
        let current = try await currentReport(req, portfolio)
        let model = PortfolioPageModel(portfolio: portfolio, current: current, canManage: try req.requireActor().canManagePortfolio)
        return req.html(PortfolioPages.home(model, req.page(portfolio.info.name)))
    }

    struct PeriodInput: Content { var period: String?; var frequency: String?; var asAt: String?; var publishOn: String? }

    func createPeriod(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let portfolio = try await Catalogue.portfolio(req.db, id: try req.uuid("portfolio"))
        let input = try req.content.decode(PeriodInput.self)
        var errors: [String: String] = [:]
        let asAt = input.asAt.flatMap { $0.isEmpty ? nil : $0 }
        let publishOn = input.publishOn.flatMap { $0.isEmpty ? nil : $0 }
        if let asAt, CalendarDate(iso: asAt) == nil { errors["asAt"] = "Enter the as-at date as a date." }
        if let publishOn, CalendarDate(iso: publishOn) == nil { errors["publishOn"] = "Enter the publication date as a date." }
        let frequency = PeriodFrequency(rawValue: input.frequency ?? "monthly")
        if frequency == nil { errors["frequency"] = "Choose monthly or quarterly." }
        do {
            if !errors.isEmpty { throw StorageError.invalid(errors) }
            let period = try await PeriodLifecycle.create(req.db, actor, portfolioID: portfolio.info.id, key: input.period ?? "",
                                                          frequency: frequency!, asAt: asAt.flatMap(CalendarDate.init(iso:)),
                                                          publishOn: publishOn.flatMap(CalendarDate.init(iso:)))
            return req.redirect(to: AppRoute.portfolio.link(portfolio: portfolio.info.id), notice: "Created \(period.label) as a draft.")
        } catch StorageError.invalid(let errors) {
            let current = try await currentReport(req, portfolio)
            let values = ["period": input.period ?? "", "frequency": input.frequency ?? "", "asAt": asAt ?? "", "publishOn": publishOn ?? ""]
            let model = PortfolioPageModel(portfolio: portfolio, current: current, canManage: actor.canManagePortfolio,
                                           periodFormValues: values, periodFormErrors: errors)
            let page = PortfolioPages.home(model, req.page(portfolio.info.name))
            return req.html(page, status: .unprocessableEntity)
        }
    }

    private func move(_ req: Request, _ action: (any Database, Actor, UUID) async throws -> PeriodInfo, _ done: String) async throws -> Response {
        let period = try await action(req.db, try req.requireActor(), try req.uuid("period"))
        let portfolio = try await Catalogue.portfolios(req.db).first { $0.periods.contains { $0.id == period.id } }
        return req.redirect(to: portfolio.map { AppRoute.portfolio.link(portfolio: $0.info.id) } ?? AppRoute.home.link(),
                            notice: "\(period.label) \(done).")
    }

    private func currentReport(_ req: Request, _ portfolio: PortfolioSummary) async throws -> PeriodReport? {
        guard let period = portfolio.current else { return nil }
        return try await Reports.report(req.db, periodID: period.id)
    }
}
