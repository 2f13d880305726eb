import AssureApp
import AssureCore
import AssureInterchange
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Importing a pasted table or a file: the form, the preview (mapping, problems, what changes), and the import itself,
/// which runs in the background with a page showing its progress.
struct ImportController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        let upload = HTTPBodyStreamStrategy.collect(maxSize: ByteCount(value: AppRoute.uploadLimit))
        routes.get(.importTable, use: form)
        routes.on(.POST, .importTable, body: upload, use: preview)
        routes.on(.POST, .importApply, body: upload, use: apply)
        routes.get(.importJob, use: job)
    }

    struct Input: Content {
        var file: File?
        var pasted: String?
        var token: String?
        var period: String?
        var sheet: String?
        var mapping: String?
        var keepOffScale: String?
        var publish: String?
        var column: [String]?
        var saveAs: String?
    }

    func form(req: Request) async throws -> Response {
        let portfolio = try await managedPortfolio(req)
        return req.html(
            ImportPages.form(
                portfolio.info, period: portfolio.periods.last { $0.status == .open }?.key ?? "", pasted: "",
                savedMappings: try await Imports.savedMappings(req.db, portfolioID: portfolio.info.id),
                problems: [], errors: [:], req.page("Import")))
    }

    func preview(req: Request) async throws -> Response {
        switch try await prepare(req) {
        case .refused(let page): return page
        case .ready(let model):
            return req.html(
                ImportPages.preview(model, req.page("Import preview")),
                status: model.plan.isClean ? .ok : .unprocessableEntity)
        }
    }

    func apply(req: Request) async throws -> Response {
        guard case .ready(var model) = try await prepare(req) else { return try await preview(req: req) }
        let id: UUID
        do {
            id = try await ImportPreparation.start(req, model)
        } catch DomainError.invalid(let errors) {
            if model.plan.isClean { model.errors.merge(errors) { $1 } }
            return req.html(ImportPages.preview(model, req.page("Import preview")), status: .unprocessableEntity)
        } catch let refusal as DomainError {
            // The import would roll back on a frozen period; say so now rather than on the job page.
            guard case .frozen = refusal else { throw refusal }
            model.errors["period"] = refusal.description + " Reopen it first, or import into an open period."
            return req.html(ImportPages.preview(model, req.page("Import preview")), status: .conflict)
        }
        return req.redirect(to: Link.importJob(job: id).path, redirectType: .normal)
    }

    func job(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard let id = UUID(uuidString: req.parameters.get("job") ?? ""),
            let job = try await req.application.importRunner.job(req.db, id: id, owner: actor.userID, now: req.now)
        else {
            throw Abort(.notFound, reason: "No such import.")
        }
        let portfolio = try await Catalogue.portfolio(req.db, id: job.portfolioID)
        let period = job.outcome?.periodKey.flatMap { key in portfolio.periods.first { $0.key == key } }
        // Dates the import wrote as another event ("Dependant on …"), offered as links once it has landed.
        var suggestions: [DependencySuggestion] = []
        if job.outcome != nil {
            let recorded = DependencyGraph(
                try await MilestoneDependencies.all(req.db, portfolioID: portfolio.info.id).map(\.dependency))
            suggestions = try await MilestoneDependencies.suggestions(req.db, portfolio: portfolio, recorded: recorded)
        }
        return req.html(
            ImportPages.job(
                job, portfolio: portfolio.info, period: period, suggestions: suggestions, req.page("Import")))
    }

    private func managedPortfolio(_ req: Request) async throws -> PortfolioSummary {
        try await ImportPreparation.managedPortfolio(req, id: try req.uuid("portfolio"))
    }

    enum Prepared { case refused(Response), ready(ImportPreviewModel) }

    /// Keeps the upload (or finds the one kept from the last preview) and reads it with the form's choices.
    private func prepare(_ req: Request) async throws -> Prepared {
        let portfolio = try await managedPortfolio(req)
        let input = try req.content.decode(Input.self)
        let period = input.period?.trimmingCharacters(in: .whitespaces) ?? ""
        func refuse(_ problems: [ImportProblem], _ errors: [String: String] = [:]) async throws -> Prepared {
            .refused(
                req.html(
                    ImportPages.form(
                        portfolio.info, period: period, pasted: input.pasted ?? "",
                        savedMappings: try await Imports.savedMappings(req.db, portfolioID: portfolio.info.id),
                        problems: problems, errors: errors, req.page("Import")), status: .unprocessableEntity))
        }
        var token = input.token ?? ""
        if let file = input.file, file.data.readableBytes > 0 {
            token = try await ImportPreparation.keep(
                req, portfolioID: portfolio.info.id, filename: file.filename, data: Data(buffer: file.data))
        } else if let pasted = input.pasted, !pasted.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            token = try await ImportPreparation.keep(
                req, portfolioID: portfolio.info.id, filename: nil, data: Data(pasted.utf8))
        }
        let options = ImportOptions(
            period: period, sheet: input.sheet, savedMapping: input.mapping ?? "", columns: input.column,
            keepOffScale: input.keepOffScale == "1", publish: input.publish == "1", saveAs: input.saveAs ?? "")
        switch try await ImportPreparation.prepare(req, portfolio: portfolio, token: token, options) {
        case .missing:
            return try await refuse(
                [],
                token.isEmpty
                    ? ["pasted": "Paste a table or choose a file."]
                    : ["pasted": "That upload has expired; paste or upload it again."])
        case .unreadable(let problems): return try await refuse(problems)
        case .ready(let model): return .ready(model)
        }
    }
}
