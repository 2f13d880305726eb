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
        routes.get(.glossaryEntry, use: entryPage)
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

    func entryPage(req: Request) async throws -> Response {
        try await entryPage(req, id: try req.uuid("item"), returned: nil)
    }

    private func entryPage(_ req: Request, id: UUID, returned: ReturnedForm?) async throws -> Response {
        guard try req.requireActor().canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) changes the glossary")
        }
        let stored = try await GlossaryEntries.one(req.db, id: id)
        return req.html(
            GlossaryPages.entry(stored, returned: returned, req.page("Change \(stored.entry.abbreviation)")),
            status: returned == nil ? .ok : .unprocessableEntity)
    }

    func saveEntry(_ req: Request, id: UUID?) async throws -> Response {
        let draft = try req.content.decode(GlossaryEntryDraft.self)
        let actor = try req.requireActor()
        do {
            if let id, draft.isRemoval {
                let stored = try await GlossaryEntries.one(req.db, id: id)
                let unconfirmed = draft.removalErrors(of: stored.entry.abbreviation)
                if !unconfirmed.isEmpty { throw DomainError.invalid(unconfirmed) }
                try await GlossaryEntries.remove(req.db, actor, id: id)
                return req.redirect(to: Link.glossary.path, notice: "Removed from the glossary.")
            }
            let saved = try await GlossaryEntries.save(
                req.db, actor, id: id, abbreviation: draft.abbreviation, expansion: draft.expansion)
            return req.redirect(to: Link.glossary.path, notice: "Saved \(saved.entry.abbreviation).")
        } catch DomainError.invalid(let errors) {
            if let id {
                return try await entryPage(
                    req, id: id, returned: ReturnedForm(name: id.uuidString, values: draft.formValues, errors: errors))
            }
            return try await glossary(
                req: req,
                returned: ReturnedForm(name: id?.uuidString ?? "new", values: draft.formValues, errors: errors))
        }
    }
}
