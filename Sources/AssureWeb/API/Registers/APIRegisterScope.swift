import AssureApp
import AssureCore
import AssureStorage
import Fluent
import Vapor

/// Which portfolio's board papers draw on a meeting, prioritisation or funding round (`portfolio`: null for none),
/// changed by the PMO with If-Match on the register item.
struct APIRegisterScopeController: AppRouteCollection {
    struct Choice: Codable, Sendable {
        let portfolio: UUID?
    }

    func boot(routes: AppRoutes) throws {
        scope(routes, .apiMeetingPortfolio, .meeting, APIMeetingController.meeting)
        scope(routes, .apiPrioritisationPortfolio, .prioritisation, APIBusinessCaseController.prioritisation)
        scope(routes, .apiFundingRoundPortfolio, .fundingRound, APIFundingRoundController.round)
    }

    private func scope<Value: Encodable & Sendable>(
        _ routes: AppRoutes, _ route: AppRoute, _ register: ScopedRegister,
        _ item: @escaping @Sendable (any Database, UUID) async throws -> APIItem<Value>
    ) {
        routes.on(.PUT, route, body: .collect(maxSize: "1kb")) { req in
            let actor = try req.requireRegisterEditor()
            let id = try req.uuid("item")
            let choice = try req.input(Choice.self)
            return try await APIItem.change(req) { db in
                (try await item(db, id), ())
            } _: { db, _ in
                try await RegisterPortfolios.assign(db, actor, register, id: id, portfolioID: choice.portfolio)
            }.response()
        }
    }
}
