import Fluent
import Foundation

final class PeriodRecord: Model, @unchecked Sendable {
    static let schema = "periods"
    @ID var id: UUID?
    @Parent(key: "portfolio_id") var portfolio: PortfolioRecord
    /// "2016-06"
    @Field(key: "key") var key: String
    @Field(key: "label") var label: String
    @Field(key: "frequency") var frequency: String
    /// ISO day, stored as text so SQLite and PostgreSQL agree.
    @Field(key: "as_at") var asAt: String
    @OptionalField(key: "publish_on") var publishOn: String?
    @Field(key: "status") var status: String
    @Field(key: "illustrative") var isIllustrative: Bool
    @OptionalField(key: "published_at") var publishedAt: Date?
    /// ISO day by which returns are due; chasers count back from it.
    @OptionalField(key: "returns_due") var returnsDue: String?
    /// Whether the PMO published the assurance findings with the period for its board readers.
    @Field(key: "findings_published") var findingsPublished: Bool
    init() {}
}

final class ReturnRecord: Model, @unchecked Sendable {
    static let schema = "returns"
    @ID var id: UUID?
    @Parent(key: "period_id") var period: PeriodRecord
    @Parent(key: "project_id") var project: ProjectRecord
    @OptionalField(key: "rating") var rating: String?
    @OptionalField(key: "reported_trend") var reportedTrend: String?
    @Field(key: "update_text") var update: String
    @Field(key: "mitigation") var mitigation: String
    @OptionalField(key: "submitted_by") var submittedBy: String?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    /// Optimistic locking: every save moves the version on; a save from an older version is a conflict.
    @Field(key: "version") var version: Int
    /// A token written by each save, so a writer can tell that the row it reads back is its own.
    @Field(key: "revision") var revision: UUID
    /// A `ReturnState` raw value.
    @Field(key: "state") var state: String
    @OptionalField(key: "saved_by") var savedBy: String?
    @OptionalField(key: "saved_at") var savedAt: Date?
    @OptionalField(key: "reviewed_by") var reviewedBy: String?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    /// What the SRO or PMO asked to change, shown to the lead on the return.
    @OptionalField(key: "review_comment") var reviewComment: String?
    /// On a carried-forward return: the period its values come from, and how many periods running it is carried.
    @OptionalField(key: "carried_from_key") var carriedFromKey: String?
    @OptionalField(key: "carried_periods") var carriedPeriods: Int?
    @Children(for: \.$parentReturn) var milestones: [ReturnMilestoneRecord]
    init() {}
}

final class ReturnMilestoneRecord: Model, @unchecked Sendable {
    static let schema = "return_milestones"
    @ID var id: UUID?
    @Parent(key: "return_id") var parentReturn: ReturnRecord
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "date_text") var dateText: String
    /// The parsed due day (ISO) and its precision, where the text could be read.
    @OptionalField(key: "due_by") var dueBy: String?
    @OptionalField(key: "precision") var precision: String?
    @OptionalField(key: "rating") var rating: String?
    init() {}
}

/// The report of a published period, frozen as JSON: its pages are reproduced from this, never rebuilt.
final class PeriodSnapshotRecord: Model, @unchecked Sendable {
    static let schema = "period_snapshots"
    @ID var id: UUID?
    @Parent(key: "period_id") var period: PeriodRecord
    @Field(key: "report_json") var reportJSON: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A snapshot superseded when its period was re-opened, kept with the reason.
final class ArchivedSnapshotRecord: Model, @unchecked Sendable {
    static let schema = "period_snapshot_archive"
    @ID var id: UUID?
    @Parent(key: "period_id") var period: PeriodRecord
    @Field(key: "report_json") var reportJSON: String
    @Field(key: "published_at") var publishedAt: Date
    @Field(key: "reopened_at") var reopenedAt: Date
    @Field(key: "reopened_by") var reopenedBy: String
    @Field(key: "reason") var reason: String
    init() {}
}
