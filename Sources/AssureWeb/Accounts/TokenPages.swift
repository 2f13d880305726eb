import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation

/// The signed-in user's API tokens: what exists, one form to make a token, and the secret once, when made.
enum TokenPages {
    static func render(
        _ tokens: [APITokenSummary], _ context: PageContext, newSecret: String? = nil,
        values: [String: String] = [:], errors: [String: String] = [:]
    ) -> String {
        Layout.render(
            context,
            [
                el("h1", text: "API tokens"),
                el("p", [("class", "actions no-print")], [link(Link.account.path, "Your account")]),
                el(
                    "p", [("class", "lede")],
                    text: "A token lets a script use the JSON API (under /api/v1) as you, with "
                        + "Authorization: Bearer TOKEN. A read token reads what you may read; a write token may also save what you may save."
                ),
                newSecret.map { secret in
                    el(
                        "div", [("class", "notice"), ("role", "status")],
                        [
                            el(
                                "p",
                                text:
                                    "Copy this token now: it is not shown again, and Assure keeps only a fingerprint of it."
                            ),
                            el("p", [], [el("code", [("id", "new-token")], text: secret)]),
                        ])
                } ?? .raw(""),
                tokens.isEmpty
                    ? el(
                        "p", [("id", "no-tokens")],
                        text: "You have no API tokens. Make one below for a script or a Power BI report; "
                            + "give it a name that says where it is used, so you know which to revoke.")
                    : el(
                        "table", [],
                        [
                            el(
                                "thead", [],
                                [
                                    el(
                                        "tr", [],
                                        ["Name", "Scope", "Made", "Last used", "State", ""].map {
                                            columnHeader($0)
                                        })
                                ]),
                            el(
                                "tbody", [],
                                tokens.map { token in
                                    el(
                                        "tr", [],
                                        [
                                            el("td", text: token.name), el("td", text: token.scope.rawValue),
                                            el("td", text: token.createdAt.formatted(.iso8601)),
                                            el("td", text: token.lastUsedAt?.formatted(.iso8601) ?? "never"),
                                            el("td", text: token.revokedAt == nil ? "live" : "revoked"),
                                            el(
                                                "td", [],
                                                [
                                                    token.revokedAt == nil
                                                        ? postForm(
                                                            Link.revokeToken(id: token.id).path, csrf: context.csrf,
                                                            [button("Revoke", class: "button secondary")])
                                                        : .raw("")
                                                ]),
                                        ])
                                }),
                        ]),
                el("h2", text: "Make a token"),
                FormViews.errorSummary(errors),
                postForm(
                    Link.tokens.path, csrf: context.csrf,
                    [
                        FormViews.textField(
                            "name", label: "Name", hint: "What the script is, so you know which token to revoke.",
                            value: values["name"] ?? "", errors: errors),
                        FormViews.select(
                            "scope", label: "Scope", options: TokenScope.allCases.map(\.rawValue),
                            selected: values["scope"] ?? "read", errors: errors),
                        el("div", [("class", "actions")], [button("Make token")]),
                    ]),
            ])
    }
}
