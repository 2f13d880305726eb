import AssureCore
import AssureStorage
import Fluent
import Foundation

/// What a webhook is sent about a return: enough for a flow to act (post to a channel, open a task) without reading
/// the API first, and the ids to read it by.
struct ReturnEventData: Encodable, Sendable {
    let period: String
    let periodID: UUID
    let projectID: UUID
    let reference: String?
    let title: String
    let programme: String
    let rating: String?
    let state: String
    let by: String
    let version: Int

    init(
        period: PeriodRecord, project: ProjectRecord, programme: ProgrammeRecord, record: ReturnRecord, by actor: Actor
    ) throws {
        self.period = period.key
        periodID = try period.requireID()
        projectID = try project.requireID()
        reference = project.reference
        title = project.title
        self.programme = programme.name
        rating = record.rating
        state = record.state
        by = actor.name
        version = record.version
    }

    /// Queues the event for a return that has just reached a state (the record as saved), once per version.
    static func emit(
        _ event: WebhookEvent, _ db: Database, period: PeriodRecord, project: ProjectRecord,
        programme: ProgrammeRecord, saved record: ReturnRecord, by actor: Actor
    ) async throws {
        let data = try ReturnEventData(
            period: period, project: project, programme: programme, record: record, by: actor)
        try await Webhooks.emit(db, event, key: "\(try record.requireID())|\(record.version)", data: data)
    }
}

/// A published period: which, when, and how its returns stood.
struct PeriodEventData: Encodable, Sendable {
    let periodID: UUID
    let period: String
    let label: String
    let portfolio: String
    let publishedBy: String
}

/// A project rated Red in the period just published, and what it was rated in the period published before.
struct DeclineEventData: Encodable, Sendable {
    let periodID: UUID
    let period: String
    let projectID: UUID
    let reference: String?
    let title: String
    let programme: String
    let rating: String
    let previousRating: String
    let previousPeriod: String
}
