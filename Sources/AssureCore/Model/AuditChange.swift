import Foundation

/// An audit entry's values before and after, read as the fields that changed: "rating: Green → Amber". The log keeps
/// JSON; a person reads this.
public struct AuditChange: Sendable, Hashable {
    public let field: String
    public let before: String?
    public let after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// The fields that differ between two JSON documents (objects compared key by key, anything else as a whole), in
    /// key order. A value too long to read in a table is cut at `limit` characters.
    public static func changes(before: String?, after: String?, limit: Int = 160) -> [AuditChange] {
        let old = parse(before), new = parse(after)
        if case .object(let a)? = old, case .object(let b)? = new {
            return Set(a.keys).union(b.keys).sorted().compactMap { key in
                a[key] == b[key]
                    ? nil : AuditChange(field: key, before: a[key]?.text(limit), after: b[key]?.text(limit))
            }
        }
        if case .object(let b)? = new, old == nil {
            return b.keys.sorted().map { AuditChange(field: $0, before: nil, after: b[$0]?.text(limit)) }
        }
        if case .object(let a)? = old, new == nil {
            return a.keys.sorted().map { AuditChange(field: $0, before: a[$0]?.text(limit), after: nil) }
        }
        guard old != new else { return [] }
        return [AuditChange(field: "value", before: old?.text(limit), after: new?.text(limit))]
    }

    indirect enum Value: Hashable {
        case text(String), number(String), bool(Bool), null, list([Value]), object([String: Value])

        func text(_ limit: Int) -> String {
            let whole: String
            switch self {
            case .text(let text): whole = text
            case .number(let number): whole = number
            case .bool(let flag): whole = flag ? "yes" : "no"
            case .null: whole = "none"
            case .list(let items): whole = items.isEmpty ? "none" : items.map { $0.text(limit) }.joined(separator: ", ")
            case .object(let fields):
                // A calendar day is stored as its parts; a person reads it as a date.
                if Set(fields.keys) == ["year", "month", "day"], case .number(let y)? = fields["year"],
                    case .number(let m)? = fields["month"], case .number(let d)? = fields["day"],
                    let date = CalendarDate(year: Int(y) ?? 0, month: Int(m) ?? 0, day: Int(d) ?? 0)
                {
                    whole = date.longDisplay
                } else {
                    whole = fields.keys.sorted().map { "\($0): \(fields[$0]!.text(limit))" }.joined(separator: "; ")
                }
            }
            return whole.count > limit ? String(whole.prefix(limit)) + "…" : whole
        }
    }

    static func parse(_ json: String?) -> Value? {
        guard let json else { return nil }
        return (try? JSONDecoder().decode(Value.self, from: Data(json.utf8))) ?? .text(json)
    }
}

extension AuditChange.Value: Decodable {
    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? single.decode(Double.self) {
            self = .number(number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number))
        } else if let text = try? single.decode(String.self) {
            self = .text(text)
        } else if let list = try? single.decode([AuditChange.Value].self) {
            self = .list(list)
        } else {
            self = .object(try single.decode([String: AuditChange.Value].self))
        }
    }
}
