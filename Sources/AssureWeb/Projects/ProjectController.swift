import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// The project page, editing a project, and the monthly return form.
struct ProjectController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.project, use: show)
        routes.get(.editProject, use: editPage)
        routes.post(.editProject, use: edit)
        routes.post(.projectDependencies, use: addDependency)
        routes.post(.removeDependency, use: removeDependency)
        routes.get(.returnForm, use: returnPage)
        routes.post(.returnForm, use: saveReturn)
    }

    func show(req: Request) async throws -> Response {
        try await page(req, projectID: try req.uuid("project"), returned: nil)
    }

    func addDependency(req: Request) async throws -> Response {
        let id = try req.uuid("project")
        let draft = try req.content.decode(DependencyDraft.self)
        do {
            try await Dependencies.add(req.db, try req.requireActor(), projectID: id, draft: draft)
            return req.redirect(to: Link.project(project: id).path + "#dependencies", notice: "Dependency recorded.")
        } catch DomainError.invalid(let errors) {
            return try await page(
                req, projectID: id,
                returned: ReturnedForm(name: "dependency", values: draft.formValues, errors: errors),
                status: .unprocessableEntity)
        }
    }

    func removeDependency(req: Request) async throws -> Response {
        let id = try req.uuid("project")
        try await Dependencies.remove(req.db, try req.requireActor(), projectID: id, dependencyID: try req.uuid("item"))
        return req.redirect(to: Link.project(project: id).path + "#dependencies", notice: "Dependency removed.")
    }

    /// The project page; `returned` is a refused dependency form, given back with its values and errors.
    private func page(
        _ req: Request, projectID id: UUID, returned: ReturnedForm?, status: HTTPStatus = .ok
    ) async throws -> Response {
        let detail = try await Structure.project(req.db, id: id)
        let portfolio = try await Catalogue.portfolio(req.db, id: detail.portfolio.id)
        var model = ProjectPageModel(
            detail: detail, history: try await Reports.history(req.db, projectID: id, for: try await req.readership()),
            canEdit: try req.requireActor().canEdit(programme: detail.programme.id),
            attributes: try await Imports.attributes(req.db, projectID: id),
            forecasts: try await SlipForecasts.latest(req.db, portfolio: portfolio, project: id),
            forecastPeriod: portfolio.latestPublished)
        let picture = try await DependencyPicture.read(
            req.db, portfolio: portfolio, includingOpen: try await req.readership().seesFindings)
        model.dependencies = ProjectDependencies(
            projectID: id, picture: picture,
            suggestions: try await MilestoneDependencies.suggestions(
                req.db, portfolio: portfolio, recorded: picture.graph, projectID: id),
            returned: returned)
        return req.html(ProjectPage.render(model, req.page(detail.project.title)), status: status)
    }

    func editPage(req: Request) async throws -> Response {
        let detail = try await Structure.project(req.db, id: try req.uuid("project"))
        guard try req.requireActor().canEdit(programme: detail.programme.id) else {
            throw DomainError.forbidden("you may not change projects in \(detail.programme.name)")
        }
        let programmes = try await Catalogue.programmes(req.db, portfolioID: detail.portfolio.id)
        return req.html(
            ProjectEditPage.render(detail, programmes: programmes, values: [:], errors: [:], req.page("Edit project")))
    }

    func edit(req: Request) async throws -> Response {
        let id = try req.uuid("project")
        let detail = try await Structure.project(req.db, id: id)
        let draft = try req.content.decode(ProjectDraft.self)
        let values = draft.formValues
        let programmes = try await Catalogue.programmes(req.db, portfolioID: detail.portfolio.id)
        do {
            guard let programme = programmes.first(where: { $0.name == draft.programme }) else {
                throw DomainError.invalid(["programme": "Choose a programme."])
            }
            try await Structure.updateProject(
                req.db, try req.requireActor(), id: id,
                changes: ProjectChanges(
                    reference: draft.reference, title: draft.title, sro: draft.sro, lead: draft.lead,
                    programmeID: programme.id, baseVersion: formVersion(draft.baseVersion, missing: -1)))
            return req.redirect(to: Link.project(project: id).path, notice: "Saved the project's details.")
        } catch DomainError.invalid(let errors) {
            return req.html(
                ProjectEditPage.render(
                    detail, programmes: programmes, values: values, errors: errors, req.page("Edit project")),
                status: .unprocessableEntity)
        } catch DomainError.conflict(let message) {
            var fresh = values
            fresh["baseVersion"] = String(detail.version)
            return req.html(
                ProjectEditPage.render(
                    detail, programmes: programmes, values: fresh, errors: ["title": message],
                    req.page("Edit project")), status: .conflict)
        }
    }

    func returnPage(req: Request) async throws -> Response {
        try await returnPage(req, periodID: try req.uuid("period"), projectID: try req.uuid("project"), review: nil)
    }

    /// The return as its reader may use it: the form for whoever may edit, the review panel for the SRO and the PMO.
    func returnPage(_ req: Request, periodID: UUID, projectID: UUID, review: ReturnedForm?) async throws -> Response {
        let sheet = try await Returns.sheet(req.db, periodID: periodID, projectID: projectID)
        let standing = try await Returns.standing(req.db, try req.requireActor(), projectID: projectID)
        guard standing.maySeeReturn else {
            throw DomainError.forbidden("you may not write or review returns for \(sheet.programme.name)")
        }
        if sheet.period.status == .published { throw DomainError.frozen("Period \(sheet.period.label)") }
        var model = ReturnFormModel(
            sheet: sheet, form: sheet.form, errors: [:], theirs: nil, standing: standing, review: review)
        if model.canReview {
            // The reviewer reads the assurance checks' findings on this return before approving it.
            let report = try await req.report(periodID: periodID, programme: sheet.programme.id)
            model.findings = report.allRows.first { $0.project.id == projectID }?.allFlags ?? []
        }
        return req.html(
            ReturnFormPage.render(model, req.page(ReturnFormPage.title(sheet))),
            status: review == nil ? .ok : .unprocessableEntity)
    }

    func saveReturn(req: Request) async throws -> Response {
        let periodID = try req.uuid("period"), projectID = try req.uuid("project")
        let values = try req.content.decode([String: String].self)
        let form = ReturnFormInput.form(from: values)
        // Only saving and submitting come through this form; anything else (a review's action) is refused, never
        // taken for a submission.
        guard let action = values["action"].map(ReturnAction.init(rawValue:)) ?? .submit, !action.isReview else {
            throw Abort(.badRequest, reason: "Choose save as draft or submit.")
        }
        let actor = try req.requireActor()
        func page(
            _ form: ReturnForm, errors: [String: String], theirs: ReturnForm?, status: HTTPStatus
        ) async throws -> Response {
            let sheet = try await Returns.sheet(req.db, periodID: periodID, projectID: projectID)
            let standing = try await Returns.standing(req.db, actor, projectID: projectID)
            let model = ReturnFormModel(
                sheet: sheet, form: form, errors: errors, theirs: theirs, standing: standing, review: nil)
            return req.html(ReturnFormPage.render(model, req.page(ReturnFormPage.title(sheet))), status: status)
        }
        do {
            try await Returns.save(
                req.db, actor, periodID: periodID, projectID: projectID, form: form, action: action,
                links: req.settings.noticeLinks)
            return req.redirect(
                to: Link.project(project: projectID).path,
                notice: action == .submit ? "Return submitted for review." : "Draft saved. Submit it when it is ready.")
        } catch DomainError.invalid(let errors) {
            return try await page(
                form, errors: ReturnFormInput.fieldErrors(errors), theirs: nil, status: .unprocessableEntity)
        } catch DomainError.conflict {
            // Show both versions; the person's own values stay in the form, now based on the saved version.
            let saved = try await Returns.sheet(req.db, periodID: periodID, projectID: projectID).form
            var mine = form
            mine.baseVersion = saved.baseVersion
            return try await page(mine, errors: [:], theirs: saved, status: .conflict)
        }
    }
}

