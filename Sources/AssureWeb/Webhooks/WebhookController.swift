import AssureApp
import AssureCore
import AssureStorage
import Vapor

/// The PMO adds and removes webhooks. The secret is in the answer to the form that made it, never in a redirect.
struct WebhookController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.webhooks) { req in try await page(req, WebhookPageModel(webhooks: [])) }
        routes.post(.webhooks, use: create)
        routes.post(.removeWebhook, use: remove)
    }

    struct Input: Content {
        var url: String?
        var description: String?
        var events: [String]?
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(Input.self)
        do {
            let made = try await Webhooks.add(
                req.db, try req.requireActor(), url: input.url ?? "", events: input.events ?? [],
                description: input.description ?? "", receivers: req.settings.webhookReceivers)
            let response = try await page(
                req, WebhookPageModel(webhooks: [], newSecret: made.secret), status: .created)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch DomainError.invalid(let errors) {
            return try await page(
                req,
                WebhookPageModel(
                    webhooks: [], values: ["url": input.url ?? "", "description": input.description ?? ""],
                    chosen: Set(input.events ?? []), errors: errors),
                status: .unprocessableEntity)
        }
    }

    func remove(req: Request) async throws -> Response {
        try await Webhooks.remove(req.db, try req.requireActor(), id: try req.uuid("item"))
        return req.redirect(to: Link.webhooks.path, notice: "Removed the webhook: nothing more is sent to it.")
    }

    /// The page, with the webhooks as they are now (the model's own list is filled here).
    private func page(_ req: Request, _ model: WebhookPageModel, status: HTTPStatus = .ok) async throws -> Response {
        guard try req.requireActor().canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) manages webhooks")
        }
        var model = model
        model.webhooks = try await Webhooks.list(req.db)
        return req.html(WebhookPages.render(model, req.page("Webhooks")), status: status)
    }
}
