import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Business-case prioritisations through the API (the PMO): set one up with its weighted criteria, add a case with its
/// ratings, and re-rate a case (If-Match). Every answer carries the cases' scores and ranks as the page shows them.
struct APIBusinessCaseController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.apiBusinessCases) { req in
            try JSONOutput.response(try await Prioritisations.all(req.db).map(APIPrioritisation.init))
        }
        routes.post(.apiPrioritisations, use: createSet)
        routes.get(.apiPrioritisation) { req in
            try await Self.prioritisation(req.db, id: try req.uuid("item")).response()
        }
        routes.post(.apiPrioritisationCases, use: addCase)
        routes.get(.apiBusinessCase) { req in try await Self.businessCase(req.db, id: try req.uuid("item")).response() }
        routes.on(.PUT, .apiBusinessCase, body: .collect(maxSize: "16kb"), use: rerate)
    }

    static func prioritisation(_ db: any Database, id: UUID) async throws -> APIItem<APIPrioritisation> {
        guard let set = try await Prioritisations.all(db, only: id).first else {
            throw DomainError.notFound("prioritisation")
        }
        return try APIItem(APIPrioritisation(set))
    }

    static func businessCase(_ db: any Database, id: UUID) async throws -> APIItem<APIBusinessCase> {
        guard let set = try await Prioritisations.find(db, containingCase: id),
            let item = APIBusinessCase(set, caseID: id)
        else { throw DomainError.notFound("business case") }
        return try APIItem(item)
    }

    func createSet(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let input = try req.input(APIPrioritisationInput.self)
        let set = try await Prioritisations.createSet(
            req.db, actor, name: input.name, criteria: input.criteria, portfolioID: input.portfolio)
        return try APIItem(APIPrioritisation(set)).response(status: .created, location: .apiPrioritisation(id: set.id))
    }

    func addCase(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let setID = try req.uuid("item")
        let input = try req.input(APIBusinessCaseInput.self)
        let saved = try await Prioritisations.saveCase(
            req.db, actor, setID: setID, name: input.name, ratings: input.ratings)
        return try await Self.businessCase(req.db, id: saved.id).response(
            status: .created, location: .apiBusinessCase(id: saved.id))
    }

    func rerate(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let id = try req.uuid("item")
        let input = try req.input(APIBusinessCaseInput.self)
        return try await APIItem.change(req) { db in
            let item = try await Self.businessCase(db, id: id)
            return (item, item.value)
        } _: { db, current in
            try await Prioritisations.saveCase(
                db, actor, setID: current.prioritisationID, caseID: id, name: input.name, ratings: input.ratings,
                baseVersion: current.version)
        }.response()
    }
}
