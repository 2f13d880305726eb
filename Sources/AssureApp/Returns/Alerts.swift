import AssureCore
import AssureStorage
import Fluent
import Foundation
import SQLKit

/// Tells the SRO at once when a submitted return turns Red or declines against the last published period.
enum Alerts {
    /// Where the SRO is the person who submitted the return, the PMO is told as well: an alert never goes only to the
    /// person whose return caused it.
    static func queueIfNeeded(
        _ db: Database, period: PeriodRecord, project: ProjectRecord, portfolio: PortfolioRecord,
        submitted: ReturnInfo, by submitter: Actor, links: NoticeLinks
    ) async throws {
        guard let current = submitted.ownLevel(on: try portfolio.info.scale) else { return }
        let previous = try await previousRating(db, period: period, projectID: project.requireID())
        let reasons = Notices.alertReasons(current: current, previous: previous)
        guard !reasons.isEmpty, let programme = try await ProgrammeRecord.find(project.$programme.id, on: db) else {
            return
        }
        let person = try await PersonRecord.find(
            Accountability.accountablePersonID(project: project, programme: programme), on: db)
        let names = try await People.names(db)
        let message = Notices.alert(
            to: person?.email ?? "", sro: person?.name ?? "SRO", project: try project.info(names: names),
            period: try period.info, reasons: reasons, update: submitted.update,
            link: links.returnForm(try period.requireID(), try project.requireID()))
        let problem =
            person == nil
            ? "No SRO or clinical lead is named for this project."
            : person?.email == nil ? "No email address is recorded for \(person!.name)." : nil
        try await Outbox.enqueue(
            db, kind: "alert", message, dedupeKey: "alert:\(period.requireID()):\(project.requireID()):\(current.code)",
            periodID: period.id, projectID: project.id, undeliverable: problem)
        var submitterEmail: String?
        if let userID = submitter.userID { submitterEmail = try await UserRecord.find(userID, on: db)?.email }
        guard SegregationOfDuties.alertNeedsAnotherReader(recipientEmail: person?.email, submitterEmail: submitterEmail)
        else { return }
        for pmo in try await UserRecord.query(on: db).filter(\.$role == Role.admin.rawValue).all()
        where pmo.email.lowercased() != submitterEmail?.lowercased() {
            let copy = Notices.alert(
                to: pmo.email, sro: "\(pmo.name) (PMO: \(person?.name ?? "the SRO") submitted this return)",
                project: try project.info(names: names), period: try period.info, reasons: reasons,
                update: submitted.update, link: links.returnForm(try period.requireID(), try project.requireID()))
            try await Outbox.enqueue(
                db, kind: "alert", copy,
                dedupeKey: "alert:\(period.requireID()):\(project.requireID()):\(current.code):\(pmo.email)",
                periodID: period.id, projectID: project.id)
        }
    }

    /// The project's effective rating in the latest published period before this one.
    static func previousRating(_ db: Database, period: PeriodRecord, projectID: UUID) async throws -> RatingLevel? {
        guard let sql = db as? SQLDatabase,
            let previous = try await PublishedPeriods.latest(
                sql, portfolioID: period.$portfolio.id, before: period.asAt)
        else { return nil }
        return try await PeriodRatings.read(db, periodID: previous.id.value, projectID: projectID)[projectID]
    }
}
