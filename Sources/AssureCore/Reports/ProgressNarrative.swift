import Foundation

/// The board paper's "Portfolio progress" section drafted from a period and the one before it, for the PMO to edit
/// instead of write: per programme, short sentences in the paper's register ("Two projects declined to Amber: …"),
/// each naming the projects it came from. Deterministic: the same two periods always give the same words.
public struct ProgressNarrative: Sendable, Hashable {
    /// What a sentence reports, so that a reader (or a test) can tell the sentences apart without reading them.
    public enum Topic: String, Sendable, Hashable, CaseIterable {
        case declined, improved, mitigation, added, closed, milestoneMoved, carriedForward, exceptions, noChange
    }

    public struct Sentence: Sendable, Hashable {
        public let topic: Topic
        public let text: String
        /// What the sentence lists after its colon, one item a source ("PCBC (from Amber)").
        public let items: [String]
        /// The projects the sentence is about, in the order it names them: each links to its row.
        public let sources: [ProjectInfo]

        /// The text in pieces, each project's title a piece of its own: a page links each to the project's row.
        public let segments: [Segment]

        public struct Segment: Sendable, Hashable {
            public let text: String
            /// The project this piece names, when it is a project's title.
            public let project: ProjectInfo?
        }

        /// "Lead: A, B and C." — the lead, then the items, each about the source in the same place.
        init(_ topic: Topic, _ lead: String, items: [String], sources: [ProjectInfo]) {
            self.topic = topic
            self.items = items
            self.sources = sources
            var segments = [Segment(text: lead + ": ", project: nil)]
            let separators = ProgressNarrative.separators(items)
            for (index, (item, project)) in zip(items, sources).enumerated() {
                if index > 0 { segments.append(Segment(text: separators[index - 1], project: nil)) }
                if let title = item.range(of: project.title) {
                    segments += [
                        Segment(text: String(item[..<title.lowerBound]), project: nil),
                        Segment(text: project.title, project: project),
                        Segment(text: String(item[title.upperBound...]), project: nil),
                    ]
                } else {
                    segments.append(Segment(text: item, project: nil))
                }
            }
            segments.append(Segment(text: ".", project: nil))
            self.segments = segments.filter { !$0.text.isEmpty }
            text = self.segments.map(\.text).joined()
        }

        /// A sentence as it is, with no list: a mitigation quoted, or "no change".
        init(_ topic: Topic, text: String, sources: [ProjectInfo]) {
            self.topic = topic
            self.text = text
            items = []
            self.sources = sources
            segments = [Segment(text: text, project: nil)]
        }
    }

    public struct Paragraph: Sendable, Hashable {
        public let programme: String
        public let sentences: [Sentence]
    }

    public let from: PeriodInfo
    public let to: PeriodInfo
    public let paragraphs: [Paragraph]

    /// A milestone as the narrative counts its moves: its project and title.
    public struct MilestoneRef: Sendable, Hashable {
        public let projectID: UUID
        public let title: String

        public init(projectID: UUID, title: String) {
            self.projectID = projectID
            self.title = title
        }
    }

    /// The draft for `report` (the later period), from its comparison with the period before. `timesMoved`: how many
    /// times each moved milestone's date has moved since it was first reported, this move included; a milestone moved
    /// more than once says so ("(moved 3 times)").
    public init(
        _ report: PeriodReport, changes comparison: ChangesReport.Comparison, timesMoved: [MilestoneRef: Int] = [:]
    ) {
        from = comparison.from
        to = comparison.to
        let byProgramme = Dictionary(grouping: comparison.changes, by: \.programme)
        var names = report.programmes.map(\.programme.name)
        // A programme of the earlier period only (all its projects closed) still gets its paragraph.
        for change in comparison.changes where !names.contains(change.programme) { names.append(change.programme) }
        paragraphs = names.map { name in
            let rows = report.programmes.first { $0.programme.name == name }?.projects ?? []
            return Paragraph(
                programme: name,
                sentences: Self.sentences(
                    byProgramme[name] ?? [], rows: rows, since: comparison.from, timesMoved: timesMoved))
        }
    }

