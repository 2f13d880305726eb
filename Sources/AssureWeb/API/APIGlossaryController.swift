import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
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
        let actor = try req.requireRegisterEditor()
        let input = try req.input(Entry.self)
        let saved = try await GlossaryEntries.save(
            req.db, actor, abbreviation: input.abbreviation, expansion: input.expansion)
        return try APIItem(saved).response(status: .created, location: .apiGlossaryEntry(id: saved.id))
    }

    func change(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let id = try req.uuid("item")
        let input = try req.input(Entry.self)
        return try await APIItem.change(req) { db in
            (try APIItem(try await GlossaryEntries.one(db, id: id)), ())
        } _: { db, _ in
            try await GlossaryEntries.save(
                db, actor, id: id, abbreviation: input.abbreviation, expansion: input.expansion)
        }.response()
    }

    /// 204 once deleted; the audit log keeps what it said.
    func delete(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let id = try req.uuid("item")
        try await APIItem.conditionally(req) { db in
            (try APIItem(try await GlossaryEntries.one(db, id: id)), ())
        } _: { db, _ in
            try await GlossaryEntries.remove(db, actor, id: id)
        }
        return Response(status: .noContent)
    }
}

extension APIGlossaryController.Entry: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "abbreviation": Refinement(minLength: 1, maxLength: 20, pattern: "^\\S+$"), "expansion": .length(1...300),
    ]
}
