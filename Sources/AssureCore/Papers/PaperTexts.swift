import Foundation

/// The answer to one line of the cover sheet's assurance checklist.
public enum ChecklistAnswer: String, Codable, CaseIterable, Sendable {
    case yes = "Yes", yesDetail = "Yes Detail in report", no = "No"
}

public struct ChecklistLine: Codable, Hashable, Sendable {
    public var matter: String
    public var answer: ChecklistAnswer
    /// "Any action required?": the paper ticks the last column where none is.
    public var actionRequired: Bool

    public init(matter: String, answer: ChecklistAnswer, actionRequired: Bool = false) {
        self.matter = matter
        self.answer = answer
        self.actionRequired = actionRequired
    }
}

/// What a governing-body paper says beyond the returns: its cover sheet and the PMO's own sections. Saved per period
/// and meeting, editable until the paper goes to the meeting.
public struct PaperTexts: Codable, Hashable, Sendable {
    public var title: String
    public var author: String
    public var sponsor: String
    public var purpose: String
    public var recommendation: String
    public var stakeholderEngagement: String
    public var previousCommittees: String
    public var strategicPrinciples: [String]
    public var checklist: [ChecklistLine]
    public var initials: String
    public var introduction: [String]
    /// Items raised for discussion and for decision; empty says there are none.
    public var discussionItems: [String]
    public var decisionItems: [String]
    public var financeIntroduction: [String]
    /// Headings and paragraphs of the engagement update.
    public var engagement: [PaperSubsection]
    public var conclusion: [String]
    /// The PMO's summary of each programme's progress, printed before its returns in section 3, one subsection a
    /// programme (headed by its name). Nil until the PMO saves the paper with it: until then the form offers the
    /// summary drafted from the data (`ProgressNarrative`); saved empty, the section is the returns alone.
    public var progress: [PaperSubsection]? = nil

    public init(
        title: String, author: String, sponsor: String, purpose: String, recommendation: String,
        stakeholderEngagement: String,
        previousCommittees: String, strategicPrinciples: [String], checklist: [ChecklistLine], initials: String,
        introduction: [String],
        discussionItems: [String], decisionItems: [String], financeIntroduction: [String],
        engagement: [PaperSubsection], conclusion: [String], progress: [PaperSubsection]? = nil
    ) {
        self.title = title
        self.author = author
        self.sponsor = sponsor
        self.purpose = purpose
        self.recommendation = recommendation
        self.stakeholderEngagement = stakeholderEngagement
        self.previousCommittees = previousCommittees
        self.strategicPrinciples = strategicPrinciples
        self.checklist = checklist
        self.initials = initials
        self.introduction = introduction
        self.discussionItems = discussionItems
        self.decisionItems = decisionItems
        self.financeIntroduction = financeIntroduction
        self.engagement = engagement
        self.conclusion = conclusion
        self.progress = progress
    }

    /// Field → message: a paper needs a title, an author, a sponsor, a purpose and a recommendation.
    public func validate() -> [String: String] {
        var errors: [String: String] = [:]
        for (field, value, what) in [
            ("title", title, "a title"), ("author", author, "its author"),
            ("sponsor", sponsor, "its sponsoring Board member"),
            ("purpose", purpose, "its purpose"), ("recommendation", recommendation, "the recommendation"),
        ]
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors[field] = "Give \(what)."
        }
        return errors
    }
}

public struct PaperSubsection: Codable, Hashable, Sendable {
    public var heading: String
    public var paragraphs: [String]
    public init(heading: String, paragraphs: [String]) {
        self.heading = heading
        self.paragraphs = paragraphs
    }
}
