import Foundation

/// An email as the outbox keeps it: plain text, one recipient.
public struct MailMessage: Codable, Hashable, Sendable {
    public var toAddress: String
    public var toName: String
    public var subject: String
    public var body: String

    public init(toAddress: String, toName: String, subject: String, body: String) {
        self.toAddress = toAddress
        self.toName = toName
        self.subject = subject
        self.body = body
    }
}

/// The words of chasers and alerts. Pure: the same inputs give the same message, so tests read them exactly.
public enum Notices {
    public struct ChasedReturn: Sendable {
        public var project: ProjectInfo
        public var state: ReturnState
        public var link: String

        public init(project: ProjectInfo, state: ReturnState, link: String) {
            self.project = project
            self.state = state
            self.link = link
        }
    }

    public static func chaser(
        to address: String, name: String, portfolio: String, period: PeriodInfo,
        due: CalendarDate?, returns: [ChasedReturn]
    ) -> MailMessage {
        let deadline = due.map { " by \($0.longDisplay)" } ?? ""
        let lines = returns.map { item in
            "- \(item.project.displayName) (\(item.state.label.lowercased())): \(item.link)"
        }
        let body = """
            Dear \(name),

            Your \(returns.count == 1 ? "return is" : "\(returns.count) returns are") still needed for \(portfolio), \(period.label)\(deadline):

            \(lines.joined(separator: "\n"))

            Each link opens the return, prefilled from last period: update what has changed and submit it.

            Thank you,
            The PMO
            """
        return MailMessage(
            toAddress: address, toName: name,
            subject: "Return needed\(deadline): \(portfolio), \(period.label)", body: body)
    }

    /// Why the SRO should hear about a submitted rating at once, if at all: it turned Red, or it declined.
    public static func alertReasons(current: RatingLevel?, previous: RatingLevel?) -> [String] {
        guard let current else { return [] }
        var reasons: [String] = []
        if current.code == "red", previous?.code != "red" { reasons.append("turned Red") }
        if Trend.derive(current: current, previous: previous) == .declined, let previous {
            reasons.append("declined from \(previous.label) to \(current.label) (↓)")
        }
        return reasons
    }

    public static func alert(
        to address: String, sro: String, project: ProjectInfo, period: PeriodInfo,
        reasons: [String], update: String, link: String
    ) -> MailMessage {
        let body = """
            Dear \(sro),

            \(project.displayName) has \(reasons.joined(separator: " and ")) in its return for \(period.label).

            Update from the lead:
            \(update.isEmpty ? "(none given)" : update)

            Review the return: \(link)

            The PMO
            """
        return MailMessage(
            toAddress: address, toName: sro,
            subject: "Alert: \(project.displayName) has \(reasons.first ?? "changed") (\(period.label))", body: body)
    }
}

public extension ProjectInfo {
    /// "MAT001 Maternity and …", or the title alone.
    var displayName: String { [reference, title].compactMap { $0 }.joined(separator: " ") }
}
