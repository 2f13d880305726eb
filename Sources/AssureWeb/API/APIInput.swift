import AssureCore
import Vapor

/// A write's JSON body, read into its type: a body that does not read is refused (422) naming the field and what is
/// wrong with it, in the same problem every other refusal is.
extension Request {
    func input<Input: Decodable>(_ type: Input.Type) throws -> Input {
        let decoded: Input
        do {
            decoded = try content.decode(Input.self, using: JSONDecoder())
        } catch {
            let problem = DecodingProblem.describe(error)
            throw DomainError.invalid([problem.field.isEmpty ? "body" : problem.field: problem.message])
        }
        if let body = body.data, let field = NULCharacters.field(inJSON: Data(buffer: body)) {
            throw DomainError.invalid([field: NULCharacters.message])
        }
        return decoded
    }
}

/// One of a closed set of words (a scale, a role, what happens to returns not in): the value, or a refusal naming the
/// field and every word it may be.
func choice<Value: RawRepresentable & CaseIterable>(
    _ text: String, field: String, among values: [Value] = Array(Value.allCases)
) throws -> Value where Value.RawValue == String {
    guard let value = Value(rawValue: text), values.contains(where: { $0.rawValue == text }) else {
        throw DomainError.invalid([field: "must be one of " + values.map(\.rawValue).joined(separator: ", ")])
    }
    return value
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

    func policy() throws -> MissingReturnPolicy { try choice(missing, field: "missing") }
}

/// Re-opening a published period: the reason, kept in the audit log.
struct APIReopenInput: Codable, Sendable {
    let reason: String
}

/// A review of a submitted return: `approve`, or `return-for-changes` with a comment saying what to change.
struct APIReviewInput: Codable, Sendable {
    let action: String
    let comment: String?

    func reviewAction() throws -> ReturnAction {
        try choice(action, field: "action", among: ReturnAction.allCases.filter(\.isReview))
    }
}

/// Text with a NUL character (U+0000): PostgreSQL cannot store it in text, and SQLite would keep it where no page or
/// paper shows it. No one types one; it is refused where input arrives, naming the field, on both databases alike.
enum NULCharacters {
    static let message = "contains a NUL character (U+0000), which Assure does not store: remove it"

    /// The first field of a JSON body whose name or text holds a NUL ("milestones[1].title"), or nil.
    static func field(inJSON data: Data) -> String? {
        // A NUL can only be written escaped in JSON text: a body without "\u0000" in any case has none.
        guard data.range(of: Data("\\u0000".utf8)) != nil || data.range(of: Data("\\U0000".utf8)) != nil,
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return nil }
        return field(in: value, at: "")
    }

    private static func field(in value: Any, at path: String) -> String? {
        switch value {
        case let text as String: return text.contains("\u{0}") ? (path.isEmpty ? "body" : path) : nil
        case let list as [Any]:
            for (index, item) in list.enumerated() {
                if let found = field(in: item, at: "\(path)[\(index)]") { return found }
            }
            return nil
        case let object as [String: Any]:
            for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                let here = path.isEmpty ? key : "\(path).\(key)"
                if key.contains("\u{0}") { return here }
                if let found = field(in: item, at: here) { return found }
            }
            return nil
        default: return nil
        }
    }

    /// Whether a form body (application/x-www-form-urlencoded) carries a NUL: it can only arrive as %00.
    static func inForm(_ body: ByteBuffer) -> Bool {
        let bytes = body.readableBytesView
        guard bytes.count >= 3 else { return false }
        var index = bytes.startIndex
        while index < bytes.index(bytes.endIndex, offsetBy: -2) {
            if bytes[index] == UInt8(ascii: "%"), bytes[index + 1] == UInt8(ascii: "0"),
                bytes[index + 2] == UInt8(ascii: "0")
            {
                return true
            }
            index += 1
        }
        return false
    }
}

extension APIPeriodInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "period": Refinement(description: "The month reported on, YYYY-MM", maxLength: 40),
        "frequency": .oneOf(PeriodFrequency.self), "asAt": .date, "publishOn": .date, "returnsDue": .date,
    ]
}

extension APIPublishInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "missing": .oneOf(MissingReturnPolicy.self)
    ]
}

extension APIReopenInput: SchemaRefined {
    static let refinements: [String: Refinement] = ["reason": .length(1...2000)]
}

extension APIReviewInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "action": .oneOf(ReturnAction.allCases.filter(\.isReview).map(\.rawValue)),
        "comment": Refinement(maxLength: 20_000),
    ]
}
