import AssureCore
import AssureOutput
import Foundation
import Plot

/// Key deliverables: each programme's ✓ matrix by financial year, every deliverable's status, and the forms.
enum DeliverablePages {
    static func list(_ items: [Deliverable], canEdit: Bool, returned: ReturnedForm?, _ context: PageContext) -> String {
        var nodes: [HTMLNode] = [
            el("h1", text: "Key deliverables by financial year"),
            el(
                "p", [("class", "lede")],
                text: "Financial years run April to March (17/18 is April 2017 to March 2018)."),
            el("p", [("class", "actions no-print")], [downloadLinks(Link.deliverables.path)]),
        ]
        nodes += DeliverablesReport.tables(items).map { ReportTableView.render($0, projectLink: { _ in nil }) }
        nodes.append(
            ReportTableView.render(
                ExportTables.deliverables(items),
                projectLink: canEdit ? { UUID(uuidString: $0).map { Link.deliverable(id: $0).path } } : { _ in nil }))
        if canEdit {
            nodes.append(
                form(
                    action: Link.deliverables.path, heading: "Add a deliverable", values: returned?.values ?? [:],
                    errors: returned?.errors ?? [:], csrf: context.csrf))
        }
        return Layout.render(context, nodes)
    }

    /// One deliverable's edit page: its saved values, or those sent back with their errors.
    static func edit(
        _ item: Deliverable, values: [String: String]?, errors: [String: String], _ context: PageContext
    ) -> String {
        var context = context
        context.breadcrumbs = [("Key deliverables", Link.deliverables.path)]
        let form = form(
            action: Link.deliverable(id: item.id).path, heading: "Change this deliverable",
            values: values ?? fields(item), errors: errors, csrf: context.csrf, version: item.version)
        return Layout.render(context, [el("h1", text: item.title), form])
    }

    static func fields(_ item: Deliverable) -> [String: String] {
        [
            "programme": item.programme, "workstream": item.workstream, "title": item.title,
            "years": item.years.sorted().map(\.label).joined(separator: ", "), "status": item.status.rawValue,
        ]
    }

    static func form(
        action: String, heading: String, values: [String: String], errors: [String: String], csrf: String,
        version: Int? = nil
    ) -> HTMLNode {
        el(
            "section", [("class", "no-print")],
            [
                el("h2", text: heading),
                FormViews.errorSummary(errors),
                postForm(
                    action, csrf: csrf,
                    [
                        FormViews.textField(
                            "programme", label: "Programme", value: values["programme"] ?? "", errors: errors),
                        FormViews.textField(
                            "workstream", label: "Workstream", hint: "Optional", value: values["workstream"] ?? "",
                            errors: errors),
                        FormViews.textArea("title", label: "Deliverable", value: values["title"] ?? "", errors: errors),
                        FormViews.textField(
                            "years", label: "Due in", hint: "Financial years, e.g. 17/18, 18/19",
                            value: values["years"] ?? "", errors: errors),
                        FormViews.select(
                            "status", label: "Status", options: DeliverableStatus.allCases.map(\.rawValue),
                            selected: values["status"] ?? "not-started", errors: errors),
                        version.map {
                            el("input", [("type", "hidden"), ("name", "baseVersion"), ("value", String($0))])
                        } ?? txt(""),
                        el("div", [("class", "actions")], [button("Save")]),
                    ]),
            ])
    }
}
