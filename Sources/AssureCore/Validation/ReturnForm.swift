import Foundation

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
    /// `requireUpdate`: the portfolio refuses a submission with no update written.
    public func validate(
        on scale: RatingScale, submitting: Bool = true, requireUpdate: Bool = false
    ) -> [String: String] {
        var errors: [String: String] = [:]
        if submitting, requireUpdate, update.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors["update"] = "Write an update before submitting: what happened this period, in plain words."
        }
        let rating = self.rating.trimmingCharacters(in: .whitespaces)
        if rating.isEmpty {
            if submitting { errors["rating"] = "Choose a rating before submitting (a draft may leave it empty)." }
        } else if scale.level(for: rating) == nil {
            errors["rating"] =
                "“\(rating)” is not on this portfolio's scale: choose one of \(scale.levels.map(\.label).joined(separator: ", "))."
        }
        // Counted in code points, as the API's schema (JSON Schema's maxLength) counts them.
        for (field, text) in [("update", update), ("mitigation", mitigation)]
        where text.unicodeScalars.count > Self.maxTextLength {
            errors[field] = "Keep this under \(Self.maxTextLength) characters (it has \(text.unicodeScalars.count))."
        }
        if milestones.count > Self.maxMilestones {
            errors["milestones"] = "A return holds at most \(Self.maxMilestones) milestones."
        }
        for (index, milestone) in milestones.enumerated() {
            let title = milestone.title.trimmingCharacters(in: .whitespaces)
            let date = milestone.date.trimmingCharacters(in: .whitespaces)
            let mRating = (milestone.rating ?? "").trimmingCharacters(in: .whitespaces)
            let field = { (part: ReturnField.MilestonePart) in ReturnField.milestone(index, part).key }
            if title.isEmpty, !(date.isEmpty && mRating.isEmpty) {
                errors[field(.title)] = "Name the milestone, or clear its date and rating."
            }
            if title.count > 500 {
                errors[field(.title)] = "Keep the milestone name under 500 characters."
            }
            if date.count > 200 { errors[field(.date)] = "Keep the date under 200 characters." }
            if !mRating.isEmpty, scale.level(for: mRating) == nil {
                errors[field(.rating)] = "“\(mRating)” is not on this portfolio's scale."
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
            return MilestoneLine(
                title: title, date: line.date.trimmingCharacters(in: .whitespacesAndNewlines),
                rating: rating?.isEmpty == false ? rating : nil)
        }
    }
}

public extension ReturnForm {
    /// Whether `self`, as read back from a spreadsheet, says the same as the form `prefilled` it was handed out with:
    /// the same version and the same words, whatever a spreadsheet program did to spaces, line ends and empty lines.
    func isUnchanged(from prefilled: ReturnForm) -> Bool {
        func same(_ a: String, _ b: String) -> Bool { Self.comparable(a) == Self.comparable(b) }
        // A date handed out as a real date cell comes back in the spreadsheet's own format: the same day is no change.
        func sameDate(_ a: String, _ b: String) -> Bool {
            if same(a, b) { return true }
            guard let x = DateText(a).parsed, let y = DateText(b).parsed else { return false }
            return x.dueBy == y.dueBy && x.precision == y.precision
        }
        func lines(_ form: ReturnForm) -> [MilestoneLine] {
            form.milestones.filter { ![$0.title, $0.date, $0.rating ?? ""].allSatisfy { Self.comparable($0).isEmpty } }
        }
        let mine = lines(self), theirs = lines(prefilled)
        return baseVersion == prefilled.baseVersion && same(rating, prefilled.rating) && same(update, prefilled.update)
            && same(mitigation, prefilled.mitigation) && mine.count == theirs.count
            && zip(mine, theirs).allSatisfy {
                same($0.title, $1.title) && sameDate($0.date, $1.date) && same($0.rating ?? "", $1.rating ?? "")
            }
    }

    private static func comparable(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A field of a return, by the name the API gives it (`milestones[1].date`, in a 422's `fields`) and the name the
/// web form gives it (`m1-date`): one type, so the two cannot drift apart.
public enum ReturnField: Hashable, Sendable {
    case rating, update, mitigation, baseVersion, milestones
    case milestone(Int, MilestonePart)

    public enum MilestonePart: String, Sendable, CaseIterable { case title, date, rating }

    /// The API's name, and the key of `ReturnForm.validate`'s errors.
    public var key: String {
        switch self {
        case .rating: "rating"
        case .update: "update"
        case .mitigation: "mitigation"
        case .baseVersion: "baseVersion"
        case .milestones: "milestones"
        case .milestone(let index, let part): "milestones[\(index)].\(part.rawValue)"
        }
    }

    /// The web form's name.
    public var formName: String {
        if case .milestone(let index, let part) = self { return "m\(index)-\(part.rawValue)" }
        return key
    }

    /// The field an error key names; nil for a key that is not a return's field.
    public init?(key: String) {
        for field in [ReturnField.rating, .update, .mitigation, .baseVersion, .milestones] where field.key == key {
            self = field
            return
        }
        guard key.hasPrefix("milestones["), let close = key.firstIndex(of: "]"),
            let index = Int(key[key.index(key.startIndex, offsetBy: 11)..<close]),
            key[close...].hasPrefix("]."),
            let part = MilestonePart(rawValue: String(key[key.index(close, offsetBy: 2)...]))
        else { return nil }
        self = .milestone(index, part)
    }
}
