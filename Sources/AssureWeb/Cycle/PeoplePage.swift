import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Plot

/// The people named in the portfolios and the addresses chasers and alerts go to.
enum PeoplePage {
    static func render(_ people: [PersonContact], returned: ReturnedForm?, _ context: PageContext) -> String {
        var context = context
        context.breadcrumbs = [("Portfolios", Link.portfolios.path)]
        let nodes: [HTMLNode] = [
            el("h1", text: "People"),
            el(
                "p", [("class", "lede")],
                text:
                    "Leads receive chasers and SROs receive alerts at these addresses. A user who signs in with the same address is that person, and may approve the returns of projects they are SRO of."
            ),
            el("p", [("class", "actions no-print")], [downloadLinks(Link.people.path)]),
            el(
                "table", [],
                [
                    el(
                        "thead", [],
                        [el("tr", [], ["Name", "Job title", "Email"].map { columnHeader($0) })]),
                    el(
                        "tbody", [],
                        people.map { person in
                            let mine = returned?.name == person.id.uuidString ? returned : nil
                            let errors = mine?.errors ?? [:]
                            return el(
                                "tr", [],
                                [
                                    el("td", text: person.name),
                                    el("td", text: person.jobTitle ?? ""),
                                    el(
                                        "td", [],
                                        [
                                            postForm(
                                                Link.personEmail(person: person.id).path, csrf: context.csrf,
                                                class: "inline",
                                                [
                                                    FormViews.error("email", errors),
                                                    el(
                                                        "input",
                                                        [
                                                            ("type", "email"), ("name", "email"),
                                                            ("aria-label", "Email of \(person.name)"),
                                                            ("value", mine?.values["email"] ?? person.email ?? ""),
                                                        ]),
                                                    button("Save", class: "button secondary"),
                                                ])
                                        ]),
                                ])
                        }),
                ]),
        ]
        return Layout.render(context, nodes)
    }
}
