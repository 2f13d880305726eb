/// The rules of the return cycle: which action may follow which state, and who may take it. Pure, so each rule is
/// unit-tested; storage applies them inside the transaction that writes the return.
public enum ReturnWorkflow {
    public struct Refusal: Error, Hashable, Sendable {
        public let reason: String
    }

    /// Who the actor is to this return: may they edit its programme, are they accountable for the project.
    public struct Standing: Sendable {
        public var canEdit: Bool
        public var isAccountable: Bool
        public var isPMO: Bool
        /// Saved or submitted the return last: may not review it, whatever else they are.
        public var isAuthor: Bool

        public init(canEdit: Bool, isAccountable: Bool, isPMO: Bool, isAuthor: Bool = false) {
            self.canEdit = canEdit
            self.isAccountable = isAccountable
            self.isPMO = isPMO
            self.isAuthor = isAuthor
        }

        /// May approve or return it: its SRO or the PMO, never its author.
        public var mayReview: Bool { (isPMO || isAccountable) && !isAuthor }

        /// Who may open a return in progress: its editors, its SRO or clinical lead, and the PMO.
        public var maySeeReturn: Bool { canEdit || isAccountable || isPMO }
    }

    /// The state after `action`, or why it is refused.
    public static func next(
        from state: ReturnState, _ action: ReturnAction, comment: String = "",
        standing: Standing
    ) -> Result<ReturnState, Refusal> {
        if action.isReview {
            guard !standing.isAuthor else { return .failure(Refusal(reason: SegregationOfDuties.ownReviewRefusal)) }
            guard standing.isPMO || standing.isAccountable else {
                return .failure(
                    Refusal(
                        reason:
                            "Only the project's SRO or the PMO can \(action == .approve ? "approve" : "return") a return."
                    ))
            }
        } else if !standing.canEdit {
            return .failure(Refusal(reason: "You may not write returns for this programme."))
        }
        switch (action, state) {
        case (.saveDraft, .approved), (.submit, .approved):
            return .failure(
                Refusal(
                    reason:
                        "This return is approved. Ask the SRO or the PMO to return it for changes before editing it."))
        case (.saveDraft, _):
            return .success(.draft)
        case (.submit, _):
            return .success(.submitted)
        case (.approve, .submitted):
            return .success(.approved)
        case (.approve, _):
            return .failure(
                Refusal(reason: "Only a submitted return can be approved; this one is \(state.label.lowercased())."))
        case (.returnForChanges, .submitted), (.returnForChanges, .approved):
            guard !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .failure(Refusal(reason: "Say what needs changing: the lead sees this comment on their return."))
            }
            return .success(.returnedForChanges)
        case (.returnForChanges, _):
            return .failure(
                Refusal(
                    reason:
                        "Only a submitted or approved return can be returned for changes; this one is \(state.label.lowercased())."
                ))
        }
    }
}
