import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

/// The glossary: its table for everyone, the PMO's form to add an entry, and a page to change or delete one.
enum GlossaryPages {
    static func glossary(
        _ entries: [StoredGlossaryEntry], canEdit: Bool, returned: ReturnedForm?, _ context: PageContext
    ) -> String {
        let (values, errors) = returned.state("new")
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
                entries.isEmpty
                    ? el(
                        "p",
                        text: canEdit
                            ? "No abbreviations yet: add the first below, and papers will list those they use."
                            : "No abbreviations yet.")
                    : el(
                        "table", [("class", "glossary")],
                        [
                            el(
                                "thead", [],
                                [el("tr", [], (["Abbreviation", "Meaning"] + (canEdit ? [""] : [])).map(columnHeader))]),
                            el(
                                "tbody", [],
                                entries.map { stored in
                                    el(
                                        "tr", [],
                                        [
                                            el("td", [], [el("strong", text: stored.entry.abbreviation)]),
                                            el("td", text: stored.entry.expansion),
                                        ]
                                            + (canEdit
                                                ? [
                                                    el(
                                                        "td", [],
                                                        [
                                                            el(
                                                                "a", [("href", Link.glossaryEntry(id: stored.id).path)],
                                                                [
                                                                    txt("Change"),
                                                                    el(
                                                                        "span", [("class", "visually-hidden")],
                                                                        text: " \(stored.entry.abbreviation)"),
                                                                ])
                                                        ])
                                                ] : []))
                                }),
                        ]),
                canEdit
                    ? el(
                        "section", [("class", "no-print")],
                        [
                            el("h2", text: "Add an abbreviation"),
                            FormViews.errorSummary(errors, order: ["abbreviation", "expansion"]),
                            postForm(Link.glossary.path, csrf: context.csrf, fields(values, errors, action: "Add")),
                        ]) : txt(""),
            ])
    }

    /// One entry's page: change it, or delete it once the box confirming so is ticked.
    static func entry(_ stored: StoredGlossaryEntry, returned: ReturnedForm?, _ context: PageContext) -> String {
        var context = context
        context.breadcrumbs = [("Glossary", Link.glossary.path)]
        let (values, errors) = returned.state(stored.id.uuidString)
        let editValues =
            values.isEmpty
            ? ["abbreviation": stored.entry.abbreviation, "expansion": stored.entry.expansion] : values
        return Layout.render(
            context,
            [
                el("h1", text: "Change \(stored.entry.abbreviation)"),
                FormViews.errorSummary(errors, order: ["abbreviation", "expansion", "confirm"]),
                postForm(
                    Link.glossaryEntry(id: stored.id).path, csrf: context.csrf,
                    fields(editValues, errors, action: "Save changes")
                        + [el("input", [("type", "hidden"), ("name", "action"), ("value", "save")])]),
                el("h2", text: "Delete \(stored.entry.abbreviation)"),
                el("p", text: "Papers already published keep their table of abbreviations."),
                postForm(
                    Link.glossaryEntry(id: stored.id).path, csrf: context.csrf,
                    [
                        el("input", [("type", "hidden"), ("name", "action"), ("value", "delete")]),
                        el(
                            "div", [("class", errors["confirm"] == nil ? "checkbox" : "checkbox has-error")],
                            [
                                FormViews.error("confirm", errors),
                                el(
                                    "input",
                                    [("type", "checkbox"), ("id", "f-confirm"), ("name", "confirm"), ("value", "yes")]),
                                el(
                                    "label", [("for", "f-confirm")],
                                    text: "Yes, delete \(stored.entry.abbreviation) from the glossary"),
                            ]),
                        el("div", [("class", "actions")], [button("Delete", class: "button warning")]),
                    ]),
            ])
    }

    static func fields(_ values: [String: String], _ errors: [String: String], action: String) -> [HTMLNode] {
        [
            FormViews.textField(
                "abbreviation", label: "Abbreviation", hint: "As the papers write it, e.g. STP",
                value: values["abbreviation"] ?? "", errors: errors),
            FormViews.textField(
                "expansion", label: "Meaning", value: values["expansion"] ?? "", errors: errors),
            el("div", [("class", "actions")], [button(action)]),
        ]
    }
}
