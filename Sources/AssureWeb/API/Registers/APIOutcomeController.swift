import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Outcome measures through the API (the PMO): set one up with its baseline and target, and record a period's
/// trajectory or actual (If-Match on the measure: a value replaces what the period had).
struct APIOutcomeController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.apiOutcomes) { req in
            try JSONOutput.response(try await Outcomes.all(req.db).map(APIOutcomeMeasure.init))
        }
        routes.post(.apiOutcomes, use: create)
        routes.get(.apiOutcome) { req in try await Self.measure(req.db, id: try req.uuid("item")).response() }
        routes.post(.apiOutcomeValues, use: record)
    }

    static func measure(_ db: any Database, id: UUID) async throws -> APIItem<APIOutcomeMeasure> {
        guard let measure = try await Outcomes.find(db, id: id) else {
            throw DomainError.notFound("outcome measure")
        }
        return try APIItem(APIOutcomeMeasure(measure))
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let input = try req.input(APIOutcomeMeasureInput.self)
        let measure = try await Outcomes.create(
            req.db, actor, name: input.name, programme: input.programme ?? "", unit: input.unit,
            direction: try input.directionKind(), baseline: input.baseline.map { String($0) } ?? "",
            target: String(input.target), targetDate: input.targetDate)
        return try APIItem(APIOutcomeMeasure(measure)).response(status: .created, location: .apiOutcome(id: measure.id))
    }

    func record(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let id = try req.uuid("item")
        let input = try req.input(APIOutcomeValueInput.self)
        let kind: Outcomes.Kind = try choice(input.kind, field: "kind")
        return try await APIItem.change(req) { db in
            (try await Self.measure(db, id: id), ())
        } _: { db, _ in
            try await Outcomes.record(
                db, actor, measureID: id, period: input.period, kind: kind, value: String(input.value))
        }.response()
    }
}
