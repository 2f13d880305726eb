import AssureCore
import Fluent
import SQLKit
import Foundation

/// Tells the SRO at once when a submitted return turns Red or declines against the last published period.
enum Alerts {
    static func queueIfNeeded(_ db: Database, period: PeriodRecord, project: ProjectRecord, portfolio: PortfolioRecord,
                              submitted: ReturnInfo, links: NoticeLinks) async throws {
        guard let current = submitted.ownLevel(on: portfolio.info.scale) else { return }
        let previous = try await previousRating(db, period: period, projectID: project.id!)
        let reasons = Notices.alertReasons(current: current, previous: previous)
        guard !reasons.isEmpty, let programme = try await ProgrammeRecord.find(project.$programme.id, on: db) else { return }
        let person = try await PersonRecord.find(Accountability.accountablePersonID(project: project, programme: programme), on: db)
        let names = try await People.names(db)
        let message = Notices.alert(to: person?.email ?? "", sro: person?.name ?? "SRO", project: project.info(names: names),
                                    period: period.info, reasons: reasons, update: submitted.update,
                                    link: links.returnForm(period.id!, project.id!))
        let problem = person == nil ? "No SRO or clinical lead is named for this project."
            : person?.email == nil ? "No email address is recorded for \(person!.name)." : nil
        try await Outbox.enqueue(db, kind: "alert", message, dedupeKey: "alert:\(period.id!):\(project.id!):\(current.code)",
                                 periodID: period.id, projectID: project.id, undeliverable: problem)
    }

    /// The project's effective rating in the latest published period before this one.
    static func previousRating(_ db: Database, period: PeriodRecord, projectID: UUID) async throws -> RatingLevel? {
        guard let sql = db as? SQLDatabase,
              let previous = try await PublishedPeriods.latest(sql, portfolioID: period.$portfolio.id, before: period.asAt) else { return nil }
        return try await PeriodRatings.read(db, periodID: previous.id.value, projectID: projectID)[projectID]
    }
}
