import AssureCore
import AssureStorage
import Foundation
import Plot

/// The audit log as a PMO reads it: filtered by who, what and when, a page at a time, in UK time, each change as the
/// fields that moved ("rating: Green → Amber") rather than raw JSON.
struct AuditPageModel: Sendable {
    let entries: [AuditEntry]
    let total: Int
    let offset: Int
    let limit: Int
    let filter: AuditFilter
    let actors: [String]
    let entities: [String]
    /// A filter value that could not be read (a malformed date), by field.
    var errors: [String: String] = [:]

    /// The query string for this filter at another offset.
    func query(offset: Int) -> String {
        var parts: [String] = []
        func add(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            parts.append("\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        }
        add("who", filter.actor)
        add("what", filter.entity)
        add("from", filter.from?.iso)
        add("to", filter.to?.iso)
        if offset > 0 { add("offset", String(offset)) }
        return parts.joined(separator: "&")
    }
}

enum AuditPage {
    static func render(_ model: AuditPageModel, _ context: PageContext) -> String {
        let shownTo = min(model.offset + model.entries.count, model.total)
        var nodes: [HTMLNode] = [
            el("h1", text: "Audit log"),
            el("p", [("class", "lede")], text: "Every change, newest first: who, when, what, and what it changed."),
            filters(model),
            el(
                "p", [("id", "audit-count")],
                text: model.total == 0
                    ? "No change matches."
                    : "Showing \(model.offset + 1) to \(shownTo) of \(model.total) changes."),
        ]
        if !model.entries.isEmpty {
            nodes.append(
                el(
                    "table", [("class", "audit")],
                    [
                        el("thead", [], [el("tr", [], ["When", "Who", "What", "Changes"].map(columnHeader))]),
                        el("tbody", [], model.entries.map(row)),
                    ]))
        }
        var paging: [HTMLNode] = []
        if model.offset > 0 {
            paging.append(
                link(
                    Link.audit.path(query: model.query(offset: max(0, model.offset - model.limit)).nilIfEmpty),
                    "Newer changes"))
        }
        if shownTo < model.total {
            paging.append(
                link(Link.audit.path(query: model.query(offset: model.offset + model.limit)), "Older changes"))
        }
        if !paging.isEmpty {
            nodes.append(el("nav", [("class", "actions no-print"), ("aria-label", "Pages")], paging))
        }
        nodes.append(el("p", [("class", "actions no-print")], [downloadLinks(Link.audit.path)]))
        return Layout.render(context, nodes)
    }

    static func filters(_ model: AuditPageModel) -> HTMLNode {
        func choices(_ name: String, _ label: String, _ options: [String], _ selected: String?) -> HTMLNode {
            el(
                "div", [("class", "field")],
                [
                    el("label", [("for", FormViews.fieldID(name))], text: label),
                    el(
                        "select", [("id", FormViews.fieldID(name)), ("name", name)],
                        [el("option", [("value", "")], text: "Anyone or anything")]
                            + options.map {
                                el(
                                    "option", [("value", $0), ("selected", $0 == selected ? "selected" : nil)], text: $0
                                )
                            }),
                ])
        }
        return el(
            "form", [("method", "get"), ("action", Link.audit.path), ("class", "filters no-print")],
            [
                FormViews.errorSummary(model.errors, order: ["from", "to"]),
                el(
                    "div", [("class", "filter-row")],
                    [
                        choices("who", "Who", model.actors, model.filter.actor),
                        choices("what", "What kind of thing", model.entities, model.filter.entity),
                        FormViews.textField(
                            "from", label: "From", value: model.filter.from?.iso ?? "", type: "date",
                            errors: model.errors),
                        FormViews.textField(
                            "to", label: "To", value: model.filter.to?.iso ?? "", type: "date", errors: model.errors),
                    ]),
                el(
                    "div", [("class", "actions")],
                    [button("Filter", class: "button secondary"), link(Link.audit.path, "Clear the filters")]),
            ])
    }

    static func row(_ entry: AuditEntry) -> HTMLNode {
        let changes = AuditChange.changes(before: entry.before, after: entry.after)
        return el(
            "tr", [],
            [
                el("td", [("class", "when")], text: entry.at.ukMoment),
                el(
                    "td", [],
                    [txt(entry.actor)]
                        + (entry.address.map {
                            [el("br", []), el("small", [("class", "address")], text: "from \($0)")]
                        }
                            ?? [])),
                el("td", [], [el("strong", text: entry.action), txt(" "), subject(entry)]),
                el(
                    "td", [],
                    changes.isEmpty
                        ? [txt("")]
                        : [
                            el(
                                "ul", [("class", "changes")],
                                changes.map { change in
                                    el(
                                        "li", [],
                                        [
                                            el("span", [("class", "field-name")], text: "\(change.field): "),
                                            txt(words(change)),
                                        ])
                                })
                        ]),
            ])
    }

    /// "Green → Amber" for a change; the value alone when it was set or cleared.
    static func words(_ change: AuditChange) -> String {
        switch (change.before, change.after) {
        case (nil, let after?): after
        case (let before?, nil): "\(before) (removed)"
        case (let before?, let after?): "\(before) → \(after)"
        case (nil, nil): ""
        }
    }

    /// The thing changed, as a link where it has a page.
    static func subject(_ entry: AuditEntry) -> HTMLNode {
        let name = entry.entity.replacingOccurrences(of: "-", with: " ")
        guard let id = entry.entityID.flatMap(UUID.init(uuidString:)) else {
            return txt(name + (entry.entityID.map { " \($0)" } ?? ""))
        }
        let target: Link? =
            switch entry.entity {
            case "project": .project(project: id)
            case "portfolio": .portfolio(portfolio: id)
            case "period": .returnsTracking(period: id)
            case "user": .user(id: id)
            case "risk": .risk(id: id)
            case "meeting": .meeting(id: id)
            case "outcome-measure": .outcome(id: id)
            case "deliverable": .deliverable(id: id)
            case "business-case": .businessCase(id: id)
            default: nil
            }
        guard let target else { return el("span", [("title", id.uuidString)], text: name) }
        return link(target.path, name)
    }
}
