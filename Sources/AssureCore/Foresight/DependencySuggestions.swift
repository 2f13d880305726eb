import Foundation

/// A milestone dated as another event ("Dependant on NHSE Stage II"), not yet linked, with the milestones of other
/// projects that event may be: what an import or a return wrote as a date, offered to the PMO as a dependency.
public struct DependencySuggestion: Sendable, Hashable {
    public struct Candidate: Sendable, Hashable {
        public let projectID: UUID
        /// The project's reference and title, as readers name it.
        public let projectName: String
        /// What a person types to name the project: its reference, or its title where it has none.
        public let projectHandle: String
        public let milestone: String

        public init(projectID: UUID, reference: String?, title: String, milestone: String) {
            self.projectID = projectID
            projectName = [reference, title].compactMap { $0 }.joined(separator: " ")
            projectHandle = reference ?? title
            self.milestone = milestone
        }

        public var upstream: DependencyEnd { DependencyEnd(projectID: projectID, milestone: milestone) }
    }

    public let dependant: DependencyEnd
    /// The waiting project's reference and title.
    public let dependantName: String
    /// The date as written, "Dependant on NHSE Stage II".
    public let written: String
    /// The event it names, "NHSE Stage II".
    public let event: String
    /// Best first: those naming every word of the event before those naming most of it.
    public let candidates: [Candidate]
}

/// A milestone as reported, with its date as written.
public struct WrittenMilestone: Sendable, Hashable {
    public let projectID: UUID
    public let title: String
    public let dateText: String

    public init(projectID: UUID, title: String, dateText: String) {
        self.projectID = projectID
        self.title = title
        self.dateText = dateText
    }
}

public enum DependencySuggestions {
    /// At most this many candidates offered for one milestone.
    public static let offered = 3

    /// At most this many milestones dated as another event are matched in one call (the first, in the order given):
    /// an import that dates ten thousand milestones so must not make a page match each against every milestone.
    public static let matchedAtOnce = 500

    /// For each milestone in `written` whose date names another event and that waits on nothing yet (the first
    /// `matchedAtOnce`), the milestones of other projects whose project and title together name at least two thirds of
    /// the event's words. Words are compared without case, ignoring "and", "of", "the" and the like; nothing is
    /// guessed from fewer. Candidates are found through an index of their words, so the work is in proportion to the
    /// words shared, not to every pair.
    public static func suggest(
        written: [WrittenMilestone], milestones: [DependencySuggestion.Candidate], recorded: DependencyGraph
    ) -> [DependencySuggestion] {
        let waiting = Set(recorded.dependencies.map(\.dependant))
        var names: [UUID: String] = [:]
        for milestone in milestones where names[milestone.projectID] == nil {
            names[milestone.projectID] = milestone.projectName
        }
        let titled = milestones.map { words($0.milestone) }
        var byWord: [String: [Int]] = [:]
        for (index, candidate) in milestones.enumerated() {
            for word in words(candidate.projectName + " " + candidate.milestone) {
                byWord[word, default: []].append(index)
            }
        }
        let dated = written.lazy.compactMap { milestone -> (DependencyEnd, WrittenMilestone, String)? in
            let end = DependencyEnd(projectID: milestone.projectID, milestone: milestone.title)
            guard let event = DateTextParser.event(dependedOn: milestone.dateText), !waiting.contains(end),
                !waiting.contains(DependencyEnd(projectID: milestone.projectID, milestone: nil))
            else { return nil }
            return (end, milestone, event)
        }.prefix(matchedAtOnce)
        return dated.compactMap { end, milestone, event -> DependencySuggestion? in
            let sought = words(event)
            guard !sought.isEmpty else { return nil }
            var found: [Int: Int] = [:]
            for word in sought { for index in byWord[word] ?? [] { found[index, default: 0] += 1 } }
            let scored = found.sorted { $0.key < $1.key }.compactMap {
                index, count -> (DependencySuggestion.Candidate, Int, Int)? in
                let candidate = milestones[index]
                guard candidate.projectID != milestone.projectID, count * 3 >= sought.count * 2 else { return nil }
                return (candidate, count, sought.intersection(titled[index]).count)
            }
            guard !scored.isEmpty else { return nil }
            let best = scored.sorted { a, b in
                (a.1, a.2, b.0.projectName, b.0.milestone) > (b.1, b.2, a.0.projectName, a.0.milestone)
            }
            return DependencySuggestion(
                dependant: end, dependantName: names[end.projectID] ?? "?", written: milestone.dateText, event: event,
                candidates: Array(best.prefix(offered).map(\.0)))
        }
    }

    private static let ignored: Set<String> = [
        "a", "an", "and", "by", "for", "in", "of", "on", "the", "to", "with",
    ]

    /// The words of a name, lower-cased, without punctuation or the words every name has.
    static func words(_ text: String) -> Set<String> {
        Set(
            text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
                .filter { !ignored.contains($0) })
    }
}