/// The return form's fields: rating, update, mitigation, baseVersion, and m0-title, m0-date, m0-rating, m1-… per milestone.
enum ReturnFormInput {
    static func form(from values: [String: String]) -> ReturnForm {
        var milestones: [MilestoneLine] = []
        for index in 0..<ReturnForm.maxMilestones + ReturnFormPage.blankMilestoneLines {
            let title = values["m\(index)-title"], date = values["m\(index)-date"], rating = values["m\(index)-rating"]
            if title == nil, date == nil, rating == nil { continue }
            let line = MilestoneLine(
                title: title ?? "", date: date ?? "", rating: rating?.isEmpty == false ? rating : nil)
            if line.title.isEmpty, line.date.isEmpty, line.rating == nil { continue }
            milestones.append(line)
        }
        return ReturnForm(
            rating: values["rating"] ?? "", update: values["update"] ?? "", mitigation: values["mitigation"] ?? "",
            milestones: milestones, baseVersion: Int(values["baseVersion"] ?? "") ?? -1)
    }

    /// The core's error keys (`milestones[0].title`) as the form's field names (`m0-title`).
    static func fieldErrors(_ errors: [String: String]) -> [String: String] {
        Dictionary(
            errors.map { key, message in (ReturnField(key: key)?.formName ?? key, message) },
            uniquingKeysWith: { first, _ in first })
    }
}
