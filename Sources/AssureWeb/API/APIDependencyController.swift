import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Dependencies through the API, by the project page's application functions: a portfolio's, each with how it stands
/// and the dates written as another event; adding one (whoever edits the waiting project's programme) and removing
/// it (the same, naming the version read in If-Match).
struct APIDependencyController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.apiDependencies, use: list)
        routes.post(.apiProjectDependencies, use: add)
        routes.get(.apiDependency) { req in try await Self.item(req.db, id: try req.uuid("item")).item.response() }
        routes.on(.DELETE, .apiDependency, body: .collect(maxSize: "1kb"), use: remove)
    }

    func list(req: Request) async throws -> Response {
        let portfolio = try await Catalogue.portfolio(req.db, id: try req.uuid("portfolio"))
        let picture = try await DependencyPicture.read(req.db, portfolio: portfolio)
        let suggestions = try await MilestoneDependencies.suggestions(
            req.db, portfolio: portfolio, recorded: picture.graph)
        return try JSONOutput.response(APIDependencies(portfolio, picture, suggestions: suggestions))
    }

    /// One dependency as it stands, and the project waiting.
    static func item(_ db: Database, id: UUID) async throws -> (item: APIItem<APIDependency>, projectID: UUID) {
        guard let stored = try await MilestoneDependencies.find(db, id: id) else {
            throw DomainError.notFound("dependency")
        }
        let project = try await Structure.project(db, id: stored.dependency.dependant.projectID)
        let picture = try await DependencyPicture.read(
            db, portfolio: try await Catalogue.portfolio(db, id: project.portfolio.id))
        return (try APIItem(APIDependency(stored, in: picture)), stored.dependency.dependant.projectID)
    }

    func add(req: Request) async throws -> Response {
        let actor = try req.requireWriter()
        let input = try req.input(APIDependencyInput.self)
        let stored = try await Dependencies.add(req.db, actor, projectID: try req.uuid("project"), draft: input.draft)
        return try await Self.item(req.db, id: stored.id).item.response(
            status: .created, location: .apiDependency(id: stored.id))
    }

    /// 204 once removed; the audit log keeps it.
    func remove(req: Request) async throws -> Response {
        let actor = try req.requireWriter()
        let id = try req.uuid("item")
        try await APIItem.conditionally(req) { db in
            let (item, projectID) = try await Self.item(db, id: id)
            return (item, projectID)
        } _: { db, projectID in
            try await Dependencies.remove(db, actor, projectID: projectID, dependencyID: id)
        }
        return Response(status: .noContent)
    }
}

extension APIDependencyInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "milestone": .length(0...300), "upstreamProject": .length(1...300), "upstreamMilestone": .length(1...300),
    ]
}

extension APIDependency: SchemaRefined {
    static let refinements: [String: Refinement] = ["standing": .oneOf(["clear", "at-risk", "knock-on"])]
}
