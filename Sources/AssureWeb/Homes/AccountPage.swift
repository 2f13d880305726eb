import AssureCore
import Foundation
import Plot

/// The signed-in person's own account: who Assure knows them as, what they may do, and where to change it.
struct AccountPageModel: Sendable {
    let name: String
    let email: String?
    let role: Role
    /// The programmes whose returns they write.
    let programmes: [String]
    /// How many projects they review as SRO or clinical lead.
    let reviewedProjects: Int
}

enum AccountPage {
    static func render(_ model: AccountPageModel, _ context: PageContext) -> String {
        let role: String =
            switch model.role {
            case .admin: "PMO: runs periods, manages people and users"
            case .editor: "Writes returns for the programmes below"
            case .viewer: "Reads published dashboards and papers"
            }
        var facts: [HTMLNode] = [
            el("dt", text: "Name"), el("dd", text: model.name),
            el("dt", text: "Email"), el("dd", text: model.email ?? "None"),
            el("dt", text: "Role"), el("dd", text: role),
        ]
        if model.role == .editor {
            facts += [
                el("dt", text: "Programmes"),
                el(
                    "dd",
                    text: model.programmes.isEmpty ? "None yet: ask the PMO" : model.programmes.joined(separator: ", ")),
            ]
        }
        if model.reviewedProjects > 0 {
            facts += [
                el("dt", text: "Reviews"),
                el("dd", text: "\(Wording.counted(model.reviewedProjects, "project")) as SRO or clinical lead"),
            ]
        }
        return Layout.render(
            context,
            [
                el("h1", text: "Your account"),
                el("dl", [("class", "facts")], facts),
                el("h2", text: "Signing in"),
                el("p", [], [link(Link.changePassword.path, "Change your password")]),
                el("h2", text: "Scripts and reports"),
                el(
                    "p", [],
                    [
                        link(Link.tokens.path, "API tokens"),
                        txt(": let a script or a Power BI report read Assure as you, without your password."),
                    ]),
            ])
    }
}
