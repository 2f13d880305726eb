import Foundation

// What each register's forms send, as typed drafts: the keys are the forms' field names (and the API's).
// Choices stay text here and are read with `init(chosen:field:_:)`, so an unknown one is a field's error.

/// A glossary entry, or (with `action` "delete") its removal.
public struct GlossaryEntryDraft: Codable, Hashable, Sendable {
    @FormText public var abbreviation: String
    @FormText public var expansion: String
    public var action: String?
    /// "yes" when the PMO ticked the box confirming a deletion.
    public var confirm: String?

    public var isRemoval: Bool { action == "delete" }

    /// A deletion is done only when confirmed, so a slip of the mouse loses nothing.
    public func removalErrors(of abbreviation: String) -> [String: String] {
        confirm == "yes" ? [:] : ["confirm": "Tick the box to confirm that \(abbreviation) should be deleted."]
    }
}

/// A new risk register: its scale and, optionally, the scores from which a risk is Amber and Red.
public struct RiskRegisterDraft: Codable, Hashable, Sendable {
    @FormText public var name: String
    @FormText public var scale: String
    @FormText public var amberFrom: String
    @FormText public var redFrom: String

    /// Both thresholds as whole numbers, or neither.
    public func bands() throws(DomainError) -> RiskBands? {
        let amber = amberFrom.trimmingCharacters(in: .whitespaces), red = redFrom.trimmingCharacters(in: .whitespaces)
        if amber.isEmpty && red.isEmpty { return nil }
        guard let a = Int(amber), let r = Int(red) else {
            throw .invalid(["amberFrom": "Give both scores as whole numbers, or neither."])
        }
        return RiskBands(amberFrom: a, redFrom: r)
    }
}

/// A risk, new or changed.
public struct RiskDraft: Codable, Hashable, Sendable {
    @FormText public var section: String
    public var level: String?
    @FormText public var scope: String
    @FormText public var description: String
    @FormText public var severity: String
    @FormText public var likelihood: String
    @FormText public var mitigation: String
    @FormText public var owner: String
    @FormText public var references: String
    public var status: String?
    @FormText public var reviewDate: String
    public var baseVersion: String?

    public func input() throws(DomainError) -> RiskInput {
        RiskInput(
            section: section, level: try RiskLevel(chosen: level, field: "level", "Choose the risk's level."),
            scope: scope, description: description, severity: severity, likelihood: likelihood,
            mitigation: mitigation, owner: owner, references: references,
            status: try RiskStatus(chosen: status, field: "status", "Choose the risk's status."), reviewDate: reviewDate
        )
    }
}

/// A key deliverable, new or changed. Years are written "2017/18, 2018/19".
public struct DeliverableDraft: Codable, Hashable, Sendable {
    @FormText public var programme: String
    @FormText public var workstream: String
    @FormText public var title: String
    @FormText public var years: String
    public var status: String?
    public var baseVersion: String?

