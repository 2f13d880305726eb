import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// The monthly cycle: tracking returns, reviewing them, chasing, publishing (with the missing-return policy),
/// re-opening, the outbox and people's addresses.
struct CycleController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.returnsTracking, use: tracking)
        routes.post(.chase, use: chase)
        routes.get(.publishConfirm, use: confirmPublish)
        routes.post(.publishPeriod, use: publish)
        routes.post(.reopenPeriod, use: reopen)
        routes.post(.reviewReturn, use: review)
        routes.get(.outbox, use: outbox)
        routes.post(.retryMessage, use: retry)
        routes.get(.people, use: people)
        routes.post(.personEmail, use: setEmail)
        routes.get(.returnWorkbook, use: downloadWorkbook)
        routes.on(
            .POST, .returnWorkbook, body: .collect(maxSize: ByteCount(value: AppRoute.uploadLimit)),
            use: uploadWorkbook)
    }

    func tracking(req: Request) async throws -> Response {
        try await trackingPage(req, periodID: try req.uuid("period"), returned: nil)
    }

    func trackingPage(
        _ req: Request, periodID: UUID, returned: ReturnedForm?, uploadProblems: [ImportProblem] = []
    ) async throws -> Response {
        let tracking = try await Returns.tracking(req.db, periodID: periodID)
        if returned == nil, let format = try req.requestedDownload() {
            let table = ExportTables.returns(tracking, showAddresses: try req.requireActor().canManagePortfolio)
            return try req.download([table], as: format, name: "returns-\(tracking.period.key)")
        }
        let actor = try req.requireActor()
        let model = ReturnTrackingModel(
            tracking: tracking, canManage: actor.canManagePortfolio,
            mailConfigured: req.settings.mail != nil, returned: returned,
            workbookProgrammes: tracking.programmes.map(\.programme).filter { actor.canEdit(programme: $0.id) },
            uploadProblems: uploadProblems)
        return req.html(
            ReturnTrackingPage.render(model, req.page("Returns for \(tracking.period.label)")),
            status: returned == nil && uploadProblems.isEmpty ? .ok : .unprocessableEntity)
    }

    func chase(req: Request) async throws -> Response {
        let periodID = try req.uuid("period")
        let result = try await Chasers.chase(
            req.db, try req.requireActor(), periodID: periodID, links: req.settings.noticeLinks)
        var notice =
            result.queued.isEmpty
            ? "No chaser queued."
            : "Chasers queued for \(result.queued.count) \(result.queued.count == 1 ? "person" : "people")."
        if !result.alreadyChased.isEmpty {
            notice += " Already chased today: \(result.alreadyChased.joined(separator: ", "))."
        }
        if !result.unreachable.isEmpty { notice += " No address for: \(result.unreachable.joined(separator: "; "))." }
        if req.settings.mail == nil { notice += " No mail server is configured, so they wait in the outbox." }
        return req.redirect(to: Link.returnsTracking(period: periodID).path, notice: notice)
    }

    /// What publishing would do, for the PMO to confirm; a choice left out sends the form back.
    func confirmPublish(req: Request) async throws -> Response {
        let periodID = try req.uuid("period")
        guard try req.requireActor().canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) can publish a period")
        }
        let draft = try req.query.decode(PublishDraft.self)
        do {
            let policy = try draft.policy()
            let tracking = try await Returns.tracking(req.db, periodID: periodID)
            let report = try await req.report(periodID: periodID)
            // The counts as the board will read them: returns not in at the rating last published for them.
            var lastPublished: [UUID: RatingLevel] = [:]
            let portfolio = try await Catalogue.portfolio(req.db, id: tracking.portfolio.id)
            if let before = portfolio.published(before: tracking.period) {
                lastPublished = try await PeriodRatings.read(req.db, periodID: before.id)
            }
            let carried = policy == .carryForward ? Set(tracking.missing.map(\.project.id)) : []
            let model = PublishConfirmModel(
                tracking: tracking, policy: policy, publishesFindings: draft.publishesFindings,
                counts: report.counts(carryingForward: carried, lastPublished: lastPublished))
            return req.html(PublishConfirmPage.render(model, req.page("Publish \(model.tracking.period.label)?")))
        } catch DomainError.invalid(let errors) {
            return try await trackingPage(
                req, periodID: periodID,
                returned: ReturnedForm(name: "publish", values: draft.formValues, errors: errors))
        }
    }

    func publish(req: Request) async throws -> Response {
        let periodID = try req.uuid("period")
        let draft = try req.content.decode(PublishDraft.self)
        do {
            let period = try await PeriodLifecycle.publish(
                req.db, try req.requireActor(), periodID: periodID, missing: try draft.policy(),
                findings: draft.publishesFindings)
            req.countBoardSummary(periodID: periodID)
            req.refitForecast(periodID: periodID)
            return req.redirect(
                to: Link.returnsTracking(period: periodID).path, notice: "\(period.label) published and frozen.")
        } catch DomainError.invalid(var errors) {
            // The page lists the returns not in, once; the message says so rather than naming them all again.
            if (try? draft.policy()) == .block, errors["missing"] != nil {
                let missing = try await Returns.tracking(req.db, periodID: periodID).missing.count
                errors["missing"] = Publication.blockedHeadline(missing) + ". They are listed under “Not in yet”."
            }
            return try await trackingPage(
                req, periodID: periodID,
                returned: ReturnedForm(name: "publish", values: draft.formValues, errors: errors))
        }
    }

    func reopen(req: Request) async throws -> Response {
        let periodID = try req.uuid("period")
        let draft = try req.content.decode(ReopenDraft.self)
        do {
            let period = try await PeriodLifecycle.reopen(
                req.db, try req.requireActor(), periodID: periodID, reason: draft.reason)
            return req.redirect(
                to: Link.returnsTracking(period: periodID).path,
                notice: "\(period.label) re-opened. The reason is in the audit log.")
        } catch DomainError.invalid(let errors) {
            return try await trackingPage(
                req, periodID: periodID,
                returned: ReturnedForm(name: "reopen", values: draft.formValues, errors: errors))
        }
    }

    func review(req: Request) async throws -> Response {
        let periodID = try req.uuid("period"), projectID = try req.uuid("project")
        let draft = try req.content.decode(ReviewDraft.self)
        guard let action = draft.reviewAction else {
            throw Abort(.badRequest, reason: "Choose approve or return for changes.")
        }
        do {
            let state = try await Returns.review(
                req.db, try req.requireActor(), periodID: periodID, projectID: projectID, action: action,
                comment: draft.comment, baseVersion: formVersion(draft.version, missing: -1))
            return req.redirect(
                to: Link.returnsTracking(period: periodID).path, notice: "Return \(state.label.lowercased()).")
        } catch DomainError.invalid(let errors) {
            return try await ProjectController().returnPage(
                req, periodID: periodID, projectID: projectID,
                review: ReturnedForm(name: "review", values: draft.formValues, errors: errors))
        }
    }

    func outbox(req: Request) async throws -> Response {
        guard try req.requireActor().canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) sees the outbox")
        }
        let messages = try await Outbox.list(req.db)
        if let format = try req.requestedDownload() {
            return try req.download([ExportTables.outbox(messages)], as: format, name: "outbox")
        }
        let model = OutboxPageModel(messages: messages, mailServer: req.settings.mail.map { "\($0.host):\($0.port)" })
        return req.html(OutboxPage.render(model, req.page("Outbox")))
    }

    func retry(req: Request) async throws -> Response {
        let id = try req.uuid("message")
        try await Outbox.retry(req.db, try req.requireActor(), id: id)
        return req.redirect(to: Link.outbox.path, notice: "The message will be sent again now.")
    }

    func people(req: Request) async throws -> Response {
        guard try req.requireActor().canManageUsers else {
            throw DomainError.forbidden("only the PMO (admin) manages people")
        }
        let people = try await Directory.people(req.db)
        if let format = try req.requestedDownload() {
            return try req.download([ExportTables.people(people)], as: format, name: "people")
        }
        return req.html(PeoplePage.render(people, returned: nil, req.page("People")))
    }

    func setEmail(req: Request) async throws -> Response {
        let id = try req.uuid("person")
        let draft = try req.content.decode(EmailDraft.self)
        do {
            let person = try await Directory.setEmail(
                req.db, try req.requireActor(), personID: id, email: draft.email)
            return req.redirect(to: Link.people.path, notice: "Saved \(person.name)'s address.")
        } catch DomainError.invalid(let errors) {
            let returned = ReturnedForm(name: id.uuidString, values: draft.formValues, errors: errors)
            return req.html(
                PeoplePage.render(try await Directory.people(req.db), returned: returned, req.page("People")),
                status: .unprocessableEntity)
        }
    }
}

extension Request {
    /// The board's home page counts what changed since the period before: at 100,000 projects working that out takes
    /// seconds, done as soon as a period is published rather than by the first board member to sign in.
    func countBoardSummary(periodID: UUID) {
        let db = application.db
        application.backgroundWork.start("Counting the board summary of period \(periodID)", logger: logger) {
            try await BoardSummaries.workOut(db, periodID: periodID)
        }
    }

    /// The slip forecast refitted for a period just published, beside the server (seconds at 10,000 projects).
    func refitForecast(periodID: UUID) {
        let db = application.db
        application.backgroundWork.start("Refitting the slip forecast at period \(periodID)", logger: logger) {
            try await PeriodLifecycle.refitForecast(db, periodID: periodID)
        }
    }
}
