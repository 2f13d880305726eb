import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// Imports through the API, by the page's own steps (the PMO): upload a file or a table as the body, read the preview
/// (changing the period, sheet or mapping as often as need be), apply it, and follow the job's progress. An upload is
/// kept an hour, for its uploader only; an import lands whole or not at all.
struct APIImportController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.on(
            .POST, .apiImports, body: .collect(maxSize: ByteCount(value: AppRoute.uploadLimit)), use: upload)
        routes.get(.apiImport) { req in try await preview(req, ImportOptions()) }
        routes.on(.POST, .apiImportPreview, body: .collect(maxSize: "64kb")) { req in
            try await preview(req, try req.input(APIImportOptions.self).options)
        }
        routes.on(.POST, .apiImportApply, body: .collect(maxSize: "64kb"), use: apply)
        routes.get(.apiImportJob, use: job)
    }

    /// The body is the file's bytes; `?filename=` names the file (its extension says how to read it: .xlsx, .csv,
    /// .tsv, .txt). Without a filename the body is read as a pasted table (tab- or comma-separated text).
    func upload(req: Request) async throws -> Response {
        _ = try req.requireWriter()
        let portfolio = try await ImportPreparation.managedPortfolio(req, id: try req.uuid("portfolio"))
        let filename = try req.query.get(String?.self, at: "filename")
        if let filename,
            filename.isEmpty || filename.count > 255 || filename.contains(where: { $0 == "/" || $0 == "\0" })
        {
            throw DomainError.invalid(["filename": "Name the file as it is called, e.g. returns.xlsx, without a path."])
        }
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw DomainError.invalid(["body": "Send the file's bytes, or the table as text, as the request body."])
        }
        let token = try await ImportPreparation.keep(
            req, portfolioID: portfolio.info.id, filename: filename, data: Data(buffer: body))
        do {
            let model = try await Self.model(req, portfolio, token: token, ImportOptions())
            let id = try Self.id(token)
            let response = try JSONOutput.response(APIImportPreview(model, id: id), status: .created)
            response.headers.replaceOrAdd(
                name: .location, value: Link.apiImport(portfolio: portfolio.info.id, id: id).path)
            return response
        } catch {
            // Nothing to preview: the upload is not kept.
            try await ImportDrafts.forget(req.db, token: token)
            throw error
        }
    }

    func preview(_ req: Request, _ options: ImportOptions) async throws -> Response {
        let portfolio = try await ImportPreparation.managedPortfolio(req, id: try req.uuid("portfolio"))
        let id = try req.uuid("item")
        let model = try await Self.model(req, portfolio, token: id.uuidString, options)
        return try JSONOutput.response(APIImportPreview(model, id: id))
    }

    /// 202 with the job, at its own address; refused with every problem (by row and column) while the preview has
    /// errors, and 409 for a published period.
    func apply(req: Request) async throws -> Response {
        _ = try req.requireWriter()
        let portfolio = try await ImportPreparation.managedPortfolio(req, id: try req.uuid("portfolio"))
        let id = try req.uuid("item")
        let options = try req.input(APIImportOptions.self).options
        let model = try await Self.model(req, portfolio, token: id.uuidString, options)
        let jobID = try await ImportPreparation.start(req, model)
        let response = try await Self.jobResponse(req, id: jobID, status: .accepted)
        response.headers.replaceOrAdd(name: .location, value: Link.apiImportJob(id: jobID).path)
        return response
    }

    func job(req: Request) async throws -> Response {
        try await Self.jobResponse(req, id: try req.uuid("item"), status: .ok)
    }

    /// A job is its starter's to follow, as on the page.
    private static func jobResponse(_ req: Request, id: UUID, status: HTTPStatus) async throws -> Response {
        guard
            let job = try await req.application.importRunner.job(
                req.db, id: id, owner: try req.requireActor().userID, now: req.now)
        else { throw DomainError.notFound("import") }
        return try JSONOutput.response(APIImportJob(job), status: status)
    }

    private static func model(
        _ req: Request, _ portfolio: PortfolioSummary, token: String, _ options: ImportOptions
    ) async throws -> ImportPreviewModel {
        switch try await ImportPreparation.prepare(req, portfolio: portfolio, token: token, options) {
        case .missing: throw DomainError.notFound("upload (each is kept an hour, for whoever uploaded it)")
        case .unreadable(let problems):
            throw DomainError.invalid(ImportPreparation.byPlace(problems))
        case .ready(let model): return model
        }
    }

    private static func id(_ token: String) throws -> UUID {
        guard let id = UUID(uuidString: token) else { throw DomainError.notFound("upload") }
        return id
    }
}
