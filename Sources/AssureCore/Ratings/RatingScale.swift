/// One step of a rating scale. `rank` orders severity: a higher rank is worse.
public struct RatingLevel: Codable, Hashable, Sendable {
    public let code: String
    public let label: String
    public let rank: Int
    /// What the level means, as printed in the seed papers' keys.
    public let meaning: String

    public init(code: String, label: String, rank: Int, meaning: String) {
        self.code = code
        self.label = label
        self.rank = rank
        self.meaning = meaning
    }
}

public enum RatingScaleKind: String, Codable, Sendable, CaseIterable {
    case threePoint = "three-point"
    case fivePoint = "five-point"
}

/// The rating scale belongs to the portfolio. Complete sits on both scales as the best outcome,
/// so finishing a project reads as an improvement.
public struct RatingScale: Codable, Hashable, Sendable {
    public let kind: RatingScaleKind
    public let levels: [RatingLevel]

    public static let complete = RatingLevel(code: "complete", label: "Complete", rank: 0, meaning: "Delivered")

    public static let threePoint = RatingScale(
        kind: .threePoint,
        levels: [
            complete,
            RatingLevel(code: "green", label: "Green", rank: 1, meaning: "On schedule to meet target"),
            RatingLevel(code: "amber", label: "Amber", rank: 2, meaning: "Potential to miss target"),
            RatingLevel(code: "red", label: "Red", rank: 3, meaning: "Likely to miss/missed target"),
        ])

    /// The Delivery Confidence Assessment used by major-projects portfolios.
    public static let fivePoint = RatingScale(
        kind: .fivePoint,
        levels: [
            complete,
            RatingLevel(code: "green", label: "Green", rank: 1, meaning: "Successful delivery highly likely"),
            RatingLevel(code: "amber-green", label: "Amber/Green", rank: 2, meaning: "Successful delivery probable"),
            RatingLevel(
                code: "amber", label: "Amber", rank: 3, meaning: "Successful delivery feasible; issues need attention"),
            RatingLevel(code: "amber-red", label: "Amber/Red", rank: 4, meaning: "Successful delivery in doubt"),
            RatingLevel(code: "red", label: "Red", rank: 5, meaning: "Successful delivery appears unachievable"),
        ])

    public static func standard(_ kind: RatingScaleKind) -> RatingScale {
        switch kind {
        case .threePoint: threePoint
        case .fivePoint: fivePoint
        }
    }

    /// Reads a rating as people type it: case, spacing around "/" and stray spaces do not matter,
    /// so "AMBER / RED", "Amber/red" and "amber/red" are one value. Anything else is not on the scale.
    public func level(for written: String) -> RatingLevel? {
        // Stored ratings are nearly always a label exactly as the scale writes it: no need to normalise those.
        if let exact = levels.first(where: { $0.label == written }) { return exact }
        let key = Self.normalise(written)
        guard !key.isEmpty else { return nil }
        return levels.first { Self.normalise($0.label) == key || $0.code == key }
    }

    static func normalise(_ text: String) -> String {
        let lowered = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return lowered.replacingOccurrences(of: " / ", with: "/")
            .replacingOccurrences(of: " /", with: "/")
            .replacingOccurrences(of: "/ ", with: "/")
    }
}
