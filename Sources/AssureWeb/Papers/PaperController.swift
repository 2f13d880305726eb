import AssureApp
import AssureCore
import AssureInterchange
import AssureOutput
import AssureStorage
import Vapor

/// The governing-body paper of a published period: printable HTML, DOCX, and the PMO's edits to its texts.
struct PaperController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.paper, use: show)
        routes.post(.paperTexts, use: save)
    }

    func show(req: Request) async throws -> Response {
        let periodID = try req.uuid("period")
        let meetingID = try req.queryID("meeting")
        let contents: Papers.Contents
        do {
            contents = try await Papers.build(req.db, periodID: periodID, meetingID: meetingID)
        } catch let refusal as Papers.NoMeeting {
            return req.html(
                PaperPage.noMeeting(
                    refusal, canEdit: try req.requireActor().canManagePortfolio,
                    req.page("Board paper: \(refusal.period.label)")))
        }
        if try req.query.get(String?.self, at: "format") == "docx" {
            let name = "governing-body-paper-\(contents.paper.period.key)-\(contents.paper.meeting.date.iso)"
            return Response(
                status: .ok,
                headers: [
                    "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "Content-Disposition": "attachment; filename=\"\(name).docx\"",
                ],
                body: .init(data: try DocxWriter.write(contents.paper.blocks, title: contents.texts.title)))
        }
        let canEdit = try req.requireActor().canManagePortfolio
        return req.html(
            PaperPage.render(
                contents, periodID: periodID, canEdit: canEdit, values: nil, errors: [:],
                drafted: canEdit ? try await draftedProgress(req, contents) : nil,
                req.page("\(contents.texts.title) — \(contents.paper.meeting.title)")))
    }

    /// The progress section drafted from the paper's period and the one published before it (nil for the first),
    /// both read as the paper reads its period.
    private func draftedProgress(_ req: Request, _ contents: Papers.Contents) async throws -> ProgressNarrative? {
        guard
            let (portfolio, period) = try await Catalogue.portfolio(req.db, containingPeriod: contents.paper.period.id),
            let previous = portfolio.published(before: period)
        else { return nil }
        let before = try await Reports.report(req.db, periodID: previous.id)
        return try await ProgressNarrative.drafted(
            req.db, contents.report, changes: ChangesReport.Comparison(from: before, to: contents.report))
    }

    func save(req: Request) async throws -> Response {
        let periodID = try req.uuid("period")
        let draft = try req.content.decode(PaperTextsDraft.self)
        let values = draft.formValues
        guard let meetingID = draft.meetingID else {
            throw Abort(.badRequest, reason: "Which meeting?")
        }
        let contents = try await Papers.build(req.db, periodID: periodID, meetingID: meetingID)
        let texts = draft.texts(keeping: contents.texts)
        let back = Link.paper(period: periodID).path(query: "meeting=\(meetingID.uuidString)")
        do {
            try await Papers.saveTexts(
                req.db, try req.requireActor(), periodID: periodID, meetingID: meetingID, texts: texts,
                baseVersion: formVersion(draft.baseVersion, missing: -1))
            return req.redirect(to: back, notice: "Saved the paper.")
        } catch DomainError.invalid(let errors) {
            return req.html(
                PaperPage.render(
                    contents, periodID: periodID, canEdit: true, values: values, errors: errors,
                    drafted: try await draftedProgress(req, contents), req.page("Paper")),
                status: .unprocessableEntity)
        } catch DomainError.conflict(let message) {
            return req.html(
                PaperPage.render(
                    contents, periodID: periodID, canEdit: true, values: nil, errors: ["title": message],
                    drafted: try await draftedProgress(req, contents), req.page("Paper")),
                status: .conflict)
        }
    }
}
