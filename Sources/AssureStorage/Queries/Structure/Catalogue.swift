import AssureCore
import FluentKit
import Foundation
import SQLKit

public struct PortfolioSummary: Codable, Sendable, Hashable {
    public let info: PortfolioInfo
    public let periods: [PeriodInfo]
    public let disabledChecks: Set<Flag.Kind>
    /// Scheduled chasers go this many days before returns are due; nil when the PMO chases by hand.
    public var chaseDaysBefore: Int? = nil
    /// Submitting a return with no update is refused (on unless the PMO switches it off).
    public var requireUpdate = true
    /// Milestones likely to slip are shown on the cockpit, project pages and people's homes (on unless switched off).
    public var slipForecastShown = true
    public var latestPublished: PeriodInfo? { periods.last { $0.status == .published } }
    public var current: PeriodInfo? { periods.last { $0.status == .open } ?? latestPublished ?? periods.last }
    /// The latest period published before `period`: what a period is compared with.
    public func published(before period: PeriodInfo) -> PeriodInfo? {
        periods.last { $0.status == .published && $0.asAt < period.asAt }
    }
}

/// Reading the structure: portfolios, periods, and finding them by the names people type.
public enum Catalogue {
    public static func portfolios(_ db: Database) async throws -> [PortfolioSummary] {
        let portfolios = try await PortfolioRecord.query(on: db).sort(\.$name).all()
        let periods = try await PeriodRecord.query(on: db).sort(\.$asAt).all()
        let byPortfolio = Dictionary(grouping: periods, by: { $0.$portfolio.id })
        return try portfolios.map { try summary($0, periods: byPortfolio[try $0.requireID()] ?? []) }
    }

    /// One portfolio and its periods, without reading the others.
    public static func portfolio(_ db: Database, id: UUID) async throws -> PortfolioSummary {
        guard let record = try await PortfolioRecord.find(id, on: db) else { throw DomainError.notFound("portfolio") }
        let periods = try await PeriodRecord.query(on: db).filter(\.$portfolio.$id == id).sort(\.$asAt).all()
        return try summary(record, periods: periods)
    }

    /// The portfolio a period belongs to, and the period as it lists it; nil for no such period.
    public static func portfolio(
        _ db: Database, containingPeriod periodID: UUID
    ) async throws -> (portfolio: PortfolioSummary, period: PeriodInfo)? {
        guard let record = try await PeriodRecord.find(periodID, on: db) else { return nil }
        let portfolio = try await portfolio(db, id: record.$portfolio.id)
        return portfolio.periods.first { $0.id == periodID }.map { (portfolio, $0) }
    }

    private static func summary(_ record: PortfolioRecord, periods: [PeriodRecord]) throws -> PortfolioSummary {
        PortfolioSummary(
            info: try record.info, periods: try periods.map { try $0.info },
            disabledChecks: record.checksSwitchedOff, chaseDaysBefore: record.chaseDaysBefore,
            requireUpdate: record.requireUpdate, slipForecastShown: record.slipForecastShown)
    }

    public static func period(_ db: Database, id: UUID) async throws -> PeriodInfo {
        guard let record = try await PeriodRecord.find(id, on: db) else {
            throw DomainError.notFound("reporting period")
        }
        return try record.info
    }

