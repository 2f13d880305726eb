import Foundation

/// The governing-body paper's words as its form sends them: lists one item per line; the engagement section's
/// subsections start with a line "# Heading".
public struct PaperTextsDraft: Codable, Hashable, Sendable {
    public var meeting: String?
    public var baseVersion: String?
    @FormText public var title: String
    @FormText public var author: String
    @FormText public var sponsor: String
    @FormText public var purpose: String
    @FormText public var recommendation: String
    @FormText public var stakeholderEngagement: String
    @FormText public var previousCommittees: String
    @FormText public var strategicPrinciples: String
    @FormText public var initials: String
    @FormText public var introduction: String
    @FormText public var discussionItems: String
    @FormText public var decisionItems: String
    @FormText public var financeIntroduction: String
    @FormText public var engagement: String
    @FormText public var conclusion: String
    @FormText public var progress: String

    public var meetingID: UUID? { meeting.flatMap(UUID.init(uuidString:)) }

    /// The texts to save; the checklist is not on this form and stays as it was.
    public func texts(keeping old: PaperTexts) -> PaperTexts {
        PaperTexts(
            title: title, author: author, sponsor: sponsor, purpose: purpose, recommendation: recommendation,
            stakeholderEngagement: stakeholderEngagement, previousCommittees: previousCommittees,
            strategicPrinciples: nonBlankLines(strategicPrinciples), checklist: old.checklist, initials: initials,
            introduction: nonBlankLines(introduction), discussionItems: nonBlankLines(discussionItems),
            decisionItems: nonBlankLines(decisionItems), financeIntroduction: nonBlankLines(financeIntroduction),
            engagement: Self.subsections(engagement), conclusion: nonBlankLines(conclusion),
            progress: Self.subsections(progress).filter { !$0.paragraphs.isEmpty })
    }

    /// Lines as subsections: a line "# Heading" starts one, the lines after it are its paragraphs.
    static func subsections(_ text: String) -> [PaperSubsection] {
        var sections: [PaperSubsection] = []
        for line in nonBlankLines(text) {
            if line.hasPrefix("# ") {
                sections.append(PaperSubsection(heading: String(line.dropFirst(2)), paragraphs: []))
            } else if sections.isEmpty {
                sections.append(PaperSubsection(heading: "", paragraphs: [line]))
            } else {
                sections[sections.count - 1].paragraphs.append(line)
            }
        }
        return sections
    }
}
