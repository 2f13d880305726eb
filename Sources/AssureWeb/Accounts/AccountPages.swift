import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

/// Sign-in, first run, users and the audit log.
enum AccountPages {
    /// What the sign-in page offers: the organisation's sign-in services, and the password form unless the deployment
    /// has switched passwords off.
    struct SignInChoices {
        struct Provider {
            let label: String
            let path: String
        }
        var providers: [Provider] = []
        var passwords = true
        var demoHint = false
    }

    static func login(_ context: PageContext, email: String = "", error: String? = nil, signIn: SignInChoices) -> String
    {
        Layout.render(
            context,
            [
                el("h1", text: "Sign in to Assure"),
                error.map { el("div", [("class", "error-summary"), ("role", "alert")], [el("p", text: $0)]) }
                    ?? txt(""),
                signIn.providers.isEmpty
                    ? txt("")
                    : el(
                        "ul", [("class", "sign-in-services")],
                        signIn.providers.map { provider in
                            el("li", [], [link(provider.path, "Sign in with \(provider.label)", class: "button")])
                        }),
                signIn.passwords && !signIn.providers.isEmpty
                    ? el("h2", text: "Or with your Assure password") : txt(""),
                !signIn.passwords
                    ? txt("")
                    : postForm(
                        Link.login.path, csrf: context.csrf,
                        [
                            FormViews.textField(
                                "email", label: "Email", value: email, type: "email", errors: [:],
                                autocomplete: "username"),
                            FormViews.textField(
                                "password", label: "Password", value: "", type: "password", errors: [:],
                                autocomplete: "current-password"),
                            el("div", [("class", "actions")], [button("Sign in")]),
                        ]),
                signIn.demoHint && signIn.passwords
                    ? el("p", [("class", "hint")], text: "Demo: \(DemoLoader.adminEmail) / \(DemoLoader.adminPassword)")
                    : txt(""),
            ])
    }

    /// After signing out of Assure, for someone who signed in through a provider: they are still signed in there.
    static func signedOut(_ context: PageContext, provider: String, signOutURL: String) -> String {
        Layout.render(
            context,
            [
                el("h1", text: "You have signed out of Assure"),
                el(
                    "p", [("class", "lede")],
                    text: "You are still signed in to \(provider) in this browser, so signing in to Assure again would "
                        + "not ask for your password. On a shared computer, sign out of \(provider) too."),
                el(
                    "p", [("class", "actions")],
                    [
                        link(signOutURL, "Sign out of \(provider) too", class: "button"),
                        link(Link.login.path, "Back to sign in", class: "button secondary"),
                    ]),
            ])
    }

    static func setup(_ context: PageContext, values: [String: String] = [:], errors: [String: String] = [:]) -> String
    {
        Layout.render(
            context,
            [
                el("h1", text: "Set up Assure"),
                el(
                    "p", [("class", "lede")],
                    text: "This database has no users yet. Create the first administrator (the PMO)."),
                FormViews.errorSummary(errors),
                postForm(
                    Link.setup.path, csrf: context.csrf,
                    [
                        FormViews.textField("name", label: "Your name", value: values["name"] ?? "", errors: errors),
                        FormViews.textField(
                            "email", label: "Email", value: values["email"] ?? "", type: "email", errors: errors),
                        FormViews.textField(
                            "password", label: "Password",
                            hint: "At least \(Users.minimumPasswordLength) characters, not only letters",
                            value: "", type: "password", errors: errors),
                        el("div", [("class", "actions")], [button("Create administrator")]),
                    ]),
            ])
    }

    static func users(
        _ users: [UserSummary], programmes: [ProgrammeInfo], _ context: PageContext,
        values: [String: String] = [:], errors: [String: String] = [:]
    ) -> String {
        Layout.render(
            context,
            [
                el("h1", text: "Users"),
                el("p", [("class", "actions no-print")], [downloadLinks(Link.users.path)]),
                el(
                    "table", [],
                    [
                        el(
                            "thead", [],
                            [
                                el(
                                    "tr", [],
                                    ["Name", "Email", "Role", "May edit", ""].map {
                                        columnHeader($0)
                                    })
                            ]),
                        el(
                            "tbody", [],
                            users.map { user in
                                el(
                                    "tr", [],
                                    [
                                        el("td", text: user.name + (user.disabled ? " (disabled)" : "")),
                                        el("td", text: user.email),
                                        el("td", text: user.awaitingRole ? "awaiting a role" : user.role.rawValue),
                                        el(
                                            "td",
                                            text: user.role == .admin
                                                ? "Everything" : user.programmes.joined(separator: ", ")),
                                        el(
                                            "td", [],
                                            [link(Link.user(id: user.id).path, "Change", class: "no-print")]),
                                    ])
                            }),
                    ]),
                el("h2", text: "Add a user"),
                FormViews.errorSummary(errors),
                postForm(
                    Link.users.path, csrf: context.csrf,
                    [
                        FormViews.textField("name", label: "Name", value: values["name"] ?? "", errors: errors),
                        FormViews.textField(
                            "email", label: "Email", value: values["email"] ?? "", type: "email", errors: errors),
                        FormViews.select(
                            "role", label: "Role", options: Role.allCases.map(\.rawValue),
                            selected: values["role"] ?? "viewer", errors: errors),
                        FormViews.select(
                            "programme", label: "Programme an editor may write", options: programmes.map(\.name),
                            selected: values["programme"] ?? "", errors: errors, blank: "None"),
                        FormViews.textField(
                            "password", label: "Initial password", value: "", type: "password", errors: errors),
                        el("div", [("class", "actions")], [button("Add user")]),
                    ]),
            ])
    }

