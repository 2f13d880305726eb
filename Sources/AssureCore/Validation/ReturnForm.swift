/// A monthly return as a person submits it in a form: every value kept as typed, so a form with errors
/// comes back exactly as it was sent.
public struct ReturnForm: Codable, Hashable, Sendable {
    public var rating: String
    public var update: String
    public var mitigation: String
    public var milestones: [MilestoneLine]
    /// The version of the return the person started from; a save against a newer version is a conflict.
    public var baseVersion: Int

    public init(rating: String, update: String, mitigation: String, milestones: [MilestoneLine], baseVersion: Int) {
        self.rating = rating
        self.update = update
        self.mitigation = mitigation
        self.milestones = milestones
        self.baseVersion = baseVersion
    }

    public static let maxTextLength = 20_000
    public static let maxMilestones = 30

    /// Field name → message. Field names are the form's own ("rating", "milestones[1].date").
    /// A draft may leave the rating empty; a submitted return may not.
    public func validate(on scale: RatingScale, submitting: Bool = true) -> [String: String] {
        var errors: [String: String] = [:]
        let rating = self.rating.trimmingCharacters(in: .whitespaces)
        if rating.isEmpty {
            if submitting { errors["rating"] = "Choose a rating before submitting (a draft may leave it empty)." }
        } else if scale.level(for: rating) == nil {
            errors["rating"] = "“\(rating)” is not on this portfolio's scale: choose one of \(scale.levels.map(\.label).joined(separator: ", "))."
        }
        for (field, text) in [("update", update), ("mitigation", mitigation)] where text.count > Self.maxTextLength {
            errors[field] = "Keep this under \(Self.maxTextLength) characters (it has \(text.count))."
        }
        if milestones.count > Self.maxMilestones {
            errors["milestones"] = "A return holds at most \(Self.maxMilestones) milestones."
        }
        for (index, milestone) in milestones.enumerated() {
            let title = milestone.title.trimmingCharacters(in: .whitespaces)
            let date = milestone.date.trimmingCharacters(in: .whitespaces)
            let mRating = (milestone.rating ?? "").trimmingCharacters(in: .whitespaces)
            if title.isEmpty, !(date.isEmpty && mRating.isEmpty) {
                errors["milestones[\(index)].title"] = "Name the milestone, or clear its date and rating."
            }
            if title.count > 500 { errors["milestones[\(index)].title"] = "Keep the milestone name under 500 characters." }
            if date.count > 200 { errors["milestones[\(index)].date"] = "Keep the date under 200 characters." }
            if !mRating.isEmpty, scale.level(for: mRating) == nil {
                errors["milestones[\(index)].rating"] = "“\(mRating)” is not on this portfolio's scale."
            }
        }
        return errors
    }

    /// The milestones worth saving: blank lines dropped, text trimmed.
    public var cleanedMilestones: [MilestoneLine] {
        milestones.compactMap { line in
            let title = line.title.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !title.isEmpty else { return nil }
            let rating = line.rating?.trimmingCharacters(in: .whitespaces)
            return MilestoneLine(title: title, date: line.date.trimmingCharacters(in: .whitespacesAndNewlines),
                                 rating: rating?.isEmpty == false ? rating : nil)
        }
    }
}
