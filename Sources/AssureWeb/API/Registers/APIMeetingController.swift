import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Fluent
import Vapor

/// Committees' meetings through the API (the PMO): add a meeting (or a forward-plan meeting), put items on its agenda,
/// record what was decided on an item (If-Match on the item), and add the actions that follow.
struct APIMeetingController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.apiMeetings) { req in try JSONOutput.response(try await Meetings.all(req.db).map(APIMeeting.init)) }
        routes.post(.apiMeetings, use: create)
        routes.get(.apiMeeting) { req in try await Self.meeting(req.db, id: try req.uuid("item")).response() }
        routes.post(.apiMeetingItems, use: addItem)
        routes.post(.apiMeetingActions, use: addAction)
        routes.get(.apiAgendaItem) { req in try await Self.agendaItem(req.db, id: try req.uuid("item")).response() }
        routes.on(.PUT, .apiAgendaItem, body: .collect(maxSize: "64kb"), use: recordOutcome)
    }

    static func meeting(_ db: any Database, id: UUID) async throws -> APIItem<APIMeeting> {
        guard let meeting = try await Meetings.find(db, id: id) else { throw DomainError.notFound("meeting") }
        return try APIItem(APIMeeting(meeting))
    }

    static func agendaItem(_ db: any Database, id: UUID) async throws -> APIItem<APIAgendaItem> {
        guard let meeting = try await Meetings.find(db, containingItem: id),
            let item = meeting.items.first(where: { $0.id == id })
        else { throw DomainError.notFound("agenda item") }
        return try APIItem(APIAgendaItem(item, of: meeting))
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let input = try req.input(APIMeetingInput.self)
        let meeting = try await Meetings.create(
            req.db, actor, committee: input.committee, date: input.date, time: input.time ?? "",
            venue: input.venue ?? "", members: input.members ?? [], forwardPlan: input.forwardPlan ?? false,
            today: CalendarDate.today, portfolioID: input.portfolio)
        return try APIItem(APIMeeting(meeting)).response(status: .created, location: .apiMeeting(id: meeting.id))
    }

    /// 201 with the item, at its own address.
    func addItem(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let meetingID = try req.uuid("item")
        let item = try req.input(APIAgendaItemInput.self).item()
        let id = try await Meetings.addItem(req.db, actor, meetingID: meetingID, item: item)
        return try await Self.agendaItem(req.db, id: id).response(status: .created, location: .apiAgendaItem(id: id))
    }

    /// 201 with the meeting as it now stands (an action has no address of its own).
    func addAction(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let meetingID = try req.uuid("item")
        let input = try req.input(APIMeetingActionInput.self)
        try await Meetings.addAction(
            req.db, actor, meetingID: meetingID, description: input.description, owner: input.owner,
            due: input.due ?? "")
        return try await Self.meeting(req.db, id: meetingID).response(
            status: .created, location: .apiMeeting(id: meetingID))
    }

    func recordOutcome(req: Request) async throws -> Response {
        let actor = try req.requireRegisterEditor()
        let id = try req.uuid("item")
        let input = try req.input(APIAgendaOutcomeInput.self)
        return try await APIItem.change(req) { db in
            (try await Self.agendaItem(db, id: id), ())
        } _: { db, _ in
            try await Meetings.recordOutcome(
                db, actor, itemID: id, outcome: input.outcome, resolutions: input.resolutions ?? [])
        }.response()
    }
}
