import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

/// The glossary: its table, and the PMO's forms to add and change entries.
enum GlossaryPages {
    static func glossary(
        _ entries: [StoredGlossaryEntry], canEdit: Bool, returned: ReturnedForm?, _ context: PageContext
    ) -> String {
        func state(_ name: String) -> ([String: String], [String: String]) { returned.state(name) }
        let (values, errors) = state("new")
        return Layout.render(
            context,
            [
                el("h1", text: "Glossary"),
                el(
                    "p", [("class", "lede")],
                    text:
                        "Abbreviations and what they stand for. A paper's table of abbreviations lists those its text uses."
                ),
                el("p", [("class", "actions no-print")], [downloadLinks(Link.glossary.path)]),
                el(
                    "table", [],
                    [
                        el(
                            "thead", [],
                            [el("tr", [], ["Abbreviation", "Meaning"].map { el("th", [("scope", "col")], text: $0) })]),
                        el(
                            "tbody", [],
                            entries.map { stored in
                                let (values, errors) = state(stored.id.uuidString)
                                guard canEdit else {
                                    return el(
                                        "tr", [],
                                        [
                                            el("td", text: stored.entry.abbreviation),
                                            el("td", text: stored.entry.expansion),
                                        ])
                                }
                                return el(
                                    "tr", [],
                                    [
                                        el(
                                            "td", [("colspan", "2")],
                                            [
                                                postForm(
                                                    Link.glossaryEntry(id: stored.id).path, csrf: context.csrf,
                                                    class: "inline",
                                                    [
                                                        FormViews.error("abbreviation", errors),
                                                        FormViews.error("expansion", errors),
                                                        el(
                                                            "input",
                                                            [
                                                                ("name", "abbreviation"),
                                                                ("aria-label", "Abbreviation"),
                                                                (
                                                                    "value",
                                                                    values["abbreviation"] ?? stored.entry.abbreviation
                                                                ),
                                                            ]),
                                                        el(
                                                            "input",
                                                            [
                                                                ("name", "expansion"),
                                                                (
                                                                    "aria-label",
                                                                    "Meaning of \(stored.entry.abbreviation)"
                                                                ),
                                                                (
                                                                    "value",
                                                                    values["expansion"] ?? stored.entry.expansion
                                                                ),
                                                            ]),
                                                        button(
                                                            "Save", class: "button secondary", name: "action",
                                                            value: "save"),
                                                        button(
                                                            "Delete", class: "button secondary", name: "action",
                                                            value: "delete"),
                                                    ])
                                            ])
                                    ])
                            }),
                    ]),
                canEdit
                    ? el(
                        "section", [("class", "no-print")],
                        [
                            el("h2", text: "Add an abbreviation"),
                            FormViews.errorSummary(errors),
                            postForm(
                                Link.glossary.path, csrf: context.csrf,
                                [
                                    FormViews.textField(
                                        "abbreviation", label: "Abbreviation", value: values["abbreviation"] ?? "",
                                        errors: errors),
                                    FormViews.textField(
                                        "expansion", label: "Meaning", value: values["expansion"] ?? "", errors: errors),
                                    el("div", [("class", "actions")], [button("Add")]),
                                ]),
                        ]) : txt(""),
            ])
    }
}
