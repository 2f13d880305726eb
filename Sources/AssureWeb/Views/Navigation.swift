import AssureCore

/// What the navigation offers a role, grouped as a PMO thinks of it: reporting, registers, administration. Only what
/// the role can use is offered.
enum Navigation {
    struct Item: Sendable {
        let label: String
        let path: String
        /// A count beside the label (returns waiting for review), and what it counts, read as part of the link's name.
        var count: (number: Int, words: String)? = nil
    }

    struct Group: Sendable {
        /// Nil for the links shown directly, not in a menu.
        let title: String?
        let links: [Item]

        func isCurrent(_ path: String?) -> Bool { links.contains { $0.path == path } }
    }

    static func groups(for actor: Actor, reviewCount: Int?) -> [Group] {
        let waiting = reviewCount.flatMap { $0 > 0 ? (number: $0, words: "waiting for your review") : nil }
        var groups = [
            Group(
                title: nil,
                links: [
                    Item(label: "Home", path: Link.home.path, count: waiting),
                    Item(label: "Portfolios", path: Link.portfolios.path),
                ]),
            Group(
                title: "Registers",
                links: [
                    Item(label: "Risks", path: Link.risks.path),
                    Item(label: "Outcomes", path: Link.outcomes.path),
                    Item(label: "Deliverables", path: Link.deliverables.path),
                    Item(label: "Meetings", path: Link.meetings.path),
                    Item(label: "Business cases", path: Link.businessCases.path),
                    Item(label: "Funding", path: Link.fundingRounds.path),
                    Item(label: "Glossary", path: Link.glossary.path),
                ]),
        ]
        if actor.canManageUsers {
            groups.append(
                Group(
                    title: "Administration",
                    links: [
                        Item(label: "Users", path: Link.users.path),
                        Item(label: "Sign-in groups", path: Link.signInGroups.path),
                        Item(label: "People", path: Link.people.path),
                        Item(label: "Outbox", path: Link.outbox.path),
                        Item(label: "Webhooks", path: Link.webhooks.path),
                        Item(label: "Audit log", path: Link.audit.path),
                    ]))
        }
        return groups
    }
}