    public var yearList: [String] {
        years.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A meeting of a committee. Members are one per line.
public struct MeetingDraft: Codable, Hashable, Sendable {
    @FormText public var committee: String
    @FormText public var date: String
    @FormText public var time: String
    @FormText public var venue: String
    @FormText public var members: String
    public var forwardPlan: String?
    public var portfolio: String?

    public var memberList: [String] { nonBlankLines(members) }
    public var isForwardPlan: Bool { forwardPlan == "1" }
}

/// An item on a meeting's agenda.
public struct AgendaItemDraft: Codable, Hashable, Sendable {
    @FormText public var number: String
    @FormText public var title: String
    @FormText public var organisation: String
    @FormText public var format: String
    public var purpose: String?
    @FormText public var raisedBy: String
    @FormText public var pages: String

    public func item() throws(DomainError) -> AgendaItem {
        AgendaItem(
            number: number, title: title, organisation: organisation,
            format: format.isEmpty
                ? nil : try AgendaFormat(chosen: format, field: "format", "Choose the item's format."),
            purpose: try AgendaPurpose(chosen: purpose, field: "purpose", "Choose the item's purpose."),
            raisedBy: raisedBy, pages: pages)
    }
}

/// An action from a meeting.
public struct MeetingActionDraft: Codable, Hashable, Sendable {
    @FormText public var description: String
    @FormText public var owner: String
    @FormText public var due: String
}

/// What an agenda item came to: the outcome and its resolutions, one per line.
public struct ItemOutcomeDraft: Codable, Hashable, Sendable {
    @FormText public var outcome: String
    @FormText public var resolutions: String

    public var resolutionList: [String] { nonBlankLines(resolutions) }
}

/// An outcome measure.
public struct OutcomeMeasureDraft: Codable, Hashable, Sendable {
    @FormText public var name: String
    @FormText public var programme: String
    @FormText public var unit: String
    public var direction: String?
    @FormText public var baseline: String
    @FormText public var target: String
    @FormText public var targetDate: String
}

/// A measure's actual or trajectory for a period.
public struct OutcomeValueDraft: Codable, Hashable, Sendable {
    @FormText public var period: String
    public var kind: String?
    @FormText public var value: String
}

/// A prioritisation: its name and criteria, one per line, "Name" or "Name: weight".
public struct PrioritisationDraft: Codable, Hashable, Sendable {
    @FormText public var name: String
    @FormText public var criteria: String
    public var portfolio: String?

    public func criteriaList() throws(DomainError) -> [Criterion] {
        var list: [Criterion] = []
        for line in criteria.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { continue }
            if parts.count == 1 {
                list.append(Criterion(name: name, weight: 1))
                continue
            }
            guard let weight = Double(parts[1]) else {
                throw .invalid(["criteria": "“\(line)”: write a weight as a number after the colon, e.g. “Quality: 2”."]
                )
            }
            list.append(Criterion(name: name, weight: weight))
        }
        return list
    }
}

/// A funding round and its envelope.
public struct FundingRoundDraft: Codable, Hashable, Sendable {
    @FormText public var name: String
    @FormText public var envelopeLabel: String
    @FormText public var envelope: String
    public var portfolio: String?
}

/// An allocation from a funding round.
public struct AllocationDraft: Codable, Hashable, Sendable {
    @FormText public var label: String
    @FormText public var amount: String
    @FormText public var comment: String
}

/// The portfolio whose board papers show a register's entry ("none" for no paper).
public struct RegisterPortfolioDraft: Codable, Hashable, Sendable {
    public var portfolio: String?
}

/// A business case's name and its rating against each criterion: the form sends one `rating-<criterion>` field per
/// criterion of the prioritisation.
public struct BusinessCaseDraft: Codable, Hashable, Sendable {
    public var name: String
    public var baseVersion: String?
    /// Criterion name → the rating chosen.
    public var ratings: [String: String]

    static let ratingPrefix = "rating-"

    public init(name: String, baseVersion: String? = nil, ratings: [String: String]) {
        self.name = name
        self.baseVersion = baseVersion
        self.ratings = ratings
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FormFieldKey.self)
        name = try container.decodeIfPresent(String.self, forKey: FormFieldKey("name")) ?? ""
        baseVersion = try container.decodeIfPresent(String.self, forKey: FormFieldKey("baseVersion"))
        var ratings: [String: String] = [:]
        for key in container.allKeys where key.stringValue.hasPrefix(Self.ratingPrefix) {
            ratings[String(key.stringValue.dropFirst(Self.ratingPrefix.count))] = try container.decode(
                String.self, forKey: key)
        }
        self.ratings = ratings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FormFieldKey.self)
        try container.encode(name, forKey: FormFieldKey("name"))
        try container.encodeIfPresent(baseVersion, forKey: FormFieldKey("baseVersion"))
        for (criterion, rating) in ratings {
            try container.encode(rating, forKey: FormFieldKey(Self.ratingPrefix + criterion))
        }
    }
}
