import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// One return through the API: read it (with its version), and write it back as the web form would.
/// Writing takes a session with the CSRF header, or a token with the write scope.
struct APIReturnController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.apiReturn, use: show)
        routes.on(.PUT, .apiReturn, body: .collect(maxSize: "1mb"), use: save)
    }

    func show(req: Request) async throws -> Response {
        let sheet = try await Returns.sheet(
            req.db, periodID: try req.uuid("period"), projectID: try req.uuid("project"))
        let standing = try await Returns.standing(req.db, try req.requireActor(), projectID: sheet.project.id)
        guard standing.maySeeReturn else {
            throw DomainError.forbidden("you may not read returns in progress for \(sheet.programme.name)")
        }
        return try JSONOutput.response(APIReturn(sheet))
    }

    func save(req: Request) async throws -> Response {
        let periodID = try req.uuid("period"), projectID = try req.uuid("project")
        let actor = try req.requireWriter()
        let input: APIReturnInput
        do {
            input = try req.content.decode(APIReturnInput.self)
        } catch {
            let problem = DecodingProblem.describe(error)
            let fields = problem.field.isEmpty ? nil : [problem.field: problem.message]
            return try JSONOutput.response(
                APIError(
                    error: fields == nil ? problem.message : "\(problem.field) \(problem.message); nothing was saved.",
                    fields: fields, current: nil), status: .unprocessableEntity)
        }
        do {
            try await Returns.save(
                req.db, actor, periodID: periodID, projectID: projectID, form: input.form,
                action: input.submit == false ? .saveDraft : .submit, links: req.settings.noticeLinks)
            return try JSONOutput.response(
                APIReturn(try await Returns.sheet(req.db, periodID: periodID, projectID: projectID)))
        } catch DomainError.invalid(let errors) {
            return try JSONOutput.response(
                APIError(error: "The return has problems; nothing was saved.", fields: errors, current: nil),
                status: .unprocessableEntity)
        } catch DomainError.conflict {
            let current = APIReturn(try await Returns.sheet(req.db, periodID: periodID, projectID: projectID))
            return try JSONOutput.response(
                APIError(
                    error: "Saved by someone else since version \(input.baseVersion); nothing was saved. "
                        + "`current` is the saved return: merge, then send its version as baseVersion.", fields: nil,
                    current: current), status: .conflict)
        }
    }
}
