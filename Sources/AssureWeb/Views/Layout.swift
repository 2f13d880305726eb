import AssureCore
import AssureOutput
import Plot

/// What every page's frame needs to know.
struct PageContext: Sendable {
    var actor: Actor?
    var csrf: String
    var title: String
    var breadcrumbs: [(String, String)] = []
    var notice: String? = nil
    /// Reload the page after this many seconds (a page following work in progress).
    var refreshSeconds: Int? = nil
}

enum Layout {
    static func render(_ context: PageContext, _ content: [HTMLNode]) -> String {
        let head = el(
            "head", [],
            [
                el("meta", [("charset", "utf-8")]),
                el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                context.refreshSeconds.map { el("meta", [("http-equiv", "refresh"), ("content", String($0))]) }
                    ?? txt(""),
                el("title", text: "\(context.title) — Assure"),
                el("link", [("rel", "stylesheet"), ("href", Link.stylesheet.path)]),
            ])
        let body = el(
            "body", [],
            [
                el("a", [("href", "#main"), ("class", "skip")], text: "Skip to content"),
                header(context),
                el("main", [("id", "main"), ("class", "page")], breadcrumbs(context) + notice(context) + content),
                el("footer", [("class", "site-footer")], [txt("Assure — portfolio assurance and board reporting")]),
            ])
        return "<!DOCTYPE html>" + el("html", [("lang", "en-GB")], [head, body]).render()
    }

    private static func header(_ context: PageContext) -> HTMLNode {
        var nav: [HTMLNode] = []
        if let actor = context.actor {
            nav.append(link(Link.home.path, "Portfolios"))
            nav.append(link(Link.risks.path, "Risks"))
            nav.append(link(Link.outcomes.path, "Outcomes"))
            nav.append(link(Link.deliverables.path, "Deliverables"))
            nav.append(link(Link.meetings.path, "Meetings"))
            nav.append(link(Link.businessCases.path, "Business cases"))
            nav.append(link(Link.fundingRounds.path, "Funding"))
            nav.append(link(Link.glossary.path, "Glossary"))
            if actor.role == .admin {
                nav.append(link(Link.users.path, "Users"))
                nav.append(link(Link.people.path, "People"))
                nav.append(link(Link.outbox.path, "Outbox"))
                nav.append(link(Link.audit.path, "Audit log"))
            }
            nav.append(
                el(
                    "a",
                    [
                        ("href", Link.tokens.path), ("class", "who"),
                        ("title", "Your account: password and API tokens"),
                    ],
                    text: "\(actor.name) (\(actor.role.rawValue))"))
            nav.append(
                postForm(
                    Link.logout.path, csrf: context.csrf, class: "inline",
                    [button("Sign out", class: "link-button")]))
        }
        return el(
            "header", [("class", "site-header")],
            [
                el("a", [("href", Link.home.path), ("class", "brand")], text: "Assure"),
                el("nav", [("aria-label", "Main")], nav),
            ])
    }

    private static func breadcrumbs(_ context: PageContext) -> [HTMLNode] {
        guard !context.breadcrumbs.isEmpty else { return [] }
        return [
            el(
                "nav", [("class", "breadcrumbs"), ("aria-label", "Breadcrumbs")],
                [el("ol", [], context.breadcrumbs.map { el("li", [], [link($0.1, $0.0)]) })])
        ]
    }

    private static func notice(_ context: PageContext) -> [HTMLNode] {
        context.notice.map { [el("div", [("class", "notice"), ("role", "status")], text: $0)] } ?? []
    }
}
