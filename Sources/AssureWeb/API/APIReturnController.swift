import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// One return through the API: read it (with its ETag and version), and write it back as the web form would.
/// Writing takes a session with the CSRF header, or a token with the write scope, and names the version read: the
/// ETag in `If-Match`, or (as before ETags) the version as `baseVersion` in the body.
struct APIReturnController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.apiReturn) { req in
            try await Self.item(req, periodID: try req.uuid("period"), projectID: try req.uuid("project")).1.response()
        }
        routes.on(.PUT, .apiReturn, body: .collect(maxSize: "1mb"), use: save)
    }

    /// The return as the actor may read it, with its ETag.
    static func item(
        _ req: Request, periodID: UUID, projectID: UUID
    ) async throws -> (ReturnSheet, APIItem<APIReturn>) {
        let sheet = try await Returns.sheet(req.db, periodID: periodID, projectID: projectID)
        let standing = try await Returns.standing(req.db, try req.requireActor(), projectID: sheet.project.id)
        guard standing.maySeeReturn else {
            throw DomainError.forbidden("you may not read returns in progress for \(sheet.programme.name)")
        }
        return (sheet, try APIItem(APIReturn(sheet)))
    }

    /// The refusal of a write to a return saved by someone else since it was read: 412 (the client named what it read
    /// in If-Match) or 409 (in `baseVersion`), with the return as it is now.
    static func changedMeanwhile(
        _ req: Request, periodID: UUID, projectID: UUID, since baseVersion: Int? = nil
    ) async throws -> APIRefusal {
        let now = try await item(req, periodID: periodID, projectID: projectID).1
        guard let baseVersion else {
            return now.stale(
                "Saved by someone else since you read it; nothing was changed. `current` is the "
                    + "return now: merge, then send its ETag in If-Match.")
        }
        return APIRefusal(
            APIProblem(
                .conflict,
                detail: "Saved by someone else since version \(baseVersion); nothing was saved. "
                    + "`current` is the saved return: merge, then send its version as baseVersion.",
                current: now.value), etag: now.etag)
    }

    func save(req: Request) async throws -> Response {
        let periodID = try req.uuid("period"), projectID = try req.uuid("project")
        let actor = try req.requireWriter()
        let input = try req.input(APIReturnInput.self)
        var baseVersion = input.baseVersion
        if !req.headers[.ifMatch].isEmpty {
            let (sheet, current) = try await Self.item(req, periodID: periodID, projectID: projectID)
            try current.requireMatch(req)
            baseVersion = sheet.form.baseVersion
        }
        guard let baseVersion else {
            throw APIRefusal(
                APIProblem(
                    .preconditionRequired,
                    detail: "Send If-Match with the ETag you read (or the version as baseVersion): nothing was saved."))
        }
        do {
            try await Returns.save(
                req.db, actor, periodID: periodID, projectID: projectID, form: input.form(baseVersion: baseVersion),
                action: input.submit == false ? .saveDraft : .submit, links: req.settings.noticeLinks)
        } catch DomainError.conflict {
            throw try await Self.changedMeanwhile(
                req, periodID: periodID, projectID: projectID,
                since: input.baseVersion == nil ? nil : baseVersion)
        }
        return try await Self.item(req, periodID: periodID, projectID: projectID).1.response()
    }
}
