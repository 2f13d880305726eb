import AssureCore
import AssureOutput
import Foundation
import Plot

/// Committees' meetings: the list with each committee's forward plan, and a meeting's agenda, outcomes and actions.
enum MeetingPages {
    static func list(
        _ meetings: [Meeting], committees: [String], today: CalendarDate, canEdit: Bool, returned: ReturnedForm?,
        portfolios: [PortfolioInfo] = [], _ context: PageContext
    ) -> String {
        var nodes: [HTMLNode] = [
            el("h1", text: "Committees and meetings"),
            el("p", [("class", "actions no-print")], [downloadLinks(Link.meetings.path)]),
            // The forward plan lists meetings after a day: today, or a day the reader chooses.
            el(
                "form", [("method", "get"), ("action", Link.meetings.path), ("class", "no-print inline-filter")],
                [
                    FormViews.textField(
                        "asOf", label: "Show the forward plan as of", value: today.iso, type: "date", errors: [:]),
                    button("Show", class: "button secondary"),
                ]),
        ]
        if committees.isEmpty {
            nodes.append(
                el(
                    "p",
                    text: canEdit ? "No meetings yet: add the first one below." : "No meetings have been added yet."))
        }
        for committee in committees {
            let own = meetings.filter { $0.committee == committee }
            nodes.append(el("h2", text: committee))
            if own.isEmpty {
                nodes.append(
                    el(
                        "p",
                        text: canEdit
                            ? "No meetings yet for \(committee): add one below, naming this committee."
                            : "No meetings yet."))
            }
            nodes.append(
                el(
                    "ul", [],
                    own.map { meeting in
                        el(
                            "li", [],
                            [
                                link(Link.meeting(id: meeting.id).path, meeting.date.longDisplay),
                                txt(
                                    meeting.date > today
                                        ? " (planned: \(Wording.counted(meeting.items.count, "item")))"
                                        : " (\(Wording.counted(meeting.items.count, "item")))"),
                                txt(RegisterScope.label(meeting.portfolioID, in: portfolios)),
                            ])
                    }))
            let plan = ForwardPlan.tables(meetings, committee: committee, after: today)
            nodes.append(el("h3", text: "Forward plan as of \(today.longDisplay)"))
            if plan.isEmpty {
                nodes.append(el("p", text: "Nothing is planned after \(today.longDisplay)."))
            } else {
                nodes += plan.map { ReportTableView.render($0, projectLink: { _ in nil }) }
            }
        }
        if canEdit {
            let values = returned?.values ?? [:], errors = returned?.errors ?? [:]
            nodes.append(
                el(
                    "section", [("class", "no-print")],
                    [
                        el("h2", text: "Add a meeting"),
                        FormViews.errorSummary(errors),
                        postForm(
                            Link.meetings.path, csrf: context.csrf,
                            [
                                FormViews.select(
                                    "committee", label: "Committee", options: committees,
                                    selected: values["committee"] ?? "", errors: errors, blank: "Choose"),
                                RegisterScope.select(portfolios, values: values, errors: errors),
                                FormViews.textField(
                                    "date", label: "Date", value: values["date"] ?? "", type: "date", errors: errors),
                                FormViews.textField("time", label: "Time", value: values["time"] ?? "", errors: errors),
                                FormViews.textField(
                                    "venue", label: "Venue", value: values["venue"] ?? "", errors: errors),
                                FormViews.textArea(
                                    "members", label: "Members", hint: "One per line", value: values["members"] ?? "",
                                    errors: errors),
                                ImportPages.checkbox(
                                    "forwardPlan", label: "A future meeting for the forward plan",
                                    checked: values["forwardPlan"] == "1"),
                                el("div", [("class", "actions")], [button("Add meeting")]),
                            ]),
                    ]))
        }
        return Layout.render(context, nodes)
    }

