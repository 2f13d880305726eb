import AssureCore
import AssureStorage
import Fluent
import Foundation
import SQLKit

/// The monthly return handed out as a workbook and taken back: the lines to prefill, and an upload applied whole.
public enum ReturnWorkbooks {
    public struct Contents: Sendable {
        public let portfolio: PortfolioInfo
        public let period: PeriodInfo
        public let due: CalendarDate?
        public let lines: [WorkbookReturnRow]
    }

    /// The projects the actor may write returns for (one programme's, if given), each prefilled with this period's
    /// values if started, else the last period's, and carrying the return's version for the upload's conflict check.
    public static func contents(
        _ db: Database, _ actor: Actor, periodID: UUID, programmeID: UUID? = nil
    ) async throws -> Contents {
        guard let period = try await PeriodRecord.find(periodID, on: db),
            let portfolio = try await PortfolioRecord.find(period.$portfolio.id, on: db)
        else { throw DomainError.notFound("reporting period") }
        guard period.status == PeriodStatus.open.rawValue else {
            throw DomainError.invalid(["period": "Period \(period.label) is \(period.status), not open for returns."])
        }
        let names = try await People.names(db)
        let programmes = Dictionary(
            uniqueKeysWithValues: try await ProgrammeRecord.query(on: db).filter(
                \.$portfolio.$id == portfolio.requireID()
            )
            .all()
            .map { (try $0.requireID(), $0.name) })
        let projects = try await Reports.projectsInDisplayOrder(
            db, portfolioID: portfolio.requireID(), names: names, topLevelOnly: true,
            scope: programmeID.map(RowScope.programme)
        )
        .map(\.info).filter { actor.canEdit(programme: $0.programmeID) }
        let ids = projects.map(\.id)
        var current: [UUID: (info: ReturnInfo, version: Int)] = [:]
        try await ids.inBatches(of: 1000) { batch in
            for record in try await ReturnRecord.query(on: db).filter(\.$period.$id == periodID).filter(
                \.$project.$id ~~ batch
            ).with(\.$milestones).all() {
                current[record.$project.id] = (try record.info(milestones: record.milestones), record.version)
            }
        }
        let earlier = try await Returns.latestEarlier(db, before: period, projects: ids.filter { current[$0] == nil })
        var ratings: [UUID: RatingLevel] = [:]
        if let sql = db as? SQLDatabase,
            let published = try await PublishedPeriods.latest(
                sql, portfolioID: portfolio.requireID(), before: period.asAt)
        {
            ratings = try await PeriodRatings.read(db, periodID: published.id.value)
        }
        let lines = projects.map { project in
            let values = current[project.id]?.info ?? earlier[project.id]
            let form = ReturnForm(
                rating: values?.rating ?? "", update: values?.update ?? "",
                mitigation: values?.mitigation ?? "", milestones: values?.milestones ?? [],
                baseVersion: current[project.id]?.version ?? 0)
            return WorkbookReturnRow(
                projectID: project.id, programme: programmes[project.programmeID] ?? "", reference: project.reference,
                title: project.title, lastRating: ratings[project.id]?.label, form: form)
        }
        return Contents(
            portfolio: try portfolio.info, period: try period.info,
            due: period.returnsDue.flatMap(CalendarDate.init(iso:)),
            lines: lines)
    }

    /// Each project's form as the actor's workbook hands it out now: what an upload is compared with, row by row.
    public static func handedOut(_ db: Database, _ actor: Actor, periodID: UUID) async throws -> [UUID: ReturnForm] {
        guard let lines = try? await contents(db, actor, periodID: periodID).lines else { return [:] }
        return Dictionary(lines.map { ($0.projectID, $0.form) }, uniquingKeysWith: { first, _ in first })
    }

    /// Submits every uploaded return in one transaction, each through the same rules as the web form (the actor's
    /// programmes, the period open, approved returns locked, the version unchanged since the download). Any refusal
    /// is reported against its row, and then nothing is saved.
    public static func apply(
        _ db: Database, _ actor: Actor, periodID: UUID, uploads: [UploadedReturn], sheet: String,
        links: NoticeLinks = .none
    ) async throws -> Int {
        try await db.writeTransaction { db in
            var problems: [ImportProblem] = []
            // A row the lead left as it was handed out is not a return: it keeps what Assure holds (a legacy rating
            // off the scale included), rather than submitting last month's words as this month's.
            let handedOut = try await Self.handedOut(db, actor, periodID: periodID)
            var saved = 0
            for upload in uploads {
                if let prefilled = handedOut[upload.projectID], upload.form.isUnchanged(from: prefilled) { continue }
                saved += 1
                do {
                    try await Returns.saveInTransaction(
                        db, actor, periodID: periodID, projectID: upload.projectID, form: upload.form,
                        action: .submit, links: links)
                } catch let error as DomainError {
                    let message: String
                    switch error {
                    case .conflict:
                        message =
                            "This return was changed in Assure after the workbook was downloaded: download a fresh workbook and fill that in."
                    case .notFound: message = "This row's project is not in this period's portfolio."
                    case .invalid(let errors):
                        message = errors.sorted { $0.key < $1.key }.map(\.value).joined(separator: " ")
                    default: message = error.description
                    }
                    problems.append(ImportProblem(sheet: sheet, row: upload.row, column: nil, message))
                }
            }
            if !problems.isEmpty { throw ImportProblems(problems) }
            try await AuditLog.record(
                db, actor, "upload-workbook", entity: "period", id: periodID,
                after: ["returns": saved, "unchanged": uploads.count - saved])
            return saved
        }
    }
}
