import Plot

/// Plot leaves attribute values unescaped and passes entity-like text through; every string a user could
/// have typed goes through these helpers, so nothing typed can become markup.
extension String {
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

typealias HTMLNode = Node<HTML.BodyContext>

/// Elements that have no content and no closing tag in HTML.
private let voidElements: Set<String> = ["meta", "link", "input", "br", "hr", "img"]

/// An element with escaped attributes. A nil attribute value leaves the attribute out.
func el(_ name: String, _ attributes: [(String, String?)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
    if voidElements.contains(name) {
        let attributes: [Attribute<HTML.BodyContext>] = attributes.compactMap { pair in
            pair.1.map { Attribute(name: pair.0, value: $0.htmlEscaped, ignoreIfValueIsEmpty: false) }
        }
        return .selfClosedElement(named: name, attributes: attributes)
    }
    let attributeNodes: [HTMLNode] = attributes.compactMap { pair in
        pair.1.map { .attribute(named: pair.0, value: $0.htmlEscaped, ignoreIfValueIsEmpty: false) }
    }
    return .element(named: name, nodes: attributeNodes + children)
}

func el(_ name: String, _ attributes: [(String, String?)] = [], text: String) -> HTMLNode {
    el(name, attributes, [txt(text)])
}

/// Escaped text.
func txt(_ text: String) -> HTMLNode { .raw(text.htmlEscaped) }

/// Text with its line breaks kept as paragraphs.
func paragraphs(_ text: String) -> HTMLNode {
    .group(text.split(separator: "\n", omittingEmptySubsequences: true).map { el("p", text: String($0)) })
}

func link(_ href: String, _ text: String, class className: String? = nil) -> HTMLNode {
    el("a", [("href", href), ("class", className)], text: text)
}

/// A POST form carrying the CSRF token.
func postForm(_ action: String, csrf: String, class className: String? = nil, _ children: [HTMLNode]) -> HTMLNode {
    el(
        "form", [("method", "post"), ("action", action), ("class", className)],
        [el("input", [("type", "hidden"), ("name", "_csrf"), ("value", csrf)])] + children)
}

func button(_ text: String, class className: String = "button", name: String? = nil, value: String? = nil) -> HTMLNode {
    el("button", [("type", "submit"), ("class", className), ("name", name), ("value", value)], text: text)
}

/// A column's header cell; a column of buttons, with no visible heading, is named "Actions" for screen readers.
func columnHeader(_ name: String) -> HTMLNode {
    name.isEmpty
        ? el("th", [("scope", "col")], [el("span", [("class", "visually-hidden")], text: "Actions")])
        : el("th", [("scope", "col")], text: name)
}
