import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// The glossary through the API, by the page's application functions (the PMO): add an abbreviation, change one, or
/// delete it, each change to an existing entry naming the version read in If-Match.
struct APIGlossaryController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.post(.apiGlossary, use: add)
        routes.get(.apiGlossaryEntry) { req in
            try APIItem(try await GlossaryEntries.one(req.db, id: try req.uuid("item"))).response()
        }
        routes.on(.PUT, .apiGlossaryEntry, body: .collect(maxSize: "16kb"), use: change)
        routes.on(.DELETE, .apiGlossaryEntry, body: .collect(maxSize: "1kb"), use: delete)
    }

    struct Entry: Codable, Sendable {
        let abbreviation: String
        let expansion: String
    }

    func add(req: Request) async throws -> Response {
        let actor = try req.requireWriter()
        let input = try req.input(Entry.self)
        let saved = try await GlossaryEntries.save(
            req.db, actor, abbreviation: input.abbreviation, expansion: input.expansion)
        return try APIItem(saved).response(status: .created, location: .apiGlossaryEntry(id: saved.id))
    }

    func change(req: Request) async throws -> Response {
        let actor = try req.requireWriter()
        let id = try req.uuid("item")
        let input = try req.input(Entry.self)
        try await Self.requireCurrent(req, actor, id: id)
        let saved = try await GlossaryEntries.save(
            req.db, actor, id: id, abbreviation: input.abbreviation, expansion: input.expansion)
        return try APIItem(saved).response()
    }

    /// 204 once deleted; the audit log keeps what it said.
    func delete(req: Request) async throws -> Response {
        let actor = try req.requireWriter()
        let id = try req.uuid("item")
        try await Self.requireCurrent(req, actor, id: id)
        try await GlossaryEntries.remove(req.db, actor, id: id)
        return Response(status: .noContent)
    }

    /// The PMO's check first (a refusal says who may, before any version is compared), then the version.
    private static func requireCurrent(_ req: Request, _ actor: Actor, id: UUID) async throws {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) edits the glossary") }
        try APIItem(try await GlossaryEntries.one(req.db, id: id)).requireMatch(req)
    }
}
