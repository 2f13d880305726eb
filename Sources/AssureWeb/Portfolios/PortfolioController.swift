import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Portfolios and the life of their reporting periods.
struct PortfolioController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.portfolios, use: list)
        routes.post(.portfolios, use: createPortfolio)
        routes.get(.portfolio, use: home)
        routes.get(.projectList, use: projectList)
        routes.post(.createProgramme, use: createProgramme)
        routes.post(.createProject, use: createProject)
        routes.post(.portfolioChecks, use: setChecks)
        routes.get(.slipForecasts, use: slipForecasts)
        routes.get(.portfolioDependencies, use: dependencies)
        routes.post(.createPeriod, use: createPeriod)
        routes.post(.openPeriod) { try await move($0, PeriodLifecycle.open, "opened for returns") }
        routes.post(.closePeriod) { try await move($0, PeriodLifecycle.close, "closed") }
    }

    func list(req: Request) async throws -> Response {
        req.html(
            PortfolioPages.list(
                try await Catalogue.portfolios(req.db), req.page("Portfolios"), reader: try await req.readership()))
    }

    /// Every open milestone of the latest published period with its chance of slipping, likeliest first.
    func slipForecasts(req: Request) async throws -> Response {
        let portfolio = try await Catalogue.portfolio(req.db, id: try req.uuid("portfolio"))
        let model = SlipForecastPageModel(
            portfolio: portfolio, forecasts: try await SlipForecasts.latest(req.db, portfolio: portfolio))
        return req.html(
            SlipForecastViews.page(model, req.page("\(portfolio.info.name): milestones likely to slip")))
    }

    /// The dependency map of each programme (`?programme=` one of them), what is at risk, and the dates written as
    /// another event offered as links.
    func dependencies(req: Request) async throws -> Response {
        let portfolio = try await Catalogue.portfolio(req.db, id: try req.uuid("portfolio"))
        let picture = try await DependencyPicture.read(
            req.db, portfolio: portfolio, includingOpen: try await req.readership().seesFindings)
        let suggestions = try await MilestoneDependencies.suggestions(
            req.db, portfolio: portfolio, recorded: picture.graph)
        let actor = try req.requireActor()
        let programmeOf = try await MilestoneDependencies.programmes(
            req.db, projects: Set(suggestions.map(\.dependant.projectID)))
        let model = DependenciesPageModel(
            portfolio: portfolio, programmes: try await Catalogue.programmes(req.db, portfolioID: portfolio.info.id),
            chosen: try req.queryID("programme"), picture: picture, suggestions: suggestions,
            linkable: Set(programmeOf.filter { actor.canEdit(programme: $0.value) }.keys))
        return req.html(DependenciesPage.render(model, req.page("\(portfolio.info.name): dependencies")))
    }

    func home(req: Request) async throws -> Response {
        try await homePage(req, portfolioID: try req.uuid("portfolio"), returned: nil)
    }

    /// Every project with its latest published rating and custom attributes; ?format=csv|xlsx downloads them all.
    func projectList(req: Request) async throws -> Response {
        let portfolio = try await Catalogue.portfolio(req.db, id: try req.uuid("portfolio"))
        let attributes = try await Imports.attributes(req.db, portfolioID: portfolio.info.id)
        if let format = try req.requestedDownload() {
            let table = ExportTables.projects(
                portfolio: portfolio.info, items: try await ProjectList.all(req.db, portfolioID: portfolio.info.id),
                attributes: attributes)
            return try req.download([table], as: format, name: "projects")
        }
        let offset = max(0, (try? req.query.get(Int.self, at: "offset")) ?? 0)
        let page = try await ProjectList.page(req.db, portfolioID: portfolio.info.id, offset: offset, limit: 500)
        let model = ProjectsPageModel(
            portfolio: portfolio.info,
            table: ExportTables.projects(portfolio: portfolio.info, items: page.items, attributes: attributes),
            total: page.total, offset: offset, limit: 500)
        return req.html(ProjectsPage.render(model, req.page("\(portfolio.info.name) projects")))
    }

    /// The portfolio page, with one of its forms sent back with errors where `returned` is set.
    private func homePage(_ req: Request, portfolioID: UUID, returned: ReturnedForm?) async throws -> Response {
        let portfolio = try await Catalogue.portfolio(req.db, id: portfolioID)
        let model = PortfolioPageModel(
            portfolio: portfolio, current: try await currentReport(req, portfolio),
            canManage: try req.requireActor().canManagePortfolio,
            programmes: try await Catalogue.programmes(req.db, portfolioID: portfolioID),
            projects: try await Catalogue.projects(req.db, portfolioID: portfolioID), returnedForm: returned)
        return req.html(
            PortfolioPages.home(model, req.page(portfolio.info.name)),
            status: returned == nil ? .ok : .unprocessableEntity)
    }

    func createPortfolio(req: Request) async throws -> Response {
        let draft = try req.content.decode(PortfolioDraft.self)
        do {
            let scale = try RatingScaleKind(chosen: draft.scale, field: "scale", "Choose a rating scale.")
            let portfolio = try await Structure.createPortfolio(
                req.db, try req.requireActor(), name: draft.name, scale: scale)
            return req.redirect(
                to: Link.portfolio(portfolio: portfolio.id).path, notice: "Created the portfolio \(portfolio.name)."
            )
        } catch DomainError.invalid(let errors) {
            let returned = ReturnedForm(name: "portfolio", values: draft.formValues, errors: errors)
            return req.html(
                PortfolioPages.list(
                    try await Catalogue.portfolios(req.db), req.page("Portfolios"), returned: returned,
                    reader: try await req.readership()),
                status: .unprocessableEntity)
        }
    }

    func createProgramme(req: Request) async throws -> Response {
        let portfolioID = try req.uuid("portfolio")
        let draft = try req.content.decode(ProgrammeDraft.self)
        do {
            let kind = try ProgrammeKind(chosen: draft.kind, field: "kind", "Choose a kind.")
            let programme = try await Structure.createProgramme(
                req.db, try req.requireActor(), portfolioID: portfolioID, name: draft.name, kind: kind,
                clinicalLead: draft.clinicalLead, headOfService: draft.headOfService)
            return req.redirect(
                to: Link.portfolio(portfolio: portfolioID).path, notice: "Added the programme \(programme.name).")
        } catch DomainError.invalid(let errors) {
            return try await homePage(
                req, portfolioID: portfolioID,
                returned: ReturnedForm(name: "programme", values: draft.formValues, errors: errors)
            )
        }
    }

    /// Ticked boxes arrive as on-<check>=1; an unticked box is simply absent.
    func setChecks(req: Request) async throws -> Response {
        let portfolioID = try req.uuid("portfolio")
        let draft = try req.content.decode(ChecksDraft.self)
        let disabled = draft.switchedOff
        do {
            try await Structure.setChaseSchedule(
                req.db, try req.requireActor(), portfolioID: portfolioID, daysBefore: try draft.daysBefore())
        } catch DomainError.invalid(let errors) {
            return try await homePage(
                req, portfolioID: portfolioID,
                returned: ReturnedForm(name: "checks", values: draft.formValues, errors: errors))
        }
        try await Structure.setDisabledChecks(
            req.db, try req.requireActor(), portfolioID: portfolioID, disabled: disabled)
        try await Structure.setRequireUpdate(
            req.db, try req.requireActor(), portfolioID: portfolioID, required: draft.requiresUpdate)
        try await Structure.setSlipForecastShown(
            req.db, try req.requireActor(), portfolioID: portfolioID, shown: draft.showsSlipForecast)
        return req.redirect(
            to: Link.portfolio(portfolio: portfolioID).path,
            notice: disabled.isEmpty
                ? "Every check is on."
                : "Checks switched off: \(disabled.map(\.title).sorted().joined(separator: "; ")).")
    }

    func createProject(req: Request) async throws -> Response {
        let portfolioID = try req.uuid("portfolio")
        let draft = try req.content.decode(ProjectDraft.self)
        do {
            let programmes = try await Catalogue.programmes(req.db, portfolioID: portfolioID)
            guard let programme = programmes.first(where: { $0.name == draft.programme }) else {
                throw DomainError.invalid(["programme": "Choose a programme."])
            }
            let parent = try await Catalogue.projects(req.db, portfolioID: portfolioID)
                .first { StructureForms.label($0) == draft.parent }
            if draft.hasParent, parent == nil {
                throw DomainError.invalid(["parent": "Choose a project of this portfolio."])
            }
            let project = try await Structure.createProject(
                req.db, try req.requireActor(), programmeID: programme.id, parentID: parent?.id,
                reference: draft.reference, title: draft.title, sro: draft.sro, lead: draft.lead)
            return req.redirect(to: Link.project(project: project.id).path, notice: "Added \(project.title).")
        } catch DomainError.invalid(let errors) {
            return try await homePage(
                req, portfolioID: portfolioID,
                returned: ReturnedForm(name: "project", values: draft.formValues, errors: errors))
        }
    }

    struct PeriodInput: Content {
        var period: String?; var frequency: String?; var asAt: String?; var publishOn: String?; var returnsDue: String?
    }

    func createPeriod(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let portfolio = try await Catalogue.portfolio(req.db, id: try req.uuid("portfolio"))
        let input = try req.content.decode(PeriodInput.self)
        let draft = PeriodDraft(
            key: input.period ?? "", frequency: input.frequency, asAt: input.asAt, publishOn: input.publishOn,
            returnsDue: input.returnsDue)
        do {
            let period = try await PeriodLifecycle.create(req.db, actor, portfolioID: portfolio.info.id, draft: draft)
            return req.redirect(
                to: Link.portfolio(portfolio: portfolio.info.id).path, notice: "Created \(period.label) as a draft."
            )
        } catch DomainError.invalid(let errors) {
            return try await homePage(
                req, portfolioID: portfolio.info.id,
                returned: ReturnedForm(name: "period", values: draft.fields, errors: errors))
        }
    }

    private func move(
        _ req: Request, _ action: (any Database, Actor, UUID) async throws -> PeriodInfo, _ done: String
    ) async throws -> Response {
        let period = try await action(req.db, try req.requireActor(), try req.uuid("period"))
        let portfolio = try await Catalogue.portfolio(req.db, containingPeriod: period.id)?.portfolio
        return req.redirect(
            to: portfolio.map { Link.portfolio(portfolio: $0.info.id).path } ?? Link.home.path,
            notice: "\(period.label) \(done).")
    }

    private func currentReport(_ req: Request, _ portfolio: PortfolioSummary) async throws -> PeriodReport? {
        guard let period = portfolio.landing(for: try await req.readership()) else { return nil }
        return try await req.report(periodID: period.id)
    }
}
