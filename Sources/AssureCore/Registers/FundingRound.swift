import Foundation

/// Money in whole pence, so totals are exact.
public struct Money: Codable, Hashable, Comparable, Sendable {
    public var pence: Int

    public init(pence: Int) { self.pence = pence }
    public init(pounds: Int) { self.pence = pounds * 100 }

    public static func < (a: Money, b: Money) -> Bool { a.pence < b.pence }
    public static func + (a: Money, b: Money) -> Money { Money(pence: a.pence + b.pence) }
    public static func - (a: Money, b: Money) -> Money { Money(pence: a.pence - b.pence) }

    /// "£6,130,000", "£1,250.50", "-£20,000".
    public var display: String {
        let sign = pence < 0 ? "-" : ""
        let pounds = abs(pence) / 100, remainder = abs(pence) % 100
        let digits = Array(String(pounds))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return sign + "£" + grouped + (remainder == 0 ? "" : "." + (remainder < 10 ? "0" : "") + String(remainder))
    }

    /// "£3,000,000", "3000000", "1,250.5": as typed in a form or a paper.
    /// The amount in pounds as a decimal string, "6130000.00", "-20000.50": exact, as a client's decimal type reads it
    /// (a JSON number would be a binary float to most of them).
    public var decimal: String {
        let sign = pence < 0 ? "-" : ""
        let remainder = abs(pence) % 100
        return "\(sign)\(abs(pence) / 100).\(remainder < 10 ? "0" : "")\(remainder)"
    }

    public init?(written: String) {
        guard let value = CellValues.number(.text(written)), value.isFinite, abs(value) < 1e13 else { return nil }
        self.pence = Int((value * 100).rounded())
    }
}

/// One recommended allocation of a funding round.
public struct Allocation: Codable, Hashable, Sendable {
    public var id: UUID
    /// The business case or programme funded, as the paper names it.
    public var label: String
    public var amount: Money
    public var comment: String

    public init(id: UUID = UUID.random(), label: String, amount: Money, comment: String = "") {
        self.id = id
        self.label = label
        self.amount = amount
        self.comment = comment
    }
}

/// A funding round: the envelope and what is recommended from it. Over-allocating is allowed, and shown.
public struct FundingRound: Codable, Hashable, Sendable {
    public var id: UUID
    public var name: String
    /// What the envelope is called in the paper ("ACS FIC FT").
    public var envelopeLabel: String
    public var envelope: Money
    public var allocations: [Allocation]
    public var version: Int
    /// The portfolio whose papers show it; nil for one not yet given a portfolio (never in a paper).
    public var portfolioID: UUID?

    public init(
        id: UUID = UUID.random(), name: String, envelopeLabel: String, envelope: Money, allocations: [Allocation],
        version: Int = 1,
        portfolioID: UUID? = nil
    ) {
        self.portfolioID = portfolioID
        self.id = id
        self.name = name
        self.envelopeLabel = envelopeLabel
        self.envelope = envelope
        self.allocations = allocations
        self.version = version
    }

    public var total: Money { allocations.reduce(Money(pence: 0)) { $0 + $1.amount } }
    /// What is left of the envelope; negative when over.
    public var headroom: Money { envelope - total }
    public var isOver: Bool { total > envelope }

    /// Seed 002's allocation table: each allocation, the total, then the envelope.
    public var table: ReportTable {
        var rows: [[ReportTable.Cell]] = allocations.map {
            [.init($0.label), .init($0.amount.display), .init($0.comment)]
        }
        rows.append([
            .init("Total"), .init(total.display),
            .init(isOver ? "Over the envelope by \((total - envelope).display)" : ""),
        ])
        rows.append([.init(envelopeLabel), .init(envelope.display), .init("")])
        return ReportTable(title: name, columns: ["Business Case", "Recommended Allocation", "Comments"], rows: rows)
    }

    /// Field → message for an allocation as typed.
    public static func validate(label: String, amount: String) -> [String: String] {
        var errors: [String: String] = [:]
        if label.trimmingCharacters(in: .whitespaces).isEmpty { errors["label"] = "Say what the allocation is for." }
        if label.count > 300 { errors["label"] = "Keep it under 300 characters." }
        if Money(written: amount) == nil {
            errors["amount"] = "“\(amount)” is not an amount of money (e.g. £180,000)."
        } else if let money = Money(written: amount), money.pence < 0 {
            errors["amount"] = "An allocation cannot be negative."
        }
        return errors
    }
}
