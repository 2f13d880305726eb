import AssureCore
import AssureStorage
import Foundation

struct SignInGroupPageModel: Sendable {
    /// A sign-in service as the server's settings give it, with the groups its settings file maps.
    struct Service: Sendable {
        let name: String
        let label: String
        let groupsClaim: String
        let createsAccounts: Bool
        let fromSettings: [(group: String, role: Role)]
    }

    var services: [Service]
    var mappings: [SignInGroupRole]
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
}

/// The PMO's groups: which role each group of the organisation's sign-in service gives its members in Assure.
enum SignInGroupPages {
    static func render(_ model: SignInGroupPageModel, _ context: PageContext) -> String {
        var context = context
        context.breadcrumbs = [("Users", Link.users.path)]
        return Layout.render(
            context,
            [
                el("h1", text: "Sign-in groups"),
                el(
                    "p", [("class", "lede")],
                    text: "Someone who signs in with the organisation's account gets the role of their groups, the "
                        + "highest where several are mapped: at their first sign-in, when the service may make "
                        + "accounts, or while their account awaits a role. An account that has a role keeps the one "
                        + "given it on the Users page."),
                model.services.isEmpty
                    ? el(
                        "p", [("id", "no-services")],
                        text: "No sign-in service is set up on this server, so groups give no roles. The README's "
                            + "“Single sign-on” says how to set one up.")
                    : el("ul", [("class", "services")], model.services.map(service)),
                model.mappings.isEmpty
                    ? el("p", [("id", "no-groups")], text: "No group has a role yet.")
                    : el(
                        "table", [("class", "sign-in-groups")],
                        [
                            el(
                                "thead", [],
                                [el("tr", [], ["Service", "Group", "Role", "Set", ""].map { columnHeader($0) })]),
                            el("tbody", [], model.mappings.map { row($0, model, csrf: context.csrf) }),
                        ]),
                settingsMappings(model.services),
                el("h2", text: "Give a group a role"),
                FormViews.errorSummary(model.errors, order: ["provider", "group", "role"]),
                postForm(
                    Link.signInGroups.path, csrf: context.csrf,
                    [
                        FormViews.select(
                            "provider", label: "Sign-in service", options: model.services.map(\.name),
                            selected: model.values["provider"] ?? model.services.first?.name ?? "",
                            errors: model.errors),
                        FormViews.textField(
                            "group", label: "Group",
                            hint:
                                "As the service's groups claim lists it: a name, or for Entra ID the group's object id.",
                            value: model.values["group"] ?? "", errors: model.errors),
                        FormViews.select(
                            "role", label: "Role", options: Role.allCases.map(\.rawValue),
                            selected: model.values["role"] ?? Role.viewer.rawValue, errors: model.errors),
                        el("div", [("class", "actions")], [button("Give the group this role")]),
                    ]),
            ])
    }

    static func service(_ service: SignInGroupPageModel.Service) -> HTMLNode {
        el(
            "li", [],
            text: "\(service.label) (\(service.name)): groups are read from its “\(service.groupsClaim)” claim; "
                + (service.createsAccounts
                    ? "it makes an account at a first sign-in."
                    : "it signs in only people the PMO has added."))
    }

    static func row(_ mapping: SignInGroupRole, _ model: SignInGroupPageModel, csrf: String) -> HTMLNode {
        let label = model.services.first { $0.name == mapping.provider }?.label ?? "\(mapping.provider) (not set up)"
        return el(
            "tr", [],
            [
                el("td", text: label), el("td", [], [el("code", text: mapping.group)]),
                el("td", text: mapping.role.rawValue),
                el("td", text: "\(mapping.createdAt.ukMoment) by \(mapping.createdBy)"),
                el(
                    "td", [],
                    [
                        postForm(
                            Link.removeSignInGroup(id: mapping.id).path, csrf: csrf, class: "inline",
                            [
                                el(
                                    "button",
                                    [
                                        ("type", "submit"), ("class", "button secondary"),
                                        ("aria-label", "Remove the role of \(mapping.group)"),
                                    ], text: "Remove")
                            ])
                    ]),
            ])
    }

    /// Groups the server's settings file maps: shown so the PMO sees every source of a role, changed only there.
    static func settingsMappings(_ services: [SignInGroupPageModel.Service]) -> HTMLNode {
        let rows = services.flatMap { service in service.fromSettings.map { (service, $0.group, $0.role) } }
        guard !rows.isEmpty else { return .raw("") }
        return el(
            "section", [("id", "from-settings")],
            [
                el("h2", text: "Set in the server's settings file"),
                el(
                    "p",
                    text: "These are changed in the settings file, not here; a group mapped in both gets the higher."),
                el(
                    "table", [("class", "sign-in-groups")],
                    [
                        el("thead", [], [el("tr", [], ["Service", "Group", "Role"].map { columnHeader($0) })]),
                        el(
                            "tbody", [],
                            rows.map { service, group, role in
                                el(
                                    "tr", [],
                                    [
                                        el("td", text: service.label), el("td", [], [el("code", text: group)]),
                                        el("td", text: role.rawValue),
                                    ])
                            }),
                    ]),
            ])
    }
}
