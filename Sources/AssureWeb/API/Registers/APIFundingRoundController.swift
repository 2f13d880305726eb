import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Funding rounds through the API (the PMO): set one up with its envelope, and add the allocations it recommends.
/// Amounts go both ways as `APIMoney`; going over the envelope is allowed, and shows as `isOver`.
struct APIFundingRoundController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.apiFundingRounds) { req in
            try JSONOutput.response(try await FundingRounds.all(req.db).map(APIFundingRound.init))
        }
        routes.post(.apiFundingRounds, use: create)
        routes.get(.apiFundingRound) { req in try await Self.round(req.db, id: try req.uuid("item")).response() }
        routes.post(.apiAllocations, use: allocate)
    }

    static func round(_ db: any Database, id: UUID) async throws -> APIItem<APIFundingRound> {
        guard let round = try await FundingRounds.find(db, id: id) else {
            throw DomainError.notFound("funding round")
        }
        return try APIItem(APIFundingRound(round))
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let input = try req.input(APIFundingRoundInput.self)
        let round = try await FundingRounds.create(
            req.db, actor, name: input.name, envelopeLabel: input.envelopeLabel,
            envelope: try input.envelope.written(field: "envelope"), portfolioID: input.portfolio)
        return try APIItem(APIFundingRound(round)).response(status: .created, location: .apiFundingRound(id: round.id))
    }

    /// 201 with the round as it now stands (the allocation has no address of its own).
    func allocate(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let id = try req.uuid("item")
        let input = try req.input(APIAllocationInput.self)
        let round = try await FundingRounds.allocate(
            req.db, actor, roundID: id, label: input.label, amount: try input.amount.written(field: "amount"),
            comment: input.comment ?? "")
        return try APIItem(APIFundingRound(round)).response(status: .created, location: .apiFundingRound(id: id))
    }
}
