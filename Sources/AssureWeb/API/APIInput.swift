import AssureCore
import Vapor

/// A write's JSON body, read into its type: a body that does not read is refused (422) naming the field and what is
/// wrong with it, in the same problem every other refusal is.
extension Request {
    func input<Input: Decodable>(_ type: Input.Type) throws -> Input {
        do {
            return try content.decode(Input.self, using: JSONDecoder())
        } catch {
            let problem = DecodingProblem.describe(error)
            throw DomainError.invalid([problem.field.isEmpty ? "body" : problem.field: problem.message])
        }
    }
}

/// A new reporting period: the month it reports on (`2016-11`), and optionally its as-at day (the month's last by
/// default), the day it is published and the day returns are due, all ISO 8601 dates.
struct APIPeriodInput: Codable, Sendable {
    let period: String
    let frequency: String?
    let asAt: String?
    let publishOn: String?
    let returnsDue: String?

    var draft: PeriodDraft {
        PeriodDraft(key: period, frequency: frequency, asAt: asAt, publishOn: publishOn, returnsDue: returnsDue)
    }
}

/// Publishing: what happens to returns not in (`carry-forward`, `block` or `show-as-missing`: no default, as on the
/// page), and whether the board sees the assurance findings.
struct APIPublishInput: Codable, Sendable {
    let missing: String
    let findings: Bool?

    func policy() throws -> MissingReturnPolicy {
        guard let policy = MissingReturnPolicy(rawValue: missing) else {
            throw DomainError.invalid([
                "missing": "must be one of "
                    + MissingReturnPolicy.allCases.map(\.rawValue).joined(separator: ", ")
            ])
        }
        return policy
    }
}

/// Re-opening a published period: the reason, kept in the audit log.
struct APIReopenInput: Codable, Sendable {
    let reason: String
}

/// A review of a submitted return: `approve`, or `return-for-changes` with a comment saying what to change.
struct APIReviewInput: Codable, Sendable {
    let action: String
    let comment: String?

    static let actions: [ReturnAction] = [.approve, .returnForChanges]

    func reviewAction() throws -> ReturnAction {
        guard let action = ReturnAction(rawValue: action), action.isReview else {
            throw DomainError.invalid([
                "action": "must be one of " + Self.actions.map(\.rawValue).joined(separator: ", ")
            ])
        }
        return action
    }
}
