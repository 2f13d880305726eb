import AssureCore
import AssureStorage
import Foundation
import Plot

/// A project's dependencies as its page shows them: what it waits on, what waits on it (directly or through others,
/// with the chain), each with what puts it at risk; and the form to add one.
struct ProjectDependencies: Sendable {
    struct Line: Sendable {
        /// The ends from the one waited on to the one waiting, as readers name them, each with its project.
        let chain: [(name: String, projectID: UUID)]
        let risk: String?
        /// The stored dependency, for removing it: only on this project's own (the waiting end's).
        let removable: UUID?
    }

    var waitsOn: [Line] = []
    var neededBy: [Line] = []
    /// This project's ends at risk down a chain from a dependency at risk elsewhere.
    var knockOns: [Line] = []
    /// Its milestones dated as another event, with what they may mean.
    var suggestions: [DependencySuggestion] = []
    var values: [String: String] = [:]
    var errors: [String: String] = [:]

    init() {}

    /// After a standing that rests on a return submitted since the latest publication.
    static let provisionalNote = " (provisional: on this period's returns)"

    init(
        projectID: UUID, picture: DependencyPicture, suggestions: [DependencySuggestion] = [],
        returned: ReturnedForm?
    ) {
        (values, errors) = returned.state("dependency")
        self.suggestions = suggestions
        let names = picture.names
        func name(_ end: DependencyEnd) -> (name: String, projectID: UUID) {
            let project = names[end.projectID] ?? "?"
            return (end.milestone.map { "\(project): \($0)" } ?? project, end.projectID)
        }
        waitsOn = picture.stored.filter { $0.dependency.dependant.projectID == projectID }.map { item in
            Line(
                chain: [name(item.dependency.upstream), name(item.dependency.dependant)],
                risk: picture.riskByID[item.id].map {
                    $0.words + (picture.provisional.contains(item.id) ? Self.provisionalNote : "")
                }, removable: item.id)
        }
        let upstreamEnds = Set(
            picture.stored.map(\.dependency.upstream).filter { $0.projectID == projectID })
        for end in upstreamEnds.sorted(by: { ($0.milestone ?? "") < ($1.milestone ?? "") }) {
            for (waiting, chain) in picture.graph.downstream(of: end) {
                let last = MilestoneDependency(dependant: waiting, upstream: chain[chain.count - 2])
                let risk = picture.risks[waiting]?.first { $0.dependency == last }
                neededBy.append(Line(chain: chain.map(name), risk: risk.map(\.words), removable: nil))
            }
        }
        knockOns = picture.knockOns.values.filter { $0.end.projectID == projectID }
            .sorted { ($0.end.milestone ?? "") < ($1.end.milestone ?? "") }
            .map {
                Line(
                    chain: $0.chain.map(name),
                    risk: $0.origin.words
                        + (picture.isProvisional($0.origin) ? Self.provisionalNote : ""),
                    removable: nil)
            }
    }

}

enum DependencyViews {
    /// What a standing is judged on, for the pages that show one.
    static let judged =
        "Judged on the dates of the latest published period and its slip forecast (for those who write or review "
        + "returns, also on the returns submitted since, marked provisional): a dependency is at risk when what it "
        + "waits on is due after it is needed, or is likely to slip with under a month to spare."

    /// An end named, its project linked.
    static func endLink(_ end: DependencyEnd, names: [UUID: String]) -> HTMLNode {
        link(Link.project(project: end.projectID).path, DependencyPicture.name(end, names: names))
    }

    /// A dependency at risk in a list: what waits, on what, and why it is at risk.
    static func riskItem(_ atRisk: DependencyPicture.AtRisk) -> HTMLNode {
        let dependency = atRisk.item.dependency
        return el(
            "li", [],
            [
                link(Link.project(project: dependency.dependant.projectID).path, atRisk.item.dependantName),
                txt(dependency.dependant.milestone.map { ": \($0)" } ?? " (the project as a whole)"),
                txt(" waits on \(atRisk.item.upstreamName): \(dependency.upstream.milestone ?? ""). "),
                el("strong", text: atRisk.risk.words),
            ] + (atRisk.provisional ? [txt(" "), provisionalMark] : []))
    }

    /// Beside a standing that rests on a return submitted since the latest publication.
    static var provisionalMark: HTMLNode {
        el(
            "span", [("class", "provisional")], text: "(provisional: on this period's returns, not yet published)")
    }

