import Foundation

/// What publishing does with returns that are not in.
public enum MissingReturnPolicy: String, Codable, Sendable, CaseIterable {
    /// Keep each missing project's last return, visibly marked "not updated this period".
    case carryForward = "carry-forward"
    /// Refuse to publish until every return is in.
    case block
    /// Publish with the gaps shown as "no return": how legacy papers that printed gaps are loaded.
    case showAsMissing = "show-as-missing"

    public var label: String {
        switch self {
        case .carryForward: "Carry the last return forward, marked “not updated this period”"
        case .block: "Do not publish while any return is missing"
        case .showAsMissing: "Publish with the gaps shown as “no return”"
        }
    }
}

public enum Publication {
    /// The projects (not sub-items) whose return is not in, in display order.
    public static func missing(_ projects: [ProjectInfo], states: [UUID: ReturnState]) -> [ProjectInfo] {
        projects.filter { $0.parentID == nil && !(states[$0.id] ?? .notStarted).isIn }
    }

    /// The return that stands in for a missing one: the last rating, narrative and milestones, unchanged, and the
    /// period they come from (`lastKey` is the period `last` was reported in).
    public static func carriedForward(_ last: ReturnInfo, reportedIn lastKey: String) -> ReturnInfo {
        var carried = last
        carried.reportedTrend = nil
        carried.carriedForward = CarriedForward.from(last, reportedIn: lastKey)
        carried.state = .carriedForward
        return carried
    }

    /// What a refused publication says first: "18 returns are not in, so the period was not published".
    public static func blockedHeadline(_ count: Int) -> String {
        "\(count) return\(count == 1 ? " is" : "s are") not in, so the period was not published"
    }

    /// Why publication is refused under `.block`, one line per missing project.
    public static func blockingReasons(_ missing: [ProjectInfo], states: [UUID: ReturnState]) -> [String] {
        missing.map { project in
            let name = project.displayName
            return "\(name): \((states[project.id] ?? .notStarted).label.lowercased())"
        }
    }
}