    /// One user: their role and programmes, and disabling or enabling them.
    static func user(
        _ user: UserSummary, programmes: [ProgrammeInfo], _ context: PageContext,
        chosen: (role: String, programmes: Set<String>)? = nil, errors: [String: String] = [:]
    ) -> String {
        var context = context
        context.breadcrumbs = [("Users", Link.users.path)]
        let role = chosen?.role ?? user.role.rawValue
        let ticked =
            chosen?.programmes ?? Set(programmes.filter { user.programmes.contains($0.name) }.map(\.id.uuidString))
        return Layout.render(
            context,
            [
                el("h1", text: user.name + (user.disabled ? " (disabled)" : "")),
                el("p", [("class", "lede")], text: user.email),
                user.awaitingRole
                    ? el(
                        "p", [("class", "notice")],
                        text: "\(user.name) signed in with the organisation's account and is awaiting a role: they "
                            + "see nothing in Assure until you choose one below.") : txt(""),
                FormViews.errorSummary(errors),
                postForm(
                    Link.user(id: user.id).path, csrf: context.csrf,
                    [
                        FormViews.select(
                            "role", label: "Role", options: Role.allCases.map(\.rawValue), selected: role,
                            errors: errors),
                        el(
                            "fieldset", [("class", errors["programme"] == nil ? "field" : "field has-error")],
                            [
                                el("legend", text: "Programmes an editor may write"),
                                FormViews.error("programme", errors),
                                .group(
                                    programmes.map { programme in
                                        el(
                                            "div", [("class", "checkbox")],
                                            [
                                                el(
                                                    "input",
                                                    [
                                                        ("type", "checkbox"),
                                                        ("id", "f-programme-\(programme.id.uuidString)"),
                                                        ("name", "programme[]"),
                                                        ("value", programme.id.uuidString),
                                                        (
                                                            "checked",
                                                            ticked.contains(programme.id.uuidString) ? "checked" : nil
                                                        ),
                                                    ]),
                                                el(
                                                    "label", [("for", "f-programme-\(programme.id.uuidString)")],
                                                    text: programme.name),
                                            ])
                                    }),
                            ]),
                        el("div", [("class", "actions")], [button("Save role and programmes")]),
                    ]),
                el("h2", text: user.disabled ? "Enable" : "Disable"),
                el(
                    "p",
                    text: user.disabled
                        ? "Enabled again, \(user.name) signs in with their password; tokens revoked when they were disabled stay revoked."
                        : "Disabled, \(user.name) cannot sign in, and every session and API token of theirs ends at once. The audit log keeps their name."
                ),
                postForm(
                    (user.disabled ? Link.enableUser(id: user.id) : Link.disableUser(id: user.id)).path,
                    csrf: context.csrf,
                    [
                        button(
                            user.disabled ? "Enable \(user.name)" : "Disable \(user.name)",
                            class: user.disabled ? "button" : "button secondary")
                    ]),
            ])
    }

    static func changePassword(_ context: PageContext, errors: [String: String] = [:]) -> String {
        Layout.render(
            context,
            [
                el("h1", text: "Change your password"),
                el(
                    "p", [("class", "lede")],
                    text: "Every other place you are signed in, and every API token you made, ends when you change it."),
                FormViews.errorSummary(errors),
                postForm(
                    Link.changePassword.path, csrf: context.csrf,
                    [
                        FormViews.textField(
                            "old", label: "Current password", value: "", type: "password", errors: errors,
                            autocomplete: "current-password"),
                        FormViews.textField(
                            "new", label: "New password",
                            hint:
                                "At least \(Users.minimumPasswordLength) characters, not only letters or only numbers",
                            value: "", type: "password", errors: errors, autocomplete: "new-password"),
                        FormViews.textField(
                            "confirmation", label: "New password again", value: "", type: "password", errors: errors,
                            autocomplete: "new-password"),
                        el("div", [("class", "actions")], [button("Change password")]),
                    ]),
            ])
    }

    static func message(_ context: PageContext, heading: String, text: String) -> String {
        Layout.render(
            context, [el("h1", text: heading), el("p", text: text), link(Link.home.path, "Back to your home page")])
    }
}
