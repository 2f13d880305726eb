import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// Funding rounds: the envelope, allocations, headroom, and the JSON API.
struct FundingRoundController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.fundingRounds, use: funding)
        routes.post(.fundingRounds, use: createRound)
        routes.post(.allocate, use: allocate)
    }

    func funding(req: Request, returned: ReturnedForm? = nil) async throws -> Response {
        let rounds = try await FundingRounds.all(req.db)
        if returned == nil, let format = try req.requestedDownload() {
            return try req.download(rounds.map(\.table), as: format, name: "funding-rounds")
        }
        return req.html(
            FundingRoundPages.funding(
                rounds, canEdit: try req.requireActor().canManagePortfolio, returned: returned,
                portfolios: try await req.portfolioChoices(), req.page("Funding rounds")),
            status: returned == nil ? .ok : .unprocessableEntity)
    }

    func funding(req: Request) async throws -> Response { try await funding(req: req, returned: nil) }

    func createRound(req: Request) async throws -> Response {
        let draft = try req.content.decode(FundingRoundDraft.self)
        do {
            let round = try await FundingRounds.create(
                req.db, try req.requireActor(), name: draft.name,
                envelopeLabel: draft.envelopeLabel, envelope: draft.envelope,
                portfolioID: try await req.chosenPortfolio(named: draft.portfolio))
            return req.redirect(to: Link.fundingRounds.path, notice: "Set up \(round.name).")
        } catch DomainError.invalid(let errors) {
            return try await funding(
                req: req, returned: ReturnedForm(name: "new-round", values: draft.formValues, errors: errors))
        }
    }

    func allocate(req: Request) async throws -> Response {
        let roundID = try req.uuid("item")
        let draft = try req.content.decode(AllocationDraft.self)
        do {
            let round = try await FundingRounds.allocate(
                req.db, try req.requireActor(), roundID: roundID, label: draft.label,
                amount: draft.amount, comment: draft.comment)
            let notice =
                round.isOver
                ? "Allocated. \(round.name) is now over the envelope by \((round.total - round.envelope).display)."
                : "Allocated. Headroom: \(round.headroom.display)."
            return req.redirect(to: Link.fundingRounds.path, notice: notice)
        } catch DomainError.invalid(let errors) {
            return try await funding(
                req: req, returned: ReturnedForm(name: roundID.uuidString, values: draft.formValues, errors: errors))
        }
    }
}
