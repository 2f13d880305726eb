import AssureCore
import AssureStorage
import Foundation

/// One end of a dependency: a project's milestone, or (no milestone) the project as a whole.
package struct APIDependencyEnd: Codable, Sendable {
    let projectId: UUID
    let project: String
    let milestone: String?

    init(_ end: DependencyEnd, name: String) {
        projectId = end.projectID
        project = name
        milestone = end.milestone
    }
}

/// A dependency with how it stands on the latest published dates and slip forecast.
package struct APIDependency: Codable, Sendable {
    let id: UUID
    let dependant: APIDependencyEnd
    let upstream: APIDependencyEnd
    /// "clear", "at-risk" (what it waits on is due after it is needed, or likely to slip with under a month to spare)
    /// or "knock-on" (something it waits on, down a chain, is at risk).
    let standing: String
    /// Why, in words.
    let words: String?
    /// For a knock-on, the ends from the one at risk to this dependant, as readers name them.
    let chain: [String]?

    package init(_ item: StoredDependency, in picture: DependencyPicture) {
        id = item.id
        dependant = APIDependencyEnd(item.dependency.dependant, name: item.dependantName)
        upstream = APIDependencyEnd(item.dependency.upstream, name: item.upstreamName)
        if let risk = picture.riskByID[item.id] {
            (standing, words, chain) = ("at-risk", risk.words, nil)
        } else if let knockOn = picture.knockOns[item.dependency.dependant] {
            (standing, words) = ("knock-on", knockOn.origin.words)
            chain = knockOn.chain.map(picture.name)
        } else {
            (standing, words, chain) = ("clear", nil, nil)
        }
    }
}

/// A milestone dated as another event, with the milestones it may mean.
package struct APIDependencySuggestion: Codable, Sendable {
    let dependant: APIDependencyEnd
    /// The date as written: "Dependant on NHSE Stage II".
    let written: String
    let candidates: [APIDependencyEnd]

    init(_ suggestion: DependencySuggestion) {
        dependant = APIDependencyEnd(suggestion.dependant, name: suggestion.dependantName)
        written = suggestion.written
        candidates = suggestion.candidates.map { APIDependencyEnd($0.upstream, name: $0.projectName) }
    }
}

package struct APIDependencies: Codable, Sendable {
    /// The published period whose dates and forecast the dependencies are judged on; absent before any is published.
    let period: String?
    let dependencies: [APIDependency]
    let suggestions: [APIDependencySuggestion]

    package init(_ portfolio: PortfolioSummary, _ picture: DependencyPicture, suggestions: [DependencySuggestion]) {
        period = portfolio.latestPublished?.key
        dependencies = picture.stored.map { APIDependency($0, in: picture) }
        self.suggestions = suggestions.map(APIDependencySuggestion.init)
    }
}

/// A new dependency: the project's milestone (none for the project as a whole) waits on another project's milestone,
/// named by that project's reference or title and the milestone's title as reported.
package struct APIDependencyInput: Codable, Sendable {
    package let milestone: String?
    package let upstreamProject: String
    package let upstreamMilestone: String

    package var draft: DependencyDraft {
        DependencyDraft(
            milestone: milestone ?? "", upstreamProject: upstreamProject, upstreamMilestone: upstreamMilestone)
    }
}
