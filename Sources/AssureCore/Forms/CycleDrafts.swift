import Foundation

// What the monthly cycle's forms send (publish, re-open, review, a person's address) and the portfolio structure's
// (portfolio, programme, project, the checks), as typed drafts. Keys are the forms' field names.

/// Publishing a period: what happens to missing returns, and whether the PMO's findings go with the period.
public struct PublishDraft: Codable, Hashable, Sendable {
    public var missing: String?
    public var findings: String?

    /// Carry forward or block; showing gaps as "no return" is only for loading history.
    public func policy() throws(DomainError) -> MissingReturnPolicy {
        guard let missing, let policy = MissingReturnPolicy(rawValue: missing), policy != .showAsMissing else {
            throw .invalid([
                "missing": "Choose what happens to returns that are not in: carry them forward, or do not publish."
            ])
        }
        return policy
    }

    public var publishesFindings: Bool { findings == "publish" }
}

/// Re-opening a published period, with the reason the audit log keeps.
public struct ReopenDraft: Codable, Hashable, Sendable {
    @FormText public var reason: String
}

/// A review of a submitted return: approve or return for changes, with a comment.
public struct ReviewDraft: Codable, Hashable, Sendable {
    public var action: String?
    @FormText public var comment: String
    public var version: String?

    /// The review chosen, or nil when the form sent something that is not a review.
    public var reviewAction: ReturnAction? {
        action.flatMap(ReturnAction.init(rawValue:)).flatMap { $0.isReview ? $0 : nil }
    }
}

/// A person's email address, for chasers and alerts.
public struct EmailDraft: Codable, Hashable, Sendable {
    @FormText public var email: String
}

/// A new portfolio and its rating scale.
public struct PortfolioDraft: Codable, Hashable, Sendable {
    @FormText public var name: String
    public var scale: String?
}

/// A new programme of a portfolio.
public struct ProgrammeDraft: Codable, Hashable, Sendable {
    @FormText public var name: String
    public var kind: String?
    public var clinicalLead: String?
    public var headOfService: String?
}

/// A project, new (under a programme, optionally under a parent project) or changed.
public struct ProjectDraft: Codable, Hashable, Sendable {
    public var programme: String?
    public var parent: String?
    public var reference: String?
    @FormText public var title: String
    public var sro: String?
    public var lead: String?
    public var baseVersion: String?

    public var hasParent: Bool { parent?.isEmpty == false }
}

/// The portfolio's assurance checks and chaser timing: a ticked box arrives as `on-<check>=1`, an unticked one is
/// simply absent.
public struct ChecksDraft: Codable, Hashable, Sendable {
    public var switchedOn: Set<String>
    public var chaseDaysBefore: String

    public init(switchedOn: Set<String>, chaseDaysBefore: String) {
        self.switchedOn = switchedOn
        self.chaseDaysBefore = chaseDaysBefore
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FormFieldKey.self)
        switchedOn = Set(
            container.allKeys.map(\.stringValue).filter { $0.hasPrefix("on-") }.map { String($0.dropFirst(3)) })
        chaseDaysBefore = try container.decodeIfPresent(String.self, forKey: FormFieldKey("chaseDaysBefore")) ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FormFieldKey.self)
        for check in switchedOn { try container.encode("1", forKey: FormFieldKey("on-" + check)) }
        try container.encode(chaseDaysBefore, forKey: FormFieldKey("chaseDaysBefore"))
    }

    /// The box named "on-require-update": refuse a submission with no update.
    public static let requireUpdateBox = "require-update"
    public var requiresUpdate: Bool { switchedOn.contains(Self.requireUpdateBox) }
    /// The box named "on-slip-forecast": show milestones likely to slip.
    public static let slipForecastBox = "slip-forecast"
    public var showsSlipForecast: Bool { switchedOn.contains(Self.slipForecastBox) }

    /// The checks the PMO switched off: every one that may be switched off and was not ticked.
    public var switchedOff: Set<Flag.Kind> {
        Set(Flag.Kind.allCases.filter { $0.canBeSwitchedOff && !switchedOn.contains($0.rawValue) })
    }

    /// Days before the deadline to chase, or nil when left blank.
    public func daysBefore() throws(DomainError) -> Int? {
        let days = chaseDaysBefore.trimmingCharacters(in: .whitespaces)
        if days.isEmpty { return nil }
        guard let number = Int(days) else {
            throw .invalid(["chaseDaysBefore": "Write a number of days, or leave it blank."])
        }
        return number
    }
}

/// A dependency added on a project's page: one of its milestones (or, blank, the project as a whole) waits on a
/// milestone of another project, named by its reference or title.
public struct DependencyDraft: Codable, Hashable, Sendable {
    @FormText public var milestone: String
    @FormText public var upstreamProject: String
    @FormText public var upstreamMilestone: String

    public init(milestone: String, upstreamProject: String, upstreamMilestone: String) {
        self.milestone = milestone
        self.upstreamProject = upstreamProject
        self.upstreamMilestone = upstreamMilestone
    }
}