    static func sentences(
        _ changes: [ChangesReport.Change], rows: [ProjectRow], since: PeriodInfo,
        timesMoved: [MilestoneRef: Int] = [:]
    ) -> [Sentence] {
        var sentences: [Sentence] = []
        for kind in [ChangesReport.Change.Kind.declined, .improved] {
            let moved = changes.filter { $0.kind == kind }
            // One sentence per rating arrived at, worst first for declines and best first for improvements.
            let ratings = orderedRatings(moved, worstFirst: kind == .declined)
            for rating in ratings {
                let these = moved.filter { label($0) == rating }
                // A scale's "Complete" is reached, not improved to.
                let lead =
                    rating.lowercased().hasPrefix("complete")
                    ? "\(count(these.count, "project")) completed"
                    : "\(count(these.count, "project")) \(kind == .declined ? "declined" : "improved") to \(rating)"
                sentences.append(
                    Sentence(
                        kind == .declined ? .declined : .improved, lead,
                        items: these.map { "\($0.project.title) (from \($0.was ?? "not rated"))" },
                        sources: these.map(\.project)))
            }
            if kind == .declined {
                for change in moved {
                    guard let row = rows.first(where: { $0.project.id == change.project.id }) else { continue }
                    let mitigation = row.mitigation.trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !mitigation.isEmpty else { continue }
                    sentences.append(
                        Sentence(
                            .mitigation, text: "Mitigation for \(change.project.title): \(mitigation)",
                            sources: [change.project]))
                }
            }
        }
        let moves = changes.filter { $0.kind == .milestoneMoved }
        if !moves.isEmpty {
            let later = moves.filter { ($0.days ?? 0) > 0 }.count
            let summary =
                later == moves.count
                ? "\(count(moves.count, "milestone")) slipped"
                : later == 0
                    ? "\(count(moves.count, "milestone")) brought forward"
                    : "\(count(moves.count, "milestone")) moved (\(later) later, \(moves.count - later) earlier)"
            sentences.append(
                Sentence(
                    .milestoneMoved, summary,
                    items: moves.map { move in
                        let days = move.days ?? 0
                        let by = "\(count(abs(days), "day").lowercased()) \(days > 0 ? "later" : "earlier")"
                        let title = move.milestone ?? ""
                        let times = timesMoved[MilestoneRef(projectID: move.project.id, title: title)] ?? 0
                        return "“\(title)” (\(move.project.title)) \(by)" + (times > 1 ? " (moved \(times) times)" : "")
                    },
                    sources: moves.map(\.project)))
        }
        for (kind, topic, words) in [
            (ChangesReport.Change.Kind.added, Topic.added, "new since \(since.label)"),
            (.closed, .closed, "closed or removed since \(since.label)"),
        ] {
            let these = changes.filter { $0.kind == kind }
            guard !these.isEmpty else { continue }
            sentences.append(
                Sentence(
                    topic, "\(count(these.count, "project")) \(words)", items: these.map(\.project.title),
                    sources: these.map(\.project)))
        }
        let carried = rows.filter { $0.notUpdatedWords != nil }
        if !carried.isEmpty {
            sentences.append(
                Sentence(
                    .carriedForward, "\(count(carried.count, "return")) carried forward, not updated this period",
                    items: carried.map(\.project.title), sources: carried.map(\.project)))
        }
        let flagged = rows.filter { !$0.allFlags.filter { $0.kind != .notUpdated }.isEmpty }
        if !flagged.isEmpty {
            sentences.append(
                Sentence(
                    .exceptions, "\(count(flagged.count, "project")) with open exceptions",
                    items: flagged.map { row in
                        let n = row.allFlags.filter { $0.kind != .notUpdated }.count
                        return n > 1 ? "\(row.project.title) (\(n))" : row.project.title
                    },
                    sources: flagged.map(\.project)))
        }
        if sentences.isEmpty {
            sentences.append(
                Sentence(
                    .noChange, text: "No rating, milestone date or project changed since \(since.label).", sources: []))
        }
        return sentences
    }

    /// The draft as the paper's form holds it: a subsection a programme, a paragraph a sentence.
    public var subsections: [PaperSubsection] {
        paragraphs.map { PaperSubsection(heading: $0.programme, paragraphs: $0.sentences.map(\.text)) }
    }

    static func label(_ change: ChangesReport.Change) -> String { change.rating?.label ?? "not rated" }

    /// The ratings the changes arrived at, in the scale's order (worst first, or best first).
    static func orderedRatings(_ changes: [ChangesReport.Change], worstFirst: Bool) -> [String] {
        var seen: [(label: String, rank: Int)] = []
        for change in changes where !seen.contains(where: { $0.label == label(change) }) {
            seen.append((label(change), change.rating?.rank ?? Int.min))
        }
        return seen.sorted { worstFirst ? $0.rank > $1.rank : $0.rank < $1.rank }.map(\.label)
    }

    /// "One project", "Two projects", … "Ten projects", then figures: the paper's way with small numbers.
    static func count(_ n: Int, _ noun: String) -> String {
        let words = ["No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]
        return (n < words.count ? words[n] : String(n)) + " " + noun + (n == 1 ? "" : "s")
    }

    /// What goes between the items of a list: "A, B and C"; items that have commas of their own are kept apart with
    /// semicolons.
    static func separators(_ items: [String]) -> [String] {
        guard items.count > 1 else { return [] }
        let separator = items.contains { $0.contains(",") } ? "; " : ", "
        return Array(repeating: separator, count: items.count - 2) + [" and "]
    }
}
