import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// Outcome measures: the list with charts, a measure's page, recording values, downloads and the API.
struct OutcomeController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.outcomes) { try await list($0, returned: nil) }
        routes.post(.outcomes, use: create)
        routes.get(.outcome) {
            try await detail($0, id: try $0.uuid("item"), values: [:], errors: [:], status: .ok)
        }
        routes.post(.outcome, use: record)
    }

    func list(_ req: Request, returned: ReturnedForm?) async throws -> Response {
        let measures = try await Outcomes.all(req.db)
        if returned == nil, let format = try req.requestedDownload() {
            return try req.download(
                [OutcomesReport.table(measures)] + measures.map(OutcomesReport.points), as: format, name: "outcomes")
        }
        return req.html(
            OutcomePages.list(
                measures, canEdit: try req.requireActor().canManagePortfolio, returned: returned,
                req.page("Outcome measures")),
            status: returned == nil ? .ok : .unprocessableEntity)
    }

    func create(req: Request) async throws -> Response {
        let draft = try req.content.decode(OutcomeMeasureDraft.self)
        do {
            let measure = try await Outcomes.create(
                req.db, try req.requireActor(), name: draft.name, programme: draft.programme, unit: draft.unit,
                direction: try OutcomeDirection(
                    chosen: draft.direction, field: "direction", "Choose whether higher or lower is better."),
                baseline: draft.baseline, target: draft.target, targetDate: draft.targetDate)
            return req.redirect(to: Link.outcome(id: measure.id).path, notice: "Added \(measure.name).")
        } catch DomainError.invalid(let errors) {
            return try await list(
                req, returned: ReturnedForm(name: "measure", values: draft.formValues, errors: errors))
        }
    }

    func record(req: Request) async throws -> Response {
        let id = try req.uuid("item")
        let draft = try req.content.decode(OutcomeValueDraft.self)
        do {
            try await Outcomes.record(
                req.db, try req.requireActor(), measureID: id, period: draft.period,
                kind: try Outcomes.Kind(chosen: draft.kind, field: "kind", "Choose actual or trajectory."),
                value: draft.value)
            return req.redirect(to: Link.outcome(id: id).path, notice: "Recorded.")
        } catch DomainError.invalid(let errors) {
            return try await detail(req, id: id, values: draft.formValues, errors: errors, status: .unprocessableEntity)
        }
    }

    func detail(
        _ req: Request, id: UUID, values: [String: String], errors: [String: String], status: HTTPStatus
    ) async throws -> Response {
        guard let measure = try await Outcomes.find(req.db, id: id) else {
            throw DomainError.notFound("outcome measure")
        }
        return req.html(
            OutcomePages.detail(
                measure, canEdit: try req.requireActor().canManagePortfolio, values: values, errors: errors,
                req.page(measure.name)),
            status: status)
    }
}
