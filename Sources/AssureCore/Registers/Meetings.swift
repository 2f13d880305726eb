import Foundation

public enum AgendaFormat: String, Codable, CaseIterable, Sendable {
    case report = "Report", briefing = "Briefing", presentation = "Presentation", forwardPlan = "Forward Plan", verbal =
        "Verbal"
}

/// Why an item comes to the meeting: raised by a programme for discussion or for decision, or for information.
public enum AgendaPurpose: String, Codable, CaseIterable, Sendable {
    case business, discussion, decision, information
}

public struct AgendaItem: Codable, Hashable, Sendable {
    public var id: UUID
    /// "5", "4(a)".
    public var number: String
    public var title: String
    public var organisation: String
    public var format: AgendaFormat?
    public var purpose: AgendaPurpose
    /// The programme that raised it, if any.
    public var raisedBy: String
    /// The agenda pack's pages ("9 - 72").
    public var pages: String
    /// What the item asks, as the agenda or forward plan words it.
    public var note: String
    /// "Noted", "Resolved", or empty until the meeting.
    public var outcome: String
    public var resolutions: [String]

    public init(
        id: UUID = UUID.random(), number: String = "", title: String, organisation: String = "", format: AgendaFormat? = nil,
        purpose: AgendaPurpose = .business, raisedBy: String = "", pages: String = "", note: String = "",
        outcome: String = "",
        resolutions: [String] = []
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.organisation = organisation
        self.format = format
        self.purpose = purpose
        self.raisedBy = raisedBy
        self.pages = pages
        self.note = note
        self.outcome = outcome
        self.resolutions = resolutions
    }
}

public struct MeetingAction: Codable, Hashable, Sendable {
    public var id: UUID
    public var description: String
    public var owner: String
    public var due: CalendarDate?
    public var done: Bool

    public init(id: UUID = UUID.random(), description: String, owner: String, due: CalendarDate?, done: Bool = false) {
        self.id = id
        self.description = description
        self.owner = owner
        self.due = due
        self.done = done
    }
}

public struct Meeting: Codable, Hashable, Sendable {
    public var id: UUID
    public var committee: String
    public var date: CalendarDate
    public var time: String
    public var venue: String
    public var members: [String]
    public var items: [AgendaItem]
    public var actions: [MeetingAction]
    public var version: Int
    /// The portfolio whose board papers this meeting takes; nil for one not yet given a portfolio (never in a paper).
    public var portfolioID: UUID?

    public init(
        id: UUID = UUID.random(), committee: String, date: CalendarDate, time: String = "", venue: String = "",
        members: [String] = [],
        items: [AgendaItem] = [], actions: [MeetingAction] = [], version: Int = 1, portfolioID: UUID? = nil
    ) {
        self.portfolioID = portfolioID
        self.id = id
        self.committee = committee
        self.date = date
        self.time = time
        self.venue = venue
        self.members = members
        self.items = items
        self.actions = actions
        self.version = version
    }

    public var title: String { "\(committee), \(date.longDisplay)" }

    /// The agenda as seed 003 prints it: number, item, pages; sub-items under their item.
    public var agenda: ReportTable {
        ReportTable(
            title: "Agenda: \(title)", subtitle: [time, venue].filter { !$0.isEmpty },
            columns: ["No.", "Item", "Pages"], rows: items.map { [.init($0.number), .init($0.title), .init($0.pages)] })
    }

    /// Items raised for discussion or decision, with what the meeting decided.
    public var outcomes: ReportTable {
        ReportTable(
            title: "Outcomes: \(title)", columns: ["No.", "Item", "Outcome"],
            rows: items.filter { !$0.outcome.isEmpty }.map { item in
                let resolutions = item.resolutions.enumerated().map { "\($0.offset + 1). \($0.element)" }
                return [
                    .init(item.number), .init(item.title),
                    .init(([item.outcome] + resolutions).joined(separator: "\n")),
                ]
            })
    }

    /// Seed 003's forward-plan table of one future meeting: format, organisation, subject, comments; the items for
    /// information or note after their heading.
    public var forwardPlan: ReportTable {
        func row(_ item: AgendaItem) -> [ReportTable.Cell] {
            [.init(item.format?.rawValue ?? ""), .init(item.organisation), .init(item.title), .init(item.note)]
        }
        let information = items.filter { $0.purpose == .information }
        var rows = items.filter { $0.purpose != .information }.map(row)
        if !information.isEmpty {
            rows.append([.init("Items for information or note"), .init(""), .init(""), .init("")])
        }
        rows += information.map(row)
        return ReportTable(
            title: "Committee: \(date.longDisplay)", columns: ["Format", "Organisation", "Subject", "Comments"],
            rows: rows)
    }

    /// Field → message for a meeting as typed. A forward plan lists meetings to come: a date already past is named.
    public static func validate(
        committee: String, date: String, today: CalendarDate, forwardPlan: Bool
    ) -> [String: String] {
        var errors: [String: String] = [:]
        if committee.trimmingCharacters(in: .whitespaces).isEmpty { errors["committee"] = "Choose the committee." }
        guard let day = CalendarDate(iso: date.trimmingCharacters(in: .whitespaces)) else {
            errors["date"] = "Give the meeting's date."
            return errors
        }
        if forwardPlan, day < today {
            errors["date"] = "\(day.longDisplay) has passed: a forward plan lists meetings to come."
        }
        return errors
    }
}

public enum ForwardPlan {
    /// The meetings of a committee after a day, in date order: each its forward-plan table.
    public static func tables(_ meetings: [Meeting], committee: String, after day: CalendarDate) -> [ReportTable] {
        meetings.filter { $0.committee == committee && $0.date > day }.sorted { $0.date < $1.date }.map(\.forwardPlan)
    }
}
