import Plot

/// Form fields that show their error beside them and keep what was typed.
enum FormViews {
    static func errorSummary(_ errors: [String: String]) -> HTMLNode {
        guard !errors.isEmpty else { return txt("") }
        return el(
            "div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1")],
            [
                el("h2", text: "There is a problem"),
                el(
                    "ul", [],
                    errors.sorted { $0.key < $1.key }.map { el("li", [], [link("#\(fieldID($0.key))", $0.value)]) }),
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

    static func textArea(
        _ name: String, label: String, hint: String? = nil, value: String, errors: [String: String]
    ) -> HTMLNode {
        el(
            "div", [("class", errors[name] == nil ? "field" : "field has-error")],
            [
                el(
                    "label", [("for", fieldID(name))],
                    [txt(label), hint.map { el("span", [("class", "hint")], text: $0) } ?? txt("")]),
                error(name, errors),
                el("textarea", [("id", fieldID(name)), ("name", name)], text: value),
            ])
    }

    static func select(
        _ name: String, label: String?, options: [String], selected: String, errors: [String: String],
        blank: String? = nil
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
                el("select", [("id", fieldID(name)), ("name", name)], optionNodes),
            ])
    }
}
