import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// The glossary: its page and download, the PMO's entries, and the JSON API.
struct GlossaryController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.glossary, use: glossary)
        routes.post(.glossary) { try await saveEntry($0, id: nil) }
        routes.post(.glossaryEntry) { try await saveEntry($0, id: try $0.uuid("item")) }
        routes.get(.apiGlossary) { try JSONOutput.response(try await GlossaryEntries.all($0.db)) }
    }

    func glossary(req: Request, returned: ReturnedForm? = nil) async throws -> Response {
        let entries = try await GlossaryEntries.all(req.db)
        if returned == nil, let format = try req.requestedDownload() {
            return try req.download(
                [Glossary.table(entries.map(\.entry), title: "Glossary")], as: format, name: "glossary")
        }
        return req.html(
            GlossaryPages.glossary(
                entries, canEdit: try req.requireActor().canManagePortfolio, returned: returned, req.page("Glossary")),
            status: returned == nil ? .ok : .unprocessableEntity)
    }

    func glossary(req: Request) async throws -> Response { try await glossary(req: req, returned: nil) }

    func saveEntry(_ req: Request, id: UUID?) async throws -> Response {
        let draft = try req.content.decode(GlossaryEntryDraft.self)
        let actor = try req.requireActor()
        do {
            if let id, draft.isRemoval {
                try await GlossaryEntries.remove(req.db, actor, id: id)
                return req.redirect(to: Link.glossary.path, notice: "Removed from the glossary.")
            }
            let saved = try await GlossaryEntries.save(
                req.db, actor, id: id, abbreviation: draft.abbreviation, expansion: draft.expansion)
            return req.redirect(to: Link.glossary.path, notice: "Saved \(saved.entry.abbreviation).")
        } catch DomainError.invalid(let errors) {
            return try await glossary(
                req: req,
                returned: ReturnedForm(name: id?.uuidString ?? "new", values: draft.formValues, errors: errors))
        }
    }
}
