/// Where a project's return for a period stands in the monthly cycle.
public enum ReturnState: String, Codable, Sendable, CaseIterable {
    case notStarted = "not-started"
    case draft
    case submitted
    case approved
    case returnedForChanges = "returned-for-changes"
    /// Missing at publication: the last return was kept, marked "not updated this period".
    case carriedForward = "carried-forward"

    public var label: String {
        switch self {
        case .notStarted: "Not started"
        case .draft: "Draft"
        case .submitted: "Submitted"
        case .approved: "Approved"
        case .returnedForChanges: "Returned for changes"
        case .carriedForward: "Carried forward"
        }
    }

    /// In for publication: the lead has put it forward (or the PMO carried the last one forward).
    public var isIn: Bool { self == .submitted || self == .approved || self == .carriedForward }
}

/// What a person does to a return.
public enum ReturnAction: String, Codable, Sendable, CaseIterable {
    case saveDraft = "save-draft"
    case submit
    case approve
    case returnForChanges = "return-for-changes"

    /// Approving and returning are for the person accountable (the SRO) or the PMO; saving and submitting for
    /// whoever may edit the programme.
    public var isReview: Bool { self == .approve || self == .returnForChanges }

    public var pastTense: String {
        switch self {
        case .saveDraft: "saved as a draft"
        case .submit: "submitted"
        case .approve: "approved"
        case .returnForChanges: "returned for changes"
        }
    }
}
