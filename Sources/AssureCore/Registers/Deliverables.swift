import Foundation

public enum DeliverableStatus: String, Codable, CaseIterable, Sendable {
    case notStarted = "not-started", onTrack = "on-track", atRisk = "at-risk", delivered, dropped
}

/// A programme's key deliverable, under a workstream where it has one, due in one or more financial years.
public struct Deliverable: Codable, Hashable, Sendable {
    public var id: UUID
    public var programme: String
    public var workstream: String
    public var title: String
    public var years: Set<FinancialYear>
    public var status: DeliverableStatus
    public var version: Int

    public init(
        id: UUID = UUID.random(), programme: String, workstream: String = "", title: String, years: Set<FinancialYear>,
        status: DeliverableStatus = .notStarted, version: Int = 1
    ) {
        self.id = id
        self.programme = programme
        self.workstream = workstream
        self.title = title
        self.years = years
        self.status = status
        self.version = version
    }

    /// Field → message: a title, and at least one financial year written 17/18 (or 2017/18).
    public static func validate(programme: String, title: String, years: [String]) -> [String: String] {
        var errors: [String: String] = [:]
        if programme.trimmingCharacters(in: .whitespaces).isEmpty { errors["programme"] = "Name the programme." }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { errors["title"] = "Say what will be delivered." }
        if title.count > 1000 { errors["title"] = "Keep it under 1,000 characters." }
        let parsed = years.map { FinancialYear(written: $0) }
        if years.isEmpty {
            errors["years"] = "Give the financial years it is due in, e.g. 17/18, 18/19."
        } else if let bad = zip(years, parsed).first(where: { $0.1 == nil }) {
            errors["years"] = "“\(bad.0)” is not a financial year: write 17/18."
        }
        return errors
    }
}

extension FinancialYear: Codable, Comparable {
    /// "17/18", "2017/18", "2017-18".
    public init?(written: String) {
        let parts = written.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "/" || $0 == "-" })
            .compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        let start = parts[0] < 100 ? 2000 + parts[0] : parts[0]
        guard (parts[1] % 100) == (start + 1) % 100, (1990...2100).contains(start) else { return nil }
        self.init(startingIn: start)
    }

    public init(from decoder: Decoder) throws {
        self.init(startingIn: try decoder.singleValueContainer().decode(Int.self))
    }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(startYear)
    }

    public static func < (a: FinancialYear, b: FinancialYear) -> Bool { a.startYear < b.startYear }
}

public enum DeliverablesReport {
    /// Seed 001's table for one programme: "Milestones" and a ✓ column per financial year; a workstream's heading row
    /// before its deliverables.
    public static func table(programme: String, _ deliverables: [Deliverable]) -> ReportTable {
        let years = Set(deliverables.flatMap(\.years)).sorted()
        var rows: [[ReportTable.Cell]] = []
        var workstream = ""
        for item in deliverables {
            if item.workstream != workstream, !item.workstream.isEmpty {
                rows.append([.init(item.workstream)] + years.map { _ in .init("") })
            }
            workstream = item.workstream
            rows.append([.init(item.title)] + years.map { .init(item.years.contains($0) ? "✓" : "") })
        }
        return ReportTable(
            title: "\(programme): key deliverables", columns: ["Milestones"] + years.map(\.label), rows: rows)
    }

    /// Every programme's table, programmes in the order their first deliverable was entered.
    public static func tables(_ deliverables: [Deliverable]) -> [ReportTable] {
        var order: [String] = []
        for item in deliverables where !order.contains(item.programme) { order.append(item.programme) }
        return order.map { name in table(programme: name, deliverables.filter { $0.programme == name }) }
    }
}