    static func detail(
        _ meeting: Meeting, canEdit: Bool, returned: ReturnedForm?, portfolios: [PortfolioInfo] = [],
        _ context: PageContext
    ) -> String {
        var context = context
        context.breadcrumbs = [("Committees and meetings", Link.meetings.path)]
        func state(_ name: String) -> ([String: String], [String: String]) { returned.state(name) }
        var nodes: [HTMLNode] = [
            el("h1", text: meeting.title),
            el(
                "p", [("class", "lede")],
                text: [meeting.time, meeting.venue].filter { !$0.isEmpty }.joined(separator: " · ")),
            meeting.members.isEmpty ? txt("") : el("p", text: "Members: " + meeting.members.joined(separator: ", ")),
            el("p", [("class", "hint")], text: RegisterScope.line(meeting.portfolioID, in: portfolios)),
            canEdit
                ? RegisterScope.form(
                    .meetingPortfolio(id: meeting.id), current: meeting.portfolioID, portfolios: portfolios,
                    csrf: context.csrf) : txt(""),
            ReportTableView.render(meeting.agenda, projectLink: { _ in nil }),
            el("h2", text: "Items raised for discussion or decision"),
            el(
                "ul", [],
                meeting.items.filter { $0.purpose == .discussion || $0.purpose == .decision }.map { item in
                    el(
                        "li",
                        text: "\(item.number) \(item.title): for \(item.purpose.rawValue)"
                            + (item.raisedBy.isEmpty ? "" : ", raised by \(item.raisedBy)"))
                }),
            ReportTableView.render(meeting.outcomes, projectLink: { _ in nil }),
            el("h2", text: "Actions"),
            el(
                "table", [],
                [
                    el(
                        "thead", [],
                        [
                            el(
                                "tr", [],
                                ["Action", "Owner", "Due", "Done"].map { columnHeader($0) })
                        ]),
                    el(
                        "tbody", [],
                        meeting.actions.map { action in
                            el(
                                "tr", [],
                                [
                                    el("td", text: action.description), el("td", text: action.owner),
                                    el("td", text: action.due?.longDisplay ?? ""),
                                    el("td", text: action.done ? "Yes" : "No"),
                                ])
                        }),
                ]),
        ]
        if canEdit {
            let (itemValues, itemErrors) = state("item")
            nodes.append(
                el(
                    "section", [("class", "no-print")],
                    [
                        el("h2", text: "Add an agenda item"),
                        FormViews.errorSummary(itemErrors),
                        postForm(
                            Link.meetingItems(id: meeting.id).path, csrf: context.csrf,
                            [
                                FormViews.textField(
                                    "number", label: "Number", value: itemValues["number"] ?? "", errors: itemErrors),
                                FormViews.textField(
                                    "title", label: "Title", value: itemValues["title"] ?? "", errors: itemErrors),
                                FormViews.textField(
                                    "organisation", label: "Presenting organisation",
                                    value: itemValues["organisation"] ?? "", errors: itemErrors),
                                FormViews.select(
                                    "format", label: "Format", options: AgendaFormat.allCases.map(\.rawValue),
                                    selected: itemValues["format"] ?? "", errors: itemErrors, blank: "None"),
                                FormViews.select(
                                    "purpose", label: "For", options: AgendaPurpose.allCases.map(\.rawValue),
                                    selected: itemValues["purpose"] ?? "business", errors: itemErrors),
                                FormViews.textField(
                                    "raisedBy", label: "Raised by programme", value: itemValues["raisedBy"] ?? "",
                                    errors: itemErrors),
                                FormViews.textField(
                                    "pages", label: "Pages", value: itemValues["pages"] ?? "", errors: itemErrors),
                                el("div", [("class", "actions")], [button("Add item")]),
                            ]),
                    ]))
            for item in meeting.items {
                let (values, errors) = state(item.id.uuidString)
                nodes.append(
                    el(
                        "details", [("class", "no-print")],
                        [
                            el("summary", text: "Record the outcome of \(item.number) \(item.title)"),
                            FormViews.errorSummary(errors),
                            postForm(
                                Link.itemOutcome(id: item.id).path, csrf: context.csrf,
                                [
                                    FormViews.textField(
                                        "outcome", label: "Outcome", hint: "Noted, or Resolved",
                                        value: values["outcome"] ?? item.outcome, errors: errors),
                                    FormViews.textArea(
                                        "resolutions", label: "Resolutions", hint: "One per line; they are numbered",
                                        value: values["resolutions"] ?? item.resolutions.joined(separator: "\n"),
                                        errors: errors),
                                    el(
                                        "div", [("class", "actions")],
                                        [button("Save outcome", class: "button secondary")]),
                                ]),
                        ]))
            }
            let (actionValues, actionErrors) = state("action")
            nodes.append(
                el(
                    "section", [("class", "no-print")],
                    [
                        el("h2", text: "Add an action"),
                        FormViews.errorSummary(actionErrors),
                        postForm(
                            Link.meetingActions(id: meeting.id).path, csrf: context.csrf,
                            [
                                FormViews.textField(
                                    "description", label: "Action", value: actionValues["description"] ?? "",
                                    errors: actionErrors),
                                FormViews.textField(
                                    "owner", label: "Owner", value: actionValues["owner"] ?? "", errors: actionErrors),
                                FormViews.textField(
                                    "due", label: "Due", value: actionValues["due"] ?? "", type: "date",
                                    errors: actionErrors),
                                el("div", [("class", "actions")], [button("Add action")]),
                            ]),
                    ]))
        }
        return Layout.render(context, nodes)
    }
}
