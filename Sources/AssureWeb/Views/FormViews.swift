import Foundation
import Plot

/// Form fields that show their error beside them and keep what was typed.
enum FormViews {
    /// `order`: the form's fields as they appear on the page, so the list reads top to bottom; others follow.
    static func errorSummary(_ errors: [String: String], order: [String] = []) -> HTMLNode {
        guard !errors.isEmpty else { return txt("") }
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return el(
            "div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1")],
            [
                el("h2", text: "There is a problem"),
                el(
                    "ul", [],
                    errors.sorted {
                        (position[$0.key] ?? .max, $0.key) < (position[$1.key] ?? .max, $1.key)
                    }.map { el("li", [], [link("#\(fieldID($0.key))", $0.value)]) }),
            ])
    }

    static func fieldID(_ name: String) -> String {
        "f-"
            + name.replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: "]", with: "")
            .replacingOccurrences(of: ".", with: "-")
    }

    static func error(_ name: String, _ errors: [String: String]) -> HTMLNode {
        errors[name].map { el("span", [("class", "field-error"), ("id", fieldID(name) + "-error")], text: $0) }
            ?? txt("")
    }

    static func textField(
        _ name: String, label: String, hint: String? = nil, value: String, type: String = "text",
        errors: [String: String], autocomplete: String? = nil
    ) -> HTMLNode {
        el(
            "div", [("class", errors[name] == nil ? "field" : "field has-error")],
            [
                el(
                    "label", [("for", fieldID(name))],
                    [txt(label), hint.map { el("span", [("class", "hint")], text: $0) } ?? txt("")]),
                error(name, errors),
                el(
                    "input",
                    [
                        ("type", type), ("id", fieldID(name)), ("name", name), ("value", value),
                        ("autocomplete", autocomplete),
                        ("aria-describedby", errors[name] == nil ? nil : fieldID(name) + "-error"),
                    ]),
            ])
    }

    /// `limit`: the most characters the field takes, said beside it with how many are used (Assure's pages run
    /// no script, so the count is as of the page's loading).
    static func textArea(
        _ name: String, label: String, hint: String? = nil, value: String, errors: [String: String],
        limit: Int? = nil, rows: Int? = nil
    ) -> HTMLNode {
        let counter = limit.map { limit in
            el(
                "span", [("class", "hint"), ("id", fieldID(name) + "-count")],
                text: "Up to \(limit.formatted(.number.grouping(.automatic))) characters"
                    + (value.isEmpty ? "." : "; \(value.count.formatted(.number.grouping(.automatic))) used."))
        }
        return el(
            "div", [("class", errors[name] == nil ? "field" : "field has-error")],
            [
                el(
                    "label", [("for", fieldID(name))],
                    [txt(label), hint.map { el("span", [("class", "hint")], text: $0) } ?? txt("")]),
                error(name, errors),
                el(
                    "textarea",
                    [
                        ("id", fieldID(name)), ("name", name), ("rows", rows.map(String.init)),
                        (
                            "aria-describedby",
                            [
                                errors[name] == nil ? nil : fieldID(name) + "-error",
                                limit == nil ? nil : fieldID(name) + "-count",
                            ]
                            .compactMap { $0 }.joined(separator: " ").nilIfEmpty
                        ),
                    ], text: value),
                counter ?? txt(""),
            ])
    }

    static func select(
        _ name: String, label: String?, options: [String], selected: String, errors: [String: String],
        blank: String? = nil, accessibleName: String? = nil
    ) -> HTMLNode {
        var choices = options
        // A value that is not an option (a typed or legacy value) is kept and shown, never silently dropped.
        if !selected.isEmpty, !choices.contains(selected) { choices.append(selected) }
        let optionNodes =
            (blank.map { [el("option", [("value", "")], text: $0)] } ?? [])
            + choices.map { el("option", [("value", $0), ("selected", $0 == selected ? "selected" : nil)], text: $0) }
        return el(
            "div", [("class", errors[name] == nil ? "field" : "field has-error")],
            [
                label.map { el("label", [("for", fieldID(name))], text: $0) } ?? txt(""),
                error(name, errors),
                // A select with no visible label (one in a table row) is named for screen readers instead.
                el(
                    "select",
                    [("id", fieldID(name)), ("name", name), ("aria-label", label == nil ? accessibleName : nil)],
                    optionNodes),
            ])
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
