import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// Key deliverables by financial year: the matrix, a deliverable's edit page, downloads and the API.
struct DeliverableController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.deliverables) { try await list($0, returned: nil) }
        routes.post(.deliverables) { try await save($0, id: nil) }
        routes.get(.deliverable) { req in
            try await edit(req, id: try req.uuid("item"), values: nil, errors: [:], status: .ok)
        }
        routes.post(.deliverable) { try await save($0, id: try $0.uuid("item")) }
    }

    func list(_ req: Request, returned: ReturnedForm?) async throws -> Response {
        let items = try await KeyDeliverables.all(req.db)
        if returned == nil, let format = try req.requestedDownload() {
            return try req.download(
                DeliverablesReport.tables(items) + [ExportTables.deliverables(items)], as: format, name: "deliverables")
        }
        return req.html(
            DeliverablePages.list(
                items, canEdit: try req.requireActor().canManagePortfolio, returned: returned,
                req.page("Key deliverables")),
            status: returned == nil ? .ok : .unprocessableEntity)
    }

    func save(_ req: Request, id: UUID?) async throws -> Response {
        let draft = try req.content.decode(DeliverableDraft.self)
        let values = draft.formValues
        do {
            try await KeyDeliverables.save(
                req.db, try req.requireActor(), id: id, programme: draft.programme, workstream: draft.workstream,
                title: draft.title, years: draft.yearList,
                status: try DeliverableStatus(chosen: draft.status, field: "status", "Choose the status."),
                baseVersion: formVersion(draft.baseVersion, missing: 0))
            return req.redirect(to: Link.deliverables.path, notice: "Saved the deliverable.")
        } catch DomainError.invalid(let errors) {
            if let id {
                return try await edit(req, id: id, values: values, errors: errors, status: .unprocessableEntity)
            }
            return try await list(req, returned: ReturnedForm(name: "new", values: values, errors: errors))
        } catch DomainError.conflict(let message) {
            return try await edit(req, id: id!, values: nil, errors: ["title": message], status: .conflict)
        }
    }

    func edit(
        _ req: Request, id: UUID, values: [String: String]?, errors: [String: String], status: HTTPStatus
    ) async throws -> Response {
        guard try req.requireActor().canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) edits key deliverables")
        }
        guard let item = try await KeyDeliverables.find(req.db, id: id) else {
            throw DomainError.notFound("deliverable")
        }
        return req.html(
            DeliverablePages.edit(item, values: values, errors: errors, req.page("Deliverable")), status: status)
    }
}
