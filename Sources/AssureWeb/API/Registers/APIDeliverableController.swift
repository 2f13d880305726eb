import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Key deliverables through the API (the PMO): add one, and change one as a whole (If-Match).
struct APIDeliverableController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.apiDeliverables) { req in
            try JSONOutput.response(try await KeyDeliverables.all(req.db).map(APIDeliverable.init))
        }
        routes.post(.apiDeliverables, use: add)
        routes.get(.apiDeliverable) { req in try await Self.deliverable(req.db, id: try req.uuid("item")).response() }
        routes.on(.PUT, .apiDeliverable, body: .collect(maxSize: "16kb"), use: change)
    }

    static func deliverable(_ db: any Database, id: UUID) async throws -> APIItem<APIDeliverable> {
        guard let item = try await KeyDeliverables.find(db, id: id) else {
            throw DomainError.notFound("deliverable")
        }
        return try APIItem(APIDeliverable(item))
    }

    func add(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let input = try req.input(APIDeliverableInput.self)
        let saved = try await KeyDeliverables.save(
            req.db, actor, programme: input.programme, workstream: input.workstream ?? "", title: input.title,
            years: input.years, status: try input.statusKind())
        return try APIItem(APIDeliverable(saved)).response(status: .created, location: .apiDeliverable(id: saved.id))
    }

    func change(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let id = try req.uuid("item")
        let input = try req.input(APIDeliverableInput.self)
        let status = try input.statusKind()
        return try await APIItem.change(req) { db in
            let item = try await Self.deliverable(db, id: id)
            return (item, item.value.version)
        } _: { db, version in
            try await KeyDeliverables.save(
                db, actor, id: id, programme: input.programme, workstream: input.workstream ?? "",
                title: input.title, years: input.years, status: status, baseVersion: version)
        }.response()
    }
}
