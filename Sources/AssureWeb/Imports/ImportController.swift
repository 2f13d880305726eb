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
        let actor = try req.requireActor()
        guard case .ready(var model) = try await prepare(req) else { return try await preview(req: req) }
        guard model.plan.isClean else {
            return req.html(ImportPages.preview(model, req.page("Import preview")), status: .unprocessableEntity)
        }
        if model.publish, PeriodKey(model.period) == nil {
            model.errors["period"] = "Publishing as history needs the period the table reports on, as YYYY-MM."
        }
        if model.plan.returnCount > 0, PeriodKey(model.period) == nil {
            model.errors["period"] = "The table has ratings or updates: give the period they report on, as YYYY-MM."
            return req.html(ImportPages.preview(model, req.page("Import preview")), status: .unprocessableEntity)
        }
        // The import would roll back on a frozen or closed period; say so now rather than on the job page.
        do {
            try await Imports.requireImportable(req.db, portfolioID: model.portfolio.id, periodKey: model.period)
        } catch let refusal as DomainError {
            guard case .invalid(let errors) = refusal else {
                model.errors["period"] = refusal.description + " Reopen it first, or import into an open period."
                return req.html(ImportPages.preview(model, req.page("Import preview")), status: .conflict)
            }
            model.errors.merge(errors) { $1 }
            return req.html(ImportPages.preview(model, req.page("Import preview")), status: .unprocessableEntity)
        }
        let saveAs = model.saveAs.trimmingCharacters(in: .whitespaces)
        if !saveAs.isEmpty {
            try await Imports.saveMapping(
                req.db, actor, portfolioID: model.portfolio.id, name: saveAs, columns: model.plan.mapping.saved)
        }
        let (db, plan, portfolioID) = (req.application.db, model.plan, model.portfolio.id)
        let period = model.period.isEmpty ? nil : model.period
        let publish = model.publish
        let source = model.filename ?? "pasted table"
        try await ImportDrafts.forget(req.db, token: model.token)
        let id = try await req.application.importRunner.start(
            req.application, owner: actor.userID, portfolioID: portfolioID, total: plan.allProjects.count
        ) { progress in
            try await Imports.apply(
                db, actor, portfolioID: portfolioID, periodKey: period, plan: plan, source: source, publish: publish,
                progress: progress)
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
        return req.html(ImportPages.job(job, portfolio: portfolio.info, period: period, req.page("Import")))
    }

    private func managedPortfolio(_ req: Request) async throws -> PortfolioSummary {
        guard try req.requireActor().canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) imports into a portfolio")
        }
        return try await Catalogue.portfolio(req.db, id: try req.uuid("portfolio"))
    }

    enum Prepared { case refused(Response), ready(ImportPreviewModel) }

    static func read(_ draft: ImportDraft) -> Result<ImportFile.Contents, ImportProblems> {
        Result { () throws(ImportProblems) -> ImportFile.Contents in
            if draft.isPasted { return try ImportFile.contents(pasted: String(decoding: draft.data, as: UTF8.self)) }
            return try ImportFile.read(draft.data, filename: draft.filename)
        }
    }

    /// Reads the upload (or the draft kept from the last preview) with the chosen mapping into a plan.
    private func prepare(_ req: Request) async throws -> Prepared {
        let actor = try req.requireActor()
        let portfolio = try await managedPortfolio(req)
        let input = try req.content.decode(Input.self)
        let saved = try await Imports.savedMappings(req.db, portfolioID: portfolio.info.id)
        let period = input.period?.trimmingCharacters(in: .whitespaces) ?? ""
        func refuse(_ problems: [ImportProblem], _ errors: [String: String] = [:]) -> Prepared {
            .refused(
                req.html(
                    ImportPages.form(
                        portfolio.info, period: period, pasted: input.pasted ?? "", savedMappings: saved,
                        problems: problems, errors: errors, req.page("Import")), status: .unprocessableEntity))
        }
        var token = input.token ?? ""
        if let file = input.file, file.data.readableBytes > 0 {
            token = try await ImportDrafts.keep(
                req.db,
                .init(
                    owner: actor.userID, portfolioID: portfolio.info.id, filename: file.filename,
                    data: Data(buffer: file.data), isPasted: false, created: req.now))
        } else if let pasted = input.pasted, !pasted.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            token = try await ImportDrafts.keep(
                req.db,
                .init(
                    owner: actor.userID, portfolioID: portfolio.info.id, filename: nil, data: Data(pasted.utf8),
                    isPasted: true, created: req.now))
        }
        guard
            let draft = try await ImportDrafts.draft(
                req.db, token: token, owner: actor.userID, portfolioID: portfolio.info.id, now: req.now)
        else {
            return refuse(
                [],
                token.isEmpty
                    ? ["pasted": "Paste a table or choose a file."]
                    : ["pasted": "That upload has expired; paste or upload it again."])
        }
        let contents: ImportFile.Contents
        switch Self.read(draft) {
        case .success(let read): contents = read
        case .failure(let problems): return refuse(problems.problems)
        }
        let table = contents.tables.first { $0.sheet == input.sheet } ?? contents.tables[0]
        guard var mapping = ImportMapping.guess(table) else {
            return refuse([ImportProblem(row: nil, column: nil, "The table has no header row.")])
        }
        let savedName = input.mapping ?? ""
        if !savedName.isEmpty {
            mapping = mapping.applying(
                saved: try await Imports.savedMapping(req.db, portfolioID: portfolio.info.id, name: savedName))
        } else if let columns = input.column, columns.count == mapping.headers.count {
            for (index, text) in columns.enumerated() {
                if let target = ColumnTarget(text: text) { mapping.targets[index] = target }
            }
        }
        let keep = input.keepOffScale == "1"
        let context = try await Imports.context(req.db, portfolioID: portfolio.info.id, keepOffScaleRatings: keep)
        let plan = ImportReader.read(table, mapping: mapping, context: context)
        let samples = table.firstValues(below: mapping.headerRow, columns: mapping.headers.count)
        var errors: [String: String] = [:]
        if !period.isEmpty, PeriodKey(period) == nil { errors["period"] = "Write the period as YYYY-MM, e.g. 2016-11." }
        return .ready(
            ImportPreviewModel(
                portfolio: portfolio.info, token: token, filename: draft.filename,
                sheets: contents.tables.compactMap(\.sheet), sheet: table.sheet, period: period, keepOffScale: keep,
                publish: input.publish == "1", savedMappings: saved, savedMapping: savedName,
                saveAs: input.saveAs ?? "", notes: contents.notes,
                plan: plan, samples: samples, errors: errors))
    }
}
