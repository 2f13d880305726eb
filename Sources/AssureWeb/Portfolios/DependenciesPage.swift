import AssureCore
import AssureStorage
import Foundation
import Plot

/// A portfolio's dependencies: a map per programme, what is at risk and what that knocks on to, every dependency, and
/// the dates written as another event ("Dependant on …") offered as links.
struct DependenciesPageModel: Sendable {
    struct ProgrammeMap: Sendable {
        let programme: ProgrammeInfo
        let map: DependencyMap
    }

    let portfolio: PortfolioSummary
    /// Every programme with a dependency at either end, for choosing one.
    let programmes: [ProgrammeInfo]
    /// The one chosen, or nil for all.
    let chosen: UUID?
    let maps: [ProgrammeMap]
    let picture: DependencyPicture
    let suggestions: [DependencySuggestion]
    /// The projects whose dependencies the reader may record.
    let linkable: Set<UUID>

    init(
        portfolio: PortfolioSummary, programmes all: [ProgrammeInfo], chosen: UUID?, picture: DependencyPicture,
        suggestions: [DependencySuggestion], linkable: Set<UUID>
    ) {
        self.portfolio = portfolio
        self.chosen = chosen
        self.picture = picture
        self.suggestions = suggestions
        self.linkable = linkable
        let touched = Set(picture.stored.flatMap { [$0.dependantProgrammeID, $0.upstreamProgrammeID] })
        programmes = all.filter { touched.contains($0.id) }
        var programmeOf: [UUID: UUID] = [:]
        for item in picture.stored {
            programmeOf[item.dependency.dependant.projectID] = item.dependantProgrammeID
            programmeOf[item.dependency.upstream.projectID] = item.upstreamProgrammeID
        }
        let names = picture.names
        let risks = picture.atRisk.map(\.risk)
        maps = programmes.filter { chosen == nil || $0.id == chosen }.map { programme in
            ProgrammeMap(
                programme: programme,
                map: DependencyMap(
                    picture.graph.dependencies, names: names, inProgramme: { programmeOf[$0] == programme.id },
                    risks: risks, knockOns: picture.knockOns))
        }
    }
}

enum DependenciesPage {
    static func render(_ model: DependenciesPageModel, _ context: PageContext) -> String {
        var context = context
        let portfolio = model.portfolio.info
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path), (portfolio.name, Link.portfolio(portfolio: portfolio.id).path),
        ]
        let page = Link.portfolioDependencies(portfolio: portfolio.id).path
        var nodes: [HTMLNode] = [
            el("h1", text: "Dependencies"),
            el(
                "p", [("class", "hint")],
                text: DependencyViews.judged + " What waits on a dependant at risk is at risk through it. "
                    + "Dependencies are recorded on the waiting project's page."),
        ]
        if model.picture.stored.isEmpty {
            nodes.append(el("p", text: "No dependency is recorded in \(portfolio.name)."))
        } else {
            if model.programmes.count > 1 {
                var choices: [HTMLNode] = [
                    model.chosen == nil ? el("strong", text: "All programmes") : link(page, "All programmes")
                ]
                for programme in model.programmes {
                    choices.append(txt(" · "))
                    choices.append(
                        model.chosen == programme.id
                            ? el("strong", text: programme.name)
                            : link(page + "?programme=\(programme.id.uuidString)", programme.name))
                }
                nodes.append(el("p", [("class", "no-print")], choices))
            }
            for item in model.maps {
                nodes.append(el("h2", text: item.programme.name))
                nodes.append(
                    el(
                        "div", [("class", "map-scroll")],
                        [DependencyMapSVG.render(item.map, title: "Dependencies of \(item.programme.name)")]))
            }
            nodes.append(legend())
            nodes += atRisk(model.picture)
            nodes.append(el("h2", text: "Every dependency"))
            nodes.append(table(model.picture))
        }
        nodes += suggestions(model, csrf: context.csrf)
        return Layout.render(context, nodes)
    }

    static func legend() -> HTMLNode {
        el(
            "p", [("class", "hint")],
            text: "Arrows point from what is waited on to what waits. Red: at risk; amber: at risk through what it "
                + "waits on; dashed: a project of another programme. Each box opens its project.")
    }

    static func atRisk(_ picture: DependencyPicture) -> [HTMLNode] {
        let knockOns = picture.knockOns.values.sorted { $0.chain.count < $1.chain.count }
        guard !picture.atRisk.isEmpty || !knockOns.isEmpty else {
            return [el("h2", text: "At risk"), el("p", text: "No dependency is at risk.")]
        }
        let names = picture.names
        return [
            el("h2", text: "At risk"),
            el(
                "ul", [("class", "dependency-list")],
                picture.atRisk.map(DependencyViews.riskItem)
                    + knockOns.map { knockOn in
                        el(
                            "li", [],
                            [
                                DependencyViews.endLink(knockOn.end, names: names),
                                txt(" is at risk through "),
                                txt(
                                    knockOn.chain.map { DependencyPicture.name($0, names: names) }.joined(
                                        separator: " → ")),
                                txt(". "), el("strong", text: knockOn.origin.words),
                            ]
                                + (picture.isProvisional(knockOn.origin)
                                    ? [txt(" "), DependencyViews.provisionalMark] : []))
                    }),
        ]
    }

    static func table(_ picture: DependencyPicture) -> HTMLNode {
        let names = picture.names
        return el(
            "table", [("class", "data")],
            [
                el(
                    "thead", [],
                    [el("tr", [], ["What waits", "On", "Standing"].map { el("th", [("scope", "col")], text: $0) })]),
                el(
                    "tbody", [],
                    picture.stored.map { item in
                        el(
                            "tr", [],
                            [
                                el("td", [], [DependencyViews.endLink(item.dependency.dependant, names: names)]),
                                el("td", [], [DependencyViews.endLink(item.dependency.upstream, names: names)]),
                                el(
                                    "td",
                                    text: picture.riskByID[item.id].map {
                                        $0.words + (picture.provisional.contains(item.id) ? " (provisional)" : "")
                                    }
                                        ?? picture.knockOns[item.dependency.dependant].map {
                                            "At risk through what it waits on"
                                                + (picture.isProvisional($0.origin) ? " (provisional)" : "")
                                        } ?? "Clear"),
                            ])
                    }),
            ])
    }

    /// The dates written as another event, each with the milestones it may mean and a button to link each.
    static func suggestions(_ model: DependenciesPageModel, csrf: String) -> [HTMLNode] {
        guard !model.suggestions.isEmpty else { return [] }
        return [
            el("h2", [("id", "suggested")], text: "Dates written as another event"),
            el(
                "p", [("class", "hint")],
                text: "These milestones were reported with a date that names another event. Where one of the "
                    + "portfolio's milestones is that event, link them, and the dependency is judged from then on."),
            el(
                "ul", [("class", "dependency-list")],
                model.suggestions.map { suggestion in
                    DependencyViews.suggestion(
                        suggestion, canLink: model.linkable.contains(suggestion.dependant.projectID), csrf: csrf)
                }),
        ]
    }
}
