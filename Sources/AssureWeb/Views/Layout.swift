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
    /// The path asked for, so the navigation can mark where the reader is.
    var path: String? = nil
    /// Returns waiting for this reader's review, shown beside "Home" in the navigation.
    var reviewCount: Int? = nil
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
        return StackedTables.label("<!DOCTYPE html>" + el("html", [("lang", "en-GB")], [head, body]).render())
    }

    private static func header(_ context: PageContext) -> HTMLNode {
        guard let actor = context.actor else {
            return el("header", [("class", "site-header")], [el("span", [("class", "brand")], text: "Assure")])
        }
        let groups = Navigation.groups(for: actor, reviewCount: context.reviewCount)
        let account = el(
            "a",
            [
                ("href", Link.account.path), ("class", "who"), ("title", "Your account: password and API tokens"),
                ("aria-current", context.path == Link.account.path ? "page" : nil),
            ],
            text: actor.name)
        let signOut = postForm(
            Link.logout.path, csrf: context.csrf, class: "inline", [button("Sign out", class: "link-button")])
        // Two renderings of one menu: a bar on wide screens, a "Menu" that opens on phones; CSS shows one of them.
        let wide = el(
            "nav", [("class", "nav-wide"), ("aria-label", "Main")],
            groups.map { group in
                group.title == nil
                    ? .group(group.links.map { navLink($0, context) })
                    : el(
                        "details", [("class", "nav-group")],
                        [
                            el(
                                "summary", [],
                                [txt(group.title!)]
                                    + (group.isCurrent(context.path)
                                        ? [el("span", [("class", "visually-hidden")], text: " (current section)")] : [])
                            ),
                            el("ul", [], group.links.map { el("li", [], [navLink($0, context)]) }),
                        ])
            } + [account, signOut])
        let narrow = el(
            "details", [("class", "nav-narrow")],
            [
                el("summary", text: "Menu"),
                el(
                    "nav", [("aria-label", "Main")],
                    groups.map { group in
                        el(
                            "div", [("class", "nav-section")],
                            (group.title.map { [el("h2", text: $0)] } ?? [])
                                + [el("ul", [], group.links.map { el("li", [], [navLink($0, context)]) })])
                    } + [el("p", [], [account]), signOut]),
            ])
        return el(
            "header", [("class", "site-header")],
            [el("a", [("href", Link.home.path), ("class", "brand")], text: "Assure"), wide, narrow])
    }

    private static func navLink(_ item: Navigation.Item, _ context: PageContext) -> HTMLNode {
        el(
            "a", [("href", item.path), ("aria-current", item.path == context.path ? "page" : nil)],
            [txt(item.label)]
                + (item.count.map { count in
                    [
                        el(
                            "span", [("class", "nav-count")],
                            [
                                txt(" \(count.number)"),
                                el("span", [("class", "visually-hidden")], text: " \(count.words)"),
                            ])
                    ]
                } ?? []))
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