    /// A milestone dated as another event, with a button to link it to each milestone it may mean.
    static func suggestion(_ suggestion: DependencySuggestion, canLink: Bool, csrf: String) -> HTMLNode {
        let dependant = suggestion.dependant
        return el(
            "li", [],
            [
                link(Link.project(project: dependant.projectID).path, suggestion.dependantName),
                txt(": \(dependant.milestone ?? "") is dated “\(suggestion.written)”. It may mean:"),
                el(
                    "ul", [],
                    suggestion.candidates.map { candidate in
                        var item: [HTMLNode] = [
                            link(Link.project(project: candidate.projectID).path, candidate.projectName),
                            txt(": \(candidate.milestone) "),
                        ]
                        if canLink {
                            item.append(
                                postForm(
                                    Link.projectDependencies(project: dependant.projectID).path, csrf: csrf,
                                    class: "inline no-print",
                                    [
                                        hidden("milestone", dependant.milestone ?? ""),
                                        hidden("upstreamProject", candidate.projectHandle),
                                        hidden("upstreamMilestone", candidate.milestone),
                                        button("Link", class: "link-button"),
                                    ]))
                        }
                        return el("li", [], item)
                    }),
            ])
    }

    static func hidden(_ name: String, _ value: String) -> HTMLNode {
        el("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    static func section(
        _ model: ProjectDependencies, projectID: UUID, milestones: [String], canEdit: Bool, csrf: String
    ) -> [HTMLNode] {
        guard canEdit || !model.waitsOn.isEmpty || !model.neededBy.isEmpty || !model.suggestions.isEmpty else {
            return []
        }
        var nodes: [HTMLNode] = [el("h2", [("id", "dependencies")], text: "Dependencies")]
        nodes.append(
            el("p", [("class", "hint")], text: judged))
        nodes.append(el("h3", text: "Waits on"))
        nodes.append(
            model.waitsOn.isEmpty
                ? el("p", text: "Nothing recorded.")
                : list(model.waitsOn, projectID: projectID, canEdit: canEdit, csrf: csrf))
        nodes.append(el("h3", text: "Needed by"))
        nodes.append(
            model.neededBy.isEmpty
                ? el("p", text: "Nothing waits on this project.")
                : list(model.neededBy, projectID: projectID, canEdit: false, csrf: csrf))
        if !model.knockOns.isEmpty {
            nodes.append(el("h3", text: "At risk through others"))
            nodes.append(list(model.knockOns, projectID: projectID, canEdit: false, csrf: csrf))
        }
        if !model.suggestions.isEmpty {
            nodes.append(el("h3", text: "Dates written as another event"))
            nodes.append(
                el(
                    "ul", [("class", "dependency-list")],
                    model.suggestions.map { suggestion($0, canLink: canEdit, csrf: csrf) }))
        }
        if canEdit { nodes.append(form(model, projectID: projectID, milestones: milestones, csrf: csrf)) }
        return nodes
    }

    static func list(
        _ lines: [ProjectDependencies.Line], projectID: UUID, canEdit: Bool, csrf: String
    ) -> HTMLNode {
        el(
            "ul", [("class", "dependency-list")],
            lines.map { line in
                // Each end of another project links to its page.
                var body: [HTMLNode] = line.chain.enumerated().flatMap { index, end -> [HTMLNode] in
                    [
                        index == 0 ? txt("") : txt(" → "),
                        end.projectID == projectID
                            ? txt(end.name) : link(Link.project(project: end.projectID).path, end.name),
                    ]
                }
                if let risk = line.risk { body += [txt(". "), el("strong", text: risk)] }
                if canEdit, let id = line.removable {
                    body.append(
                        postForm(
                            Link.removeDependency(project: projectID, item: id).path, csrf: csrf, class: "inline",
                            [button("Remove", class: "link-button")]))
                }
                return el("li", [], body)
            })
    }

    static func form(
        _ model: ProjectDependencies, projectID: UUID, milestones: [String], csrf: String
    ) -> HTMLNode {
        postForm(
            Link.projectDependencies(project: projectID).path, csrf: csrf, class: "no-print",
            [
                el("h3", text: "Add a dependency"),
                FormViews.errorSummary(
                    model.errors, order: ["milestone", "upstreamProject", "upstreamMilestone"]),
                FormViews.select(
                    "milestone", label: "What waits", options: milestones, selected: model.values["milestone"] ?? "",
                    errors: model.errors, blank: "The project as a whole"),
                FormViews.textField(
                    "upstreamProject", label: "On the project", hint: "Its reference or title, in this portfolio",
                    value: model.values["upstreamProject"] ?? "", errors: model.errors),
                FormViews.textField(
                    "upstreamMilestone", label: "Milestone", hint: "Its title, as that project reports it",
                    value: model.values["upstreamMilestone"] ?? "", errors: model.errors),
                el("div", [("class", "actions")], [button("Add dependency", class: "button secondary")]),
            ])
    }
}
