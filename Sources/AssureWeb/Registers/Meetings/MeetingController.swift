import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Vapor

/// Committees' meetings: list and forward plan, a meeting's page, and the forms that keep them.
struct MeetingController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.meetings) { try await list($0, returned: nil) }
        routes.post(.meetings, use: create)
        routes.get(.meeting) { try await detail($0, meetingID: try $0.uuid("item"), returned: nil) }
        routes.post(.meetingItems, use: addItem)
        routes.post(.meetingActions, use: addAction)
        routes.post(.itemOutcome, use: recordOutcome)
    }

    /// `?asOf=YYYY-MM-DD` shows the forward plan as it stood on a day (the demo's is as of 21 December 2016).
    func list(_ req: Request, returned: ReturnedForm?) async throws -> Response {
        let asOf = try req.query.get(String?.self, at: "asOf").flatMap(CalendarDate.init(iso:)) ?? CalendarDate.today
        let meetings = try await Meetings.all(req.db)
        let committees = try await Meetings.committees(req.db)
        if returned == nil, let format = try req.requestedDownload() {
            let tables =
                meetings.flatMap { [$0.agenda] + ($0.outcomes.rows.isEmpty ? [] : [$0.outcomes]) }
                + committees.flatMap { ForwardPlan.tables(meetings, committee: $0, after: asOf) }
            return try req.download(tables, as: format, name: "meetings")
        }
        return req.html(
            MeetingPages.list(
                meetings, committees: committees, today: asOf, canEdit: try req.requireActor().canManagePortfolio,
                returned: returned, portfolios: try await req.portfolioChoices(), req.page("Committees and meetings")),
            status: returned == nil ? .ok : .unprocessableEntity)
    }

    func detail(_ req: Request, meetingID: UUID, returned: ReturnedForm?) async throws -> Response {
        guard let meeting = try await Meetings.find(req.db, id: meetingID) else {
            throw DomainError.notFound("meeting")
        }
        return req.html(
            MeetingPages.detail(
                meeting, canEdit: try req.requireActor().canManagePortfolio, returned: returned,
                portfolios: try await req.portfolioChoices(), req.page(meeting.title)),
            status: returned == nil ? .ok : .unprocessableEntity)
    }

    func create(req: Request) async throws -> Response {
        let draft = try req.content.decode(MeetingDraft.self)
        let values = draft.formValues
        do {
            let meeting = try await Meetings.create(
                req.db, try req.requireActor(), committee: draft.committee, date: draft.date, time: draft.time,
                venue: draft.venue, members: draft.memberList, forwardPlan: draft.isForwardPlan,
                today: CalendarDate.today, portfolioID: try await req.chosenPortfolio(named: draft.portfolio))
            return req.redirect(to: Link.meeting(id: meeting.id).path, notice: "Added \(meeting.title).")
        } catch DomainError.invalid(let errors) {
            return try await list(req, returned: ReturnedForm(name: "meeting", values: values, errors: errors))
        }
    }

    func addItem(req: Request) async throws -> Response {
        let meetingID = try req.uuid("item")
        let draft = try req.content.decode(AgendaItemDraft.self)
        let values = draft.formValues
        do {
            let item = try draft.item()
            try await Meetings.addItem(req.db, try req.requireActor(), meetingID: meetingID, item: item)
            return req.redirect(
                to: Link.meeting(id: meetingID).path, notice: "Added \(item.title) to the agenda.")
        } catch DomainError.invalid(let errors) {
            return try await detail(
                req, meetingID: meetingID, returned: ReturnedForm(name: "item", values: values, errors: errors))
        }
    }

    func addAction(req: Request) async throws -> Response {
        let meetingID = try req.uuid("item")
        let draft = try req.content.decode(MeetingActionDraft.self)
        let values = draft.formValues
        do {
            try await Meetings.addAction(
                req.db, try req.requireActor(), meetingID: meetingID, description: draft.description,
                owner: draft.owner, due: draft.due)
            return req.redirect(to: Link.meeting(id: meetingID).path, notice: "Added the action.")
        } catch DomainError.invalid(let errors) {
            return try await detail(
                req, meetingID: meetingID, returned: ReturnedForm(name: "action", values: values, errors: errors))
        }
    }

    func recordOutcome(req: Request) async throws -> Response {
        let itemID = try req.uuid("item")
        let draft = try req.content.decode(ItemOutcomeDraft.self)
        let values = draft.formValues
        guard let meeting = try await Meetings.find(req.db, containingItem: itemID)
        else {
            throw DomainError.notFound("agenda item")
        }
        do {
            try await Meetings.recordOutcome(
                req.db, try req.requireActor(), itemID: itemID, outcome: draft.outcome,
                resolutions: draft.resolutionList)
            return req.redirect(to: Link.meeting(id: meeting.id).path, notice: "Recorded the outcome.")
        } catch DomainError.invalid(let errors) {
            return try await detail(
                req, meetingID: meeting.id,
                returned: ReturnedForm(name: itemID.uuidString, values: values, errors: errors))
        }
    }
}
