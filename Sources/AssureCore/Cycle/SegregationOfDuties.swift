import Foundation

/// Nobody marks their own work. The rules every way in (web, API, CLI, imports) applies: only the PMO says who answers
/// for a project, nobody reviews a return they wrote, and an alert about a return never goes only to its writer.
public enum SegregationOfDuties {
    /// Who answers for a project (SRO, lead) and where it sits (programme) is the PMO's to say: otherwise an editor could
    /// name herself SRO and approve her own return.
    public static func accountabilityRefusals(
        _ actor: Actor, sroChanged: Bool, leadChanged: Bool,
        programmeChanged: Bool
    ) -> [String: String] {
        guard !actor.canManagePortfolio else { return [:] }
        var refusals: [String: String] = [:]
        if sroChanged { refusals["sro"] = "Only the PMO names or changes a project's SRO." }
        if leadChanged { refusals["lead"] = "Only the PMO names or changes a project's lead." }
        if programmeChanged { refusals["programme"] = "Only the PMO moves a project to another programme." }
        return refusals
    }

    /// Whether two people's names, as written, are the same person's (case and spacing aside).
    public static func samePerson(_ a: String?, _ b: String?) -> Bool {
        func key(_ name: String?) -> String? {
            let words = (name ?? "").lowercased().split(whereSeparator: \.isWhitespace)
            return words.isEmpty ? nil : words.joined(separator: " ")
        }
        guard let a = key(a) else { return false }
        return a == key(b)
    }

    /// Whether the actor saved or submitted the return last, and so may not review it.
    public static func isAuthor(_ actor: Actor, savedBy: String?, submittedBy: String?) -> Bool {
        samePerson(actor.name, savedBy) || samePerson(actor.name, submittedBy)
    }

    public static let ownReviewRefusal =
        "You saved or submitted this return, so someone else reviews it: its SRO, its clinical lead or the PMO."

    /// Whether the person an alert goes to is the one whose return caused it: then the PMO is told as well.
    public static func alertNeedsAnotherReader(recipientEmail: String?, submitterEmail: String?) -> Bool {
        guard let recipient = recipientEmail?.lowercased(), let submitter = submitterEmail?.lowercased() else {
            return false
        }
        return recipient == submitter
    }
}
