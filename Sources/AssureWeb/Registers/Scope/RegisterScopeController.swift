import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// The PMO gives a meeting, prioritisation or funding round to a portfolio: only that portfolio's papers draw on it.
struct RegisterScopeController: AppRouteCollection {
    static let routes: [(AppRoute, ScopedRegister, back: @Sendable (UUID) -> String)] = [
        (.meetingPortfolio, .meeting, { Link.meeting(id: $0).path }),
        (.businessCasesPortfolio, .prioritisation, { _ in Link.businessCases.path }),
        (.fundingRoundPortfolio, .fundingRound, { _ in Link.fundingRounds.path }),
    ]

    func boot(routes: AppRoutes) throws {
        for (route, register, back) in Self.routes {
            routes.post(route) { req in
                let id = try req.uuid("item")
                let draft = try req.content.decode(RegisterPortfolioDraft.self)
                let portfolio = try await req.chosenPortfolio(named: draft.portfolio)
                try await RegisterPortfolios.assign(
                    req.db, try req.requireActor(), register, id: id, portfolioID: portfolio)
                let name = try await req.portfolioChoices().first { $0.id == portfolio }?.name
                return req.redirect(
                    to: back(id), notice: name.map { "Now in \($0)'s board papers only." } ?? "Now in no board paper.")
            }
        }
    }
}
