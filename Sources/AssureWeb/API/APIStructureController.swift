import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Setting up and changing the structure through the API, by the pages' application functions: portfolios (the PMO),
/// programmes (the PMO), projects and sub-items (whoever edits the programme), and a project's details (If-Match).
struct APIStructureController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.post(.apiPortfolios, use: createPortfolio)
        routes.get(.apiPortfolio) { req in try await Self.portfolio(req, id: try req.uuid("portfolio")).response() }
        routes.get(.apiProgrammes) { req in
            try JSONOutput.response(
                try await Catalogue.programmes(req.db, portfolioID: try Self.existingPortfolio(req)).map(
                    APIProgramme.init))
        }
        routes.post(.apiProgrammes, use: createProgramme)
        routes.post(.apiProjects, use: createProject)
        routes.on(.PUT, .apiProject, body: .collect(maxSize: "64kb"), use: updateProject)
    }

    static func portfolio(_ req: Request, id: UUID) async throws -> APIItem<APIPortfolio> {
        try APIItem(APIPortfolio(try await Catalogue.portfolio(req.db, id: id)))
    }

    /// The portfolio the path names, or 404: an empty list is never the answer for a portfolio that does not exist.
    static func existingPortfolio(_ req: Request) async throws -> UUID {
        let id = try req.uuid("portfolio")
        _ = try await Catalogue.portfolio(req.db, id: id)
        return id
    }

    func createPortfolio(req: Request) async throws -> Response {
        let actor = try req.requireWriter()
        let input = try req.input(APIPortfolioInput.self)
        let made = try await Structure.createPortfolio(req.db, actor, name: input.name, scale: try input.scaleKind())
        return try await Self.portfolio(req, id: made.id).response(
            status: .created, location: .apiPortfolio(portfolio: made.id))
    }

    func createProgramme(req: Request) async throws -> Response {
        let actor = try req.requireWriter()
        let portfolioID = try req.uuid("portfolio")
        let input = try req.input(APIProgrammeInput.self)
        let made = try await Structure.createProgramme(
            req.db, actor, portfolioID: portfolioID, name: input.name, kind: try input.programmeKind(),
            clinicalLead: input.clinicalLead, headOfService: input.headOfService)
        return try APIItem(APIProgramme(made)).response(
            status: .created, location: .apiProgrammes(portfolio: portfolioID))
    }

    func createProject(req: Request) async throws -> Response {
        let actor = try req.requireWriter()
        let portfolioID = try req.uuid("portfolio")
        let input = try req.input(APIProjectInput.self)
        guard
            try await Catalogue.programmes(req.db, portfolioID: portfolioID).contains(where: {
                $0.id == input.programme
            })
        else {
            throw DomainError.invalid(["programme": "is not a programme of this portfolio"])
        }
        let made = try await Structure.createProject(
            req.db, actor, programmeID: input.programme, parentID: input.parent, reference: input.reference,
            title: input.title, sro: input.sro, lead: input.lead)
        return try await APIController.projectItem(req, id: made.id).response(
            status: .created, location: .apiProject(project: made.id))
    }

    func updateProject(req: Request) async throws -> Response {
        let actor = try req.requireWriter()
        let id = try req.uuid("project")
        let input = try req.input(APIProjectChanges.self)
        // Who may read what is settled before the transaction, so that it holds one connection, not two.
        _ = try await req.readership()
        return try await APIItem.change(req) { db in
            let detail = try await Structure.project(db, id: id)
            return (try await APIController.projectItem(req, detail, on: db), detail)
        } _: { db, detail in
            try await Structure.updateProject(
                db, actor, id: id,
                changes: ProjectChanges(
                    reference: input.reference, title: input.title, sro: input.sro, lead: input.lead,
                    programmeID: input.programme ?? detail.programme.id, baseVersion: detail.version))
        }.response()
    }
}

extension APIPortfolio {
    init(_ summary: PortfolioSummary) {
        self.init(
            id: summary.info.id, name: summary.info.name, scale: summary.info.scale.kind.rawValue,
            ratings: summary.info.scale.levels.map(\.label), periods: summary.periods.map(APIPeriod.init))
    }
}