    /// Finds a period by its key ("2016-06"). With several portfolios holding that period, the portfolio must be named.
    public static func findPeriod(
        _ db: Database, key: String, portfolio: String?
    ) async throws -> (PortfolioSummary, PeriodInfo) {
        let all = try await portfolios(db)
        let candidates = all.filter { portfolio == nil || $0.info.name.lowercased() == portfolio!.lowercased() }
        if let portfolio, candidates.isEmpty {
            throw DomainError.notFound(
                "portfolio “\(portfolio)” (there are: \(all.map(\.info.name).joined(separator: ", ")))")
        }
        let matches = candidates.compactMap { summary in summary.periods.first { $0.key == key }.map { (summary, $0) } }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw DomainError.notFound("period \(key)\(portfolio.map { " in \($0)" } ?? "")")
        default:
            throw DomainError.invalid([
                "portfolio":
                    "Period \(key) exists in \(matches.map(\.0.info.name).joined(separator: " and ")): name one with --portfolio."
            ])
        }
    }

    public static func findPortfolio(_ db: Database, name: String) async throws -> PortfolioSummary {
        let all = try await portfolios(db)
        guard let found = all.first(where: { $0.info.name.lowercased() == name.lowercased() }) else {
            throw DomainError.notFound(
                "portfolio “\(name)” (there are: \(all.map(\.info.name).joined(separator: ", ")))")
        }
        return found
    }

    /// Every portfolio's programmes, portfolio by portfolio (by name), each in its display order: three queries,
    /// however many portfolios there are.
    public static func allProgrammes(_ db: Database) async throws -> [ProgrammeInfo] {
        let order = try await PortfolioRecord.query(on: db).sort(\.$name).all().map { try $0.requireID() }
        let records = Dictionary(
            grouping: try await ProgrammeRecord.query(on: db).sort(\.$sortOrder).all(), by: { $0.$portfolio.id })
        let names = try await People.names(db)
        return try order.flatMap { try (records[$0] ?? []).map { try $0.info(names: names) } }
    }

    public static func programmes(_ db: Database, portfolioID: UUID) async throws -> [ProgrammeInfo] {
        let records = try await ProgrammeRecord.query(on: db).filter(\.$portfolio.$id == portfolioID).sort(\.$sortOrder)
            .all()
        let names = try await People.names(db)
        return try records.map { try $0.info(names: names) }
    }

    /// The names of the programmes with these ids, sorted: one query.
    public static func programmeNames(_ db: Database, ids: Set<UUID>) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        return try await ProgrammeRecord.query(on: db).filter(\.$id ~~ Array(ids)).all(\.$name).sorted()
    }

    /// The portfolio's projects (not sub-items), in display order.
    public static func projects(_ db: Database, portfolioID: UUID) async throws -> [ProjectInfo] {
        let programmes = try await ProgrammeRecord.query(on: db).filter(\.$portfolio.$id == portfolioID).sort(
            \.$sortOrder
        ).all()
        guard !programmes.isEmpty else { return [] }
        let names = try await People.names(db)
        return try await ProjectRecord.query(on: db).filter(\.$programme.$id ~~ programmes.compactMap(\.id))
            .filter(\.$parent.$id == nil).all()
            .inDisplayOrder(programmes: programmes).map { try $0.info(names: names) }
    }

    public static func isEmpty(_ db: Database) async throws -> Bool {
        try await UserRecord.query(on: db).count() == 0
    }
}

package enum People {
    package static func names(_ db: Database) async throws -> [UUID: String] {
        try await contacts(db).mapValues(\.name)
    }

    /// Everyone's name and address, as plain rows (read for every dashboard and every return-tracking page).
    static func contacts(_ db: Database) async throws -> [UUID: (name: String, email: String?)] {
        guard let sql = db as? SQLDatabase else {
            return Dictionary(
                uniqueKeysWithValues: try await PersonRecord.query(on: db).all().map {
                    (try $0.requireID(), ($0.name, $0.email))
                })
        }
        struct Row: Decodable { let id: RowUUID; let name: String; let email: String? }
        return Dictionary(
            try await sql.select().columns("id", "name", "email").from("people").all(decoding: Row.self)
                .map { ($0.id.value, ($0.name, $0.email)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The person of that name, created if new: people are typed by name in returns and imports.
    package static func findOrCreate(_ db: Database, name: String?, organisationID: UUID? = nil) async throws -> UUID? {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        if let existing = try await PersonRecord.query(on: db).filter(\.$name == name).first() { return existing.id }
        let person = PersonRecord(name: name, jobTitle: nil, organisationID: organisationID)
        try await person.create(on: db)
        return person.id
    }
}
