import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// Business cases: prioritisations with their criteria, each case's scores and rank, the forms, and the JSON API.
struct BusinessCaseController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.businessCases, use: businessCases)
        routes.post(.businessCases, use: createSet)
        routes.post(.addBusinessCase) {
            try await saveCase($0, setID: try $0.uuid("item"), caseID: nil)
        }
        routes.get(.businessCase, use: casePage)
        routes.post(.businessCase) { req in
            let caseID = try req.uuid("item")
            guard
                let set = try await Prioritisations.find(req.db, containingCase: caseID)
            else {
                throw DomainError.notFound("business case")
            }
            return try await saveCase(req, setID: set.id, caseID: caseID)
        }
    }

    func businessCases(req: Request, returned: ReturnedForm? = nil) async throws -> Response {
        let sets = try await Prioritisations.all(req.db)
        if returned == nil, let format = try req.requestedDownload() {
            return try req.download(sets.map(ExportTables.ranked), as: format, name: "business-cases")
        }
        return req.html(
            BusinessCasePages.businessCases(
                sets, canEdit: try req.requireActor().canManagePortfolio, returned: returned,
                portfolios: try await req.portfolioChoices(), req.page("Business cases")),
            status: returned == nil ? .ok : .unprocessableEntity)
    }

    func businessCases(req: Request) async throws -> Response { try await businessCases(req: req, returned: nil) }

    /// Criteria typed one per line, "Name" or "Name: weight".
    func createSet(req: Request) async throws -> Response {
        let draft = try req.content.decode(PrioritisationDraft.self)
        let values = draft.formValues
        do {
            let set = try await Prioritisations.createSet(
                req.db, try req.requireActor(), name: draft.name, criteria: try draft.criteriaList(),
                portfolioID: try await req.chosenPortfolio(named: draft.portfolio))
            return req.redirect(to: Link.businessCases.path, notice: "Set up \(set.name).")
        } catch DomainError.invalid(let errors) {
            return try await businessCases(
                req: req, returned: ReturnedForm(name: "new-set", values: values, errors: errors))
        }
    }

    func saveCase(_ req: Request, setID: UUID, caseID: UUID?) async throws -> Response {
        let draft = try req.content.decode(BusinessCaseDraft.self)
        let values = draft.formValues
        do {
            let saved = try await Prioritisations.saveCase(
                req.db, try req.requireActor(), setID: setID, caseID: caseID, name: draft.name,
                ratings: draft.ratings, baseVersion: formVersion(draft.baseVersion, missing: 0))
            return req.redirect(to: Link.businessCases.path, notice: "Saved \(saved.name).")
        } catch DomainError.invalid(let errors) {
            if let caseID {
                return try await casePage(
                    req, caseID: caseID, values: values, errors: errors, status: .unprocessableEntity)
            }
            return try await businessCases(
                req: req, returned: ReturnedForm(name: setID.uuidString, values: values, errors: errors))
        } catch DomainError.conflict(let message) {
            return try await casePage(req, caseID: caseID!, values: nil, errors: ["name": message], status: .conflict)
        }
    }

    func casePage(req: Request) async throws -> Response {
        try await casePage(req, caseID: try req.uuid("item"), values: nil, errors: [:], status: .ok)
    }

    /// A case's edit page: its saved ratings, or the values sent back with their errors.
    func casePage(
        _ req: Request, caseID: UUID, values: [String: String]?, errors: [String: String], status: HTTPStatus
    ) async throws -> Response {
        guard try req.requireActor().canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) rates business cases")
        }
        guard let set = try await Prioritisations.find(req.db, containingCase: caseID),
            let item = set.cases.first(where: { $0.id == caseID })
        else { throw DomainError.notFound("business case") }
        return req.html(
            BusinessCasePages.casePage(item, in: set, values: values, errors: errors, req.page(item.name)),
            status: status)
    }
}
