import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Risk registers through the API, by the page's application functions (the PMO): set up a register, add a risk to
/// it, and review a risk (the whole risk, with If-Match; each review is kept in its history).
struct APIRiskController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.apiRisks) { req in
            try JSONOutput.response(try await RiskRegisters.all(req.db).map(APIRiskRegister.init))
        }
        routes.post(.apiRiskRegisters, use: createRegister)
        routes.get(.apiRiskRegister) { req in try await Self.register(req, id: try req.uuid("item")).response() }
        routes.post(.apiRegisterRisks, use: addRisk)
        routes.get(.apiRisk) { req in try await Self.risk(req.db, id: try req.uuid("item")).response() }
        routes.on(.PUT, .apiRisk, body: .collect(maxSize: "64kb"), use: review)
    }

    static func register(_ req: Request, id: UUID) async throws -> APIItem<APIRiskRegister> {
        guard let register = try await RiskRegisters.all(req.db, only: id).first else {
            throw DomainError.notFound("risk register")
        }
        return try APIItem(APIRiskRegister(register))
    }

    /// A risk with its score, band and reviews.
    static func risk(_ db: any Database, id: UUID) async throws -> APIItem<APIRisk> {
        guard let register = try await RiskRegisters.find(db, containingRisk: id),
            let risk = register.risks.first(where: { $0.id == id })
        else { throw DomainError.notFound("risk") }
        return try APIItem(APIRisk(risk, in: register, history: try await RiskRegisters.history(db, riskID: id)))
    }

    func createRegister(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let input = try req.input(APIRiskRegisterInput.self)
        let register = try await RiskRegisters.createRegister(
            req.db, actor, name: input.name, scale: try input.scaleKind(), bands: try input.bands())
        return try APIItem(APIRiskRegister(register)).response(
            status: .created, location: .apiRiskRegister(id: register.id))
    }

    func addRisk(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let registerID = try req.uuid("item")
        let input = try req.input(APIRiskInput.self)
        let risk = try await RiskRegisters.saveRisk(req.db, actor, registerID: registerID, input: try input.input())
        return try await Self.risk(req.db, id: risk.id).response(status: .created, location: .apiRisk(id: risk.id))
    }

    func review(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let id = try req.uuid("item")
        let input = try req.input(APIRiskInput.self).input()
        return try await APIItem.change(req) { db in
            let item = try await Self.risk(db, id: id)
            return (item, item.value)
        } _: { db, risk in
            try await RiskRegisters.saveRisk(
                db, actor, registerID: risk.registerID, riskID: id, input: input, baseVersion: risk.version)
        }.response()
    }
}
