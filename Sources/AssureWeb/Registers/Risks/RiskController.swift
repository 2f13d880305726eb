import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// Risk registers: the list with heat maps, a risk's page with its history, and the forms.
struct RiskController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.risks) { try await list($0, returned: nil) }
        routes.post(.risks, use: createRegister)
        routes.post(.addRisk) { try await save($0, registerID: try $0.uuid("item"), riskID: nil) }
        routes.get(.risk) { req in
            try await detail(req, riskID: try req.uuid("item"), values: nil, errors: [:], status: .ok)
        }
        routes.post(.risk) { req in
            let riskID = try req.uuid("item")
            guard
                let register = try await RiskRegisters.find(req.db, containingRisk: riskID)
            else {
                throw DomainError.notFound("risk")
            }
            return try await save(req, registerID: register.id, riskID: riskID)
        }
    }

    func list(_ req: Request, returned: ReturnedForm?) async throws -> Response {
        let registers = try await RiskRegisters.all(req.db)
        if returned == nil, let format = try req.requestedDownload() {
            return try req.download(
                registers.flatMap { [$0.table, ExportTables.risks($0)] }, as: format, name: "risks")
        }
        return req.html(
            RiskPages.list(
                registers, canEdit: try req.requireActor().canManagePortfolio, returned: returned,
                req.page("Risk registers")),
            status: returned == nil ? .ok : .unprocessableEntity)
    }

    func createRegister(req: Request) async throws -> Response {
        let draft = try req.content.decode(RiskRegisterDraft.self)
        do {
            let scale = try RiskScaleKind(chosen: draft.scale, field: "scale", "Choose a scale.")
            let register = try await RiskRegisters.createRegister(
                req.db, try req.requireActor(), name: draft.name, scale: scale, bands: try draft.bands())
            return req.redirect(to: Link.risks.path, notice: "Set up \(register.name).")
        } catch DomainError.invalid(let errors) {
            return try await list(
                req, returned: ReturnedForm(name: "new-register", values: draft.formValues, errors: errors))
        }
    }

    func save(_ req: Request, registerID: UUID, riskID: UUID?) async throws -> Response {
        let draft = try req.content.decode(RiskDraft.self)
        let values = draft.formValues
        do {
            let risk = try await RiskRegisters.saveRisk(
                req.db, try req.requireActor(), registerID: registerID, riskID: riskID, input: try draft.input(),
                baseVersion: formVersion(draft.baseVersion, missing: 0))
            return req.redirect(to: Link.risk(id: risk.id).path, notice: "Saved the risk.")
        } catch DomainError.invalid(let errors) {
            if let riskID {
                return try await detail(
                    req, riskID: riskID, values: values, errors: errors, status: .unprocessableEntity)
            }
            return try await list(
                req, returned: ReturnedForm(name: registerID.uuidString, values: values, errors: errors))
        } catch DomainError.conflict(let message) {
            return try await detail(
                req, riskID: riskID!, values: nil, errors: ["description": message], status: .conflict)
        }
    }

    func detail(
        _ req: Request, riskID: UUID, values: [String: String]?, errors: [String: String], status: HTTPStatus
    ) async throws -> Response {
        guard
            let register = try await RiskRegisters.find(req.db, containingRisk: riskID),
            let risk = register.risks.first(where: { $0.id == riskID })
        else { throw DomainError.notFound("risk") }
        let page = RiskPages.detail(
            register, risk, history: try await RiskRegisters.history(req.db, riskID: riskID),
            canEdit: try req.requireActor().canManagePortfolio, values: values, errors: errors, req.page("Risk"))
        return req.html(page, status: status)
    }
}
