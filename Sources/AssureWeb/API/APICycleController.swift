import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// The monthly cycle through the API, by the same application functions the pages call: create a period, open it,
/// close it, publish it (with the choice for returns not in), re-open it with a reason, and review a return. Each
/// write to an existing item needs `If-Match` with the ETag last read (412 when the item changed, 428 without it).
struct APICycleController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.post(.apiPeriods, use: createPeriod)
        routes.post(.apiOpenPeriod) { req in
            try await transition(req) { try await PeriodLifecycle.open($0, $1, periodID: $2) }
        }
        routes.post(.apiClosePeriod) { req in
            try await transition(req) { try await PeriodLifecycle.close($0, $1, periodID: $2) }
        }
        routes.post(.apiPublishPeriod) { req in
            let input = try req.input(APIPublishInput.self)
            let policy = try input.policy()
            let response = try await transition(req) {
                try await PeriodLifecycle.publish(
                    $0, $1, periodID: $2, missing: policy, findings: input.findings ?? false)
            }
            req.countBoardSummary(periodID: try req.uuid("period"))
            req.refitForecast(periodID: try req.uuid("period"))
            return response
        }
        routes.post(.apiReopenPeriod) { req in
            let input = try req.input(APIReopenInput.self)
            return try await transition(req) {
                try await PeriodLifecycle.reopen($0, $1, periodID: $2, reason: input.reason)
            }
        }
        routes.post(.apiReviewReturn, use: review)
    }

    /// 201 with the period, its address in `Location` and its ETag.
    func createPeriod(req: Request) async throws -> Response {
        let actor = try req.requireWriter()
        let portfolioID = try req.uuid("portfolio")
        let input = try req.input(APIPeriodInput.self)
        let period = try await PeriodLifecycle.create(req.db, actor, portfolioID: portfolioID, draft: input.draft)
        return try APIItem(APIPeriod(period)).response(status: .created, location: .apiPeriod(period: period.id))
    }

    /// One move of a period's status, checked against the version the client read.
    func transition(
        _ req: Request, _ change: @escaping @Sendable (Database, Actor, UUID) async throws -> PeriodInfo
    ) async throws -> Response {
        let actor = try req.requireWriter()
        guard actor.canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) opens, closes, publishes and re-opens periods")
        }
        let periodID = try req.uuid("period")
        return try await APIItem.change(req) { db in
            (try APIItem(APIPeriod(try await Catalogue.period(db, id: periodID))), ())
        } _: { db, _ in
            _ = try await change(db, actor, periodID)
        }.response()
    }

    /// The SRO or the PMO approves a submitted return or returns it for changes, never their own.
    func review(req: Request) async throws -> Response {
        let actor = try req.requireWriter()
        let periodID = try req.uuid("period"), projectID = try req.uuid("project")
        let input = try req.input(APIReviewInput.self)
        let action = try input.reviewAction()
        let (sheet, current) = try await APIReturnController.item(req, periodID: periodID, projectID: projectID)
        try current.requireMatch(req)
        do {
            try await Returns.review(
                req.db, actor, periodID: periodID, projectID: projectID, action: action,
                comment: input.comment ?? "", baseVersion: sheet.form.baseVersion)
        } catch DomainError.conflict {
            throw try await APIReturnController.changedMeanwhile(req, periodID: periodID, projectID: projectID)
        }
        return try await APIReturnController.item(req, periodID: periodID, projectID: projectID).1.response()
    }
}
