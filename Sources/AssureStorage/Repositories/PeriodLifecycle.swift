import AssureCore
import Fluent
import Foundation

/// Creating, opening, closing and publishing reporting periods. Publishing freezes the report as a snapshot.
public enum PeriodLifecycle {
    public static func create(_ db: Database, _ actor: Actor, portfolioID: UUID, key: String,
                              frequency: PeriodFrequency = .monthly, asAt: CalendarDate? = nil,
                              publishOn: CalendarDate? = nil, label: String? = nil,
                              illustrative: Bool = false) async throws -> PeriodInfo {
        guard actor.canManagePortfolio else { throw StorageError.forbidden("only the PMO (admin) creates reporting periods") }
        guard let month = PeriodKey(key) else {
            throw StorageError.invalid(["period": "“\(key)” is not a period: write the month it reports on as YYYY-MM, e.g. 2016-06."])
        }
        let asAt = asAt ?? month.lastDay
        if let publishOn, publishOn < asAt {
            throw StorageError.invalid(["publishOn": "The publication date \(publishOn.iso) is before the as-at date \(asAt.iso)."])
        }
        return try await db.transaction { db in
            let existing = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == portfolioID)
                .filter(\.$key == month.key).first()
            if existing != nil { throw StorageError.invalid(["period": "Period \(month.key) already exists in this portfolio."]) }
            guard try await PortfolioRecord.find(portfolioID, on: db) != nil else { throw StorageError.notFound("portfolio") }
            let record = PeriodRecord()
            record.$portfolio.id = portfolioID
            record.key = month.key
            record.label = label ?? month.label
            record.frequency = frequency.rawValue
            record.asAt = asAt.iso
            record.publishOn = publishOn?.iso
            record.status = PeriodStatus.draft.rawValue
            record.isIllustrative = illustrative
            try await record.create(on: db)
            try await AuditLog.record(db, actor, "create", entity: "period", id: record.id, after: record.info)
            return record.info
        }
    }

    public static func open(_ db: Database, _ actor: Actor, periodID: UUID) async throws -> PeriodInfo {
        try await move(db, actor, periodID: periodID, to: .open, from: [.draft, .closed], action: "open")
    }

    public static func close(_ db: Database, _ actor: Actor, periodID: UUID) async throws -> PeriodInfo {
        try await move(db, actor, periodID: periodID, to: .closed, from: [.open], action: "close")
    }

    /// Freezes the period: its report is built once more and stored; from then on its pages come from the snapshot.
    public static func publish(_ db: Database, _ actor: Actor, periodID: UUID) async throws -> PeriodInfo {
        try await db.transaction { db in
            let report = PeriodReportBuilder.build(try await Reports.periodData(db, periodID: periodID))
            let info = try await move(db, actor, periodID: periodID, to: .published, from: [.open, .closed], action: "publish")
            let published = report.with(period: info)
            let snapshot = PeriodSnapshotRecord()
            snapshot.$period.id = periodID
            snapshot.reportJSON = String(decoding: try Reports.encoder.encode(published), as: UTF8.self)
            snapshot.createdAt = Date()
            try await snapshot.create(on: db)
            return info
        }
    }

    private static func move(_ db: Database, _ actor: Actor, periodID: UUID, to status: PeriodStatus,
                             from allowed: [PeriodStatus], action: String) async throws -> PeriodInfo {
        guard actor.canManagePortfolio else { throw StorageError.forbidden("only the PMO (admin) can \(action) a period") }
        guard let record = try await PeriodRecord.find(periodID, on: db) else { throw StorageError.notFound("reporting period") }
        let before = record.info
        if before.status == .published { throw StorageError.frozen("Period \(before.label)") }
        guard allowed.contains(before.status) else {
            throw StorageError.invalid(["status": "A \(before.status.rawValue) period cannot be \(action == "open" ? "opened" : action + "d")."])
        }
        record.status = status.rawValue
        if status == .published { record.publishedAt = Date() }
        try await record.save(on: db)
        try await AuditLog.record(db, actor, action, entity: "period", id: periodID, before: before, after: record.info)
        return record.info
    }

    /// Refuses any write into a published period.
    static func requireWritable(_ db: Database, periodID: UUID) async throws -> PeriodRecord {
        guard let period = try await PeriodRecord.find(periodID, on: db) else { throw StorageError.notFound("reporting period") }
        if period.status == PeriodStatus.published.rawValue { throw StorageError.frozen("Period \(period.label)") }
        return period
    }
}

/// "2016-06": the month a period reports on.
public struct PeriodKey: Hashable, Sendable {
    public let year: Int
    public let month: Int

    public init?(_ text: String) {
        guard let match = text.trimmingCharacters(in: .whitespaces).wholeMatch(of: #/(\d{4})-(\d{2})/#),
              let year = Int(match.1), let month = Int(match.2), (1...12).contains(month), year >= 1990 else { return nil }
        self.year = year
        self.month = month
    }

    public var key: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    public var label: String { "\(CalendarDate.monthNames[month - 1]) \(year)" }
    public var lastDay: CalendarDate { CalendarDate.lastDay(year: year, month: month)! }
}
