import AssureCore
import Fluent
import Foundation

extension Returns {
    public static func tracking(_ db: Database, periodID: UUID) async throws -> ReturnTracking {
        guard let period = try await PeriodRecord.find(periodID, on: db),
              let portfolio = try await PortfolioRecord.find(period.$portfolio.id, on: db) else {
            throw StorageError.notFound("reporting period")
        }
        let people = try await PersonRecord.query(on: db).all()
        let names = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0.name) })
        let emails = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0.email) })
        let programmes = try await ProgrammeRecord.query(on: db).filter(\.$portfolio.$id == portfolio.id!).sort(\.$sortOrder).all()
        let programmeIDs = programmes.compactMap(\.id)
        let projects = programmeIDs.isEmpty ? [] : try await ProjectRecord.query(on: db)
            .filter(\.$programme.$id ~~ programmeIDs).filter(\.$parent.$id == nil).all().inDisplayOrder(programmes: programmes)
        let returns = Dictionary(try await ReturnRecord.query(on: db).filter(\.$period.$id == periodID).all()
            .map { ($0.$project.id, $0) }, uniquingKeysWith: { first, _ in first })
        let editors = try await editorContacts(db, programmeIDs: programmeIDs)

        let rows = projects.map { project -> ReturnTracking.Row in
            let ret = returns[project.id!]
            let lead = project.$lead.id.map { ReturnTracking.Contact(name: names[$0] ?? "", email: emails[$0] ?? nil) }
            let owners = lead?.email != nil ? [lead!] : (lead.map { [$0] } ?? []) + (editors[project.$programme.id] ?? [])
            return ReturnTracking.Row(project: project.info(names: names), state: ret?.returnState ?? .notStarted,
                                      owners: owners, savedBy: ret?.savedBy ?? ret?.submittedBy,
                                      savedAt: ret?.savedAt ?? ret?.submittedAt, submittedAt: ret?.submittedAt,
                                      reviewedBy: ret?.reviewedBy, reviewComment: ret?.reviewComment)
        }
        let byProgramme = Dictionary(grouping: rows, by: \.project.programmeID)
        return ReturnTracking(portfolio: portfolio.info, period: period.info,
                              returnsDue: period.returnsDue.flatMap(CalendarDate.init(iso:)),
                              programmes: programmes.map { .init(programme: $0.info(names: names), rows: byProgramme[$0.id!] ?? []) })
    }

    /// The users who may edit each programme (not the PMO), as contacts.
    static func editorContacts(_ db: Database, programmeIDs: [UUID]) async throws -> [UUID: [ReturnTracking.Contact]] {
        guard !programmeIDs.isEmpty else { return [:] }
        let links = try await ProgrammeEditorRecord.query(on: db).filter(\.$programme.$id ~~ programmeIDs).with(\.$user).all()
        return Dictionary(grouping: links, by: { $0.$programme.id }).mapValues { links in
            links.map { ReturnTracking.Contact(name: $0.user.name, email: $0.user.email) }.sorted { $0.name < $1.name }
        }
    }
}
