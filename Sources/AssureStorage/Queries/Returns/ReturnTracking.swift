import AssureCore
import FluentKit
import Foundation
import SQLKit

package extension Returns {
    public static func tracking(_ db: Database, periodID: UUID) async throws -> ReturnTracking {
        guard let period = try await PeriodRecord.find(periodID, on: db),
            let portfolio = try await PortfolioRecord.find(period.$portfolio.id, on: db)
        else {
            throw DomainError.notFound("reporting period")
        }
        let people = try await People.contacts(db)
        let names = people.mapValues(\.name)
        let programmes = try await ProgrammeRecord.query(on: db).filter(\.$portfolio.$id == portfolio.requireID()).sort(
            \.$sortOrder
        ).all()
        let projects = try await Reports.projectsInDisplayOrder(
            db, portfolioID: portfolio.requireID(), names: names, topLevelOnly: true)
        let returns = try await states(db, periodID: periodID)
        let editors = try await editorContacts(db, programmeIDs: programmes.compactMap(\.id))

        let rows = try projects.map { project, leadID -> ReturnTracking.Row in
            let ret = returns[project.id]
            let lead = leadID.map {
                ReturnTracking.Contact(name: people[$0]?.name ?? "", email: people[$0]?.email ?? nil)
            }
            let owners = lead?.email != nil ? [lead!] : (lead.map { [$0] } ?? []) + (editors[project.programmeID] ?? [])
            return ReturnTracking.Row(
                project: project, state: try ret.map { try ReturnState(stored: $0.state) } ?? .notStarted,
                owners: owners, savedBy: ret?.saved_by ?? ret?.submitted_by,
                savedAt: ret?.saved_at ?? ret?.submitted_at, submittedAt: ret?.submitted_at,
                reviewedBy: ret?.reviewed_by, reviewComment: ret?.review_comment)
        }
        let byProgramme = Dictionary(grouping: rows, by: \.project.programmeID)
        return ReturnTracking(
            portfolio: try portfolio.info, period: try period.info,
            returnsDue: period.returnsDue.flatMap(CalendarDate.init(iso:)),
            programmes: try programmes.map {
                .init(programme: try $0.info(names: names), rows: byProgramme[try $0.requireID()] ?? [])
            })
    }

    /// The top-level projects and their return states this period: all that publishing needs to find the returns
    /// still missing (without the contacts and editors the tracking page reads).
    static func publicationStates(
        _ db: Database, periodID: UUID
    ) async throws -> (projects: [ProjectInfo], states: [UUID: ReturnState]) {
        guard let period = try await PeriodRecord.find(periodID, on: db) else {
            throw DomainError.notFound("reporting period")
        }
        let projects = try await Reports.projectsInDisplayOrder(
            db, portfolioID: period.$portfolio.id, names: [:], topLevelOnly: true
        ).map(\.info)
        let states = try await db.sql().rows(
            "SELECT project_id, state FROM returns WHERE period_id = \(bind: periodID)"
        ) { row in (try row.uuid(0), try ReturnState(stored: try row.text(1), "returns.state")) }
        return (projects, Dictionary(states, uniquingKeysWith: { first, _ in first }))
    }

    /// Whether any top-level project of the period's portfolio has no return in for publication: one count over the
    /// same projects as `publicationStates`, so that a publication with every return in does not read them all.
    static func anyNotIn(_ db: Database, periodID: UUID) async throws -> Bool {
        let inStates = ReturnState.allCases.filter(\.isIn).map(\.rawValue)
        let count = try await db.sql().rows(
            """
            SELECT COUNT(*) FROM projects p JOIN programmes g ON g.id = p.programme_id
            JOIN periods pe ON pe.portfolio_id = g.portfolio_id AND pe.id = \(bind: periodID)
            LEFT JOIN returns r ON r.project_id = p.id AND r.period_id = pe.id
            WHERE p.parent_id IS NULL AND (r.state IS NULL OR r.state NOT IN (\(binds: inStates)))
            """
        ) { try $0.int(0) }
        return (count.first ?? 0) > 0
    }

    struct StateRow: Decodable {
        let project_id: RowUUID
        let state: String
        let saved_by: String?
        let submitted_by: String?
        let saved_at: Date?
        let submitted_at: Date?
        let reviewed_by: String?
        let review_comment: String?
    }

    /// Each return's state and who last touched it, by project, as plain rows (publication reads this for every project).
    static func states(_ db: Database, periodID: UUID) async throws -> [UUID: StateRow] {
        let sql = try db.sql()
        let rows = try await sql.select()
            .columns(
                "project_id", "state", "saved_by", "submitted_by", "saved_at", "submitted_at", "reviewed_by",
                "review_comment"
            )
            .from("returns").where("period_id", .equal, periodID).all(decoding: StateRow.self)
        return Dictionary(rows.map { ($0.project_id.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The users who may edit each programme (not the PMO), as contacts.
    static func editorContacts(_ db: Database, programmeIDs: [UUID]) async throws -> [UUID: [ReturnTracking.Contact]] {
        guard !programmeIDs.isEmpty else { return [:] }
        let links = try await ProgrammeEditorRecord.query(on: db).filter(\.$programme.$id ~~ programmeIDs).with(\.$user)
            .all()
        return Dictionary(grouping: links, by: { $0.$programme.id }).mapValues { links in
            links.map { ReturnTracking.Contact(name: $0.user.name, email: $0.user.email) }.sorted { $0.name < $1.name }
        }
    }
}
